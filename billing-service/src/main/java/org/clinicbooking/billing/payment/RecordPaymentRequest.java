package org.clinicbooking.billing.payment;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;

/** A payment to record. {@code amount} may come as a JSON number or a decimal string; it is never a float. */
public record RecordPaymentRequest(
        @NotNull UUID appointmentId,

        @NotNull
        @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
        @Digits(
                integer = 10,
                fraction = 2,
                message = "must have at most 10 digits before and 2 after the decimal point")
        BigDecimal amount,

        @NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as KES")
        String currency,

        @NotNull PaymentMethod method,

        @Size(max = 100) String externalReference) {}
