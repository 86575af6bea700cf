package org.clinicbooking.user.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;
import java.util.Set;

/**
 * An IANA time zone region id in Area/Location form, such as {@code Africa/Nairobi}, or
 * {@code UTC}. Fixed offsets ({@code +03:00}, {@code UTC+3}) and the legacy one-word aliases
 * ({@code Japan}) are invalid, because a clinic's hours must follow its region's daylight-saving rules.
 * A null value is valid; combine with {@code @NotBlank} where the field is required.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IanaTimeZone.Validator.class)
public @interface IanaTimeZone {

    String message() default "must be an IANA time zone id such as Africa/Nairobi";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IanaTimeZone, String> {

        // The JDK's tzdb region ids. Offsets and prefixed offsets are never among them.
        private static final Set<String> REGION_IDS = Set.copyOf(ZoneId.getAvailableZoneIds());

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            return REGION_IDS.contains(value) && (value.contains("/") || value.equals("UTC"));
        }
    }
}
