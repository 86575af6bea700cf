package org.clinicbooking.user.medicalservice;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.clinicbooking.user.validation.CurrencyCode;

/**
 * A medical service to create, or the full new state of one to update (PUT replaces every
 * field). {@code price} may be a JSON string or number; {@code active} defaults to true.
 */
public record MedicalServiceRequest(
        @NotBlank
        @Pattern(
                regexp = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$",
                message = "must be 1 to 64 letters, digits, dots, underscores or hyphens")
        String code,

        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,

        @NotNull
        @Min(value = 1, message = "must be at least 1 minute")
        @Max(value = MedicalServiceRequest.MAX_DURATION_MINUTES, message = "must be at most 480 minutes")
        Integer durationMinutes,

        @NotNull
        @DecimalMin(value = "0", message = "must be 0 or more")
        @Digits(integer = 10, fraction = 2, message = "must have at most 10 digits before the point and 2 after it")
        BigDecimal price,

        @NotNull @CurrencyCode String currency,
        Boolean active) {

    /** The longest bookable service: a full working day. */
    public static final int MAX_DURATION_MINUTES = 480;

    /** The same request with trimmed text, an empty description as none and the default active flag. */
    MedicalServiceRequest normalized() {
        String trimmedDescription = description == null || description.isBlank() ? null : description.trim();
        return new MedicalServiceRequest(
                code.trim(),
                name.trim(),
                trimmedDescription,
                durationMinutes,
                price,
                currency,
                active == null ? Boolean.TRUE : active);
    }
}
