package org.clinicbooking.billing.payment;

import org.clinicbooking.kit.outbox.DomainEvent;
import org.clinicbooking.kit.security.Actor;

/** The events of the payment aggregate, published to {@code billing-events}. */
public final class PaymentEvents {

    public static final String AGGREGATE_TYPE = "payment";
    public static final String RECORDED = "clinic.payment.recorded";
    public static final String REFUNDED = "clinic.payment.refunded";

    private PaymentEvents() {}

    static DomainEvent recorded(PaymentResponse payment, Actor actor) {
        return new DomainEvent(RECORDED, AGGREGATE_TYPE, payment.id().toString(), payment, actor);
    }
}
