package org.clinicbooking.user.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Currency;

/**
 * An ISO 4217 code of a currency of money, in upper case ({@code KES}, {@code USD}), as
 * {@link Currency} of this JDK knows it. Codes without minor units, such as gold ({@code XAU}),
 * are invalid. A null value is valid; combine with {@code @NotNull} where the field is required.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CurrencyCode.Validator.class)
public @interface CurrencyCode {

    String message() default "must be an ISO 4217 currency code such as KES or USD";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CurrencyCode, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (!value.matches("[A-Z]{3}")) {
                return false;
            }
            try {
                return Currency.getInstance(value).getDefaultFractionDigits() >= 0;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }
}
