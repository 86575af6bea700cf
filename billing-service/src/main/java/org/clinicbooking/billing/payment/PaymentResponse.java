package org.clinicbooking.billing.payment;

import java.time.Instant;
import java.util.UUID;

/** A payment as the API and the {@code clinic.payment.recorded} event show it; money as a decimal string. */
public record PaymentResponse(
        UUID id,
        UUID appointmentId,
        UUID patientId,
        String amount,
        String currency,
        PaymentMethod method,
        PaymentStatus status,
        String externalReference,
        Instant paidAt) {

    public static PaymentResponse of(Payment payment) {
        return new PaymentResponse(
                payment.id(),
                payment.appointmentId(),
                payment.patientId(),
                Money.format(payment.amount(), payment.currency()),
                payment.currency(),
                payment.method(),
                payment.status(),
                payment.externalReference(),
                payment.paidAt());
    }
}
