package org.clinicbooking.billing.refund;

import java.time.Instant;
import java.util.UUID;
import org.clinicbooking.billing.payment.Money;
import org.clinicbooking.billing.payment.Payment;

/** The data of a {@code clinic.payment.refunded} event; money as a decimal string. */
public record PaymentRefunded(
        UUID paymentId,
        UUID refundId,
        UUID appointmentId,
        UUID patientId,
        String amount,
        String currency,
        RefundReason reason,
        Instant refundedAt) {

    static PaymentRefunded of(Payment payment, Refund refund) {
        return new PaymentRefunded(
                payment.id(),
                refund.id(),
                payment.appointmentId(),
                payment.patientId(),
                Money.format(refund.amount(), payment.currency()),
                payment.currency(),
                refund.reason(),
                refund.refundedAt());
    }
}
