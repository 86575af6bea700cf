package org.clinicbooking.clinical.prescription;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A prescription a doctor issues for one of their appointments.
 *
 * @param rxNormCode the RxNorm concept id (RXCUI) of the medication, if known; kept as given,
 *     leading zeros included
 * @param durationDays how many days the patient takes the medication, 1 to 365
 */
public record IssuePrescriptionRequest(
        @NotNull UUID appointmentId,
        @NotBlank @Size(max = 200) String medication,

        @Size(max = 20) @Pattern(regexp = "[0-9]+", message = "must contain digits only")
        String rxNormCode,

        @NotBlank @Size(max = 100) String dosage,
        @NotBlank @Size(max = 100) String frequency,

        @NotNull @Min(value = 1, message = "must be at least 1") @Max(value = 365, message = "must be at most 365")
        Integer durationDays,

        @Size(max = 2000) String instructions) {}
