package org.clinicbooking.clinical.review;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A patient's review of a completed appointment.
 *
 * @param showName whether the doctor's public review list may show who wrote it; false when
 *     left out
 */
public record PostReviewRequest(
        @NotNull UUID appointmentId,

        @NotNull
        @Min(value = 1, message = "must be between 1 and 5")
        @Max(value = 5, message = "must be between 1 and 5")
        Integer rating,

        @Size(max = 2000) String comment,
        Boolean showName) {}
