package org.clinicbooking.billing.refund;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.clinicbooking.billing.appointment.AppointmentReadModel;
import org.clinicbooking.billing.payment.Payment;
import org.clinicbooking.billing.payment.PaymentEvents;
import org.clinicbooking.billing.payment.PaymentRepository;
import org.clinicbooking.kit.outbox.DomainEvent;
import org.clinicbooking.kit.outbox.Outbox;
import org.clinicbooking.kit.security.Actor;
import org.jboss.logging.Logger;

/** Gives back what was paid for an appointment that was cancelled. */
@ApplicationScoped
public class RefundService {

    private static final Logger LOG = Logger.getLogger(RefundService.class);

    private final AppointmentReadModel appointments;
    private final PaymentRepository payments;
    private final RefundRepository refunds;
    private final Outbox outbox;
    private final Clock clock;

    public RefundService(
            AppointmentReadModel appointments,
            PaymentRepository payments,
            RefundRepository refunds,
            Outbox outbox,
            Clock clock) {
        this.appointments = appointments;
        this.payments = payments;
        this.refunds = refunds;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Refunds every completed payment of the appointment in full and publishes one
     * {@code clinic.payment.refunded} event per payment, inside the caller's transaction.
     *
     * <p>The appointment row is locked first, as a payment does, so no payment can be recorded
     * between the read of the completed payments and the commit. Running this twice changes
     * nothing the second time: the payments are no longer completed, and refund.payment_id is
     * unique. The events name billing itself ({@code SYSTEM}) as the actor, because no person
     * issued the refund; the cancellation's own event names who cancelled.
     */
    public Uni<List<Refund>> refundCancelledAppointment(UUID appointmentId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return appointments
                .lockForUpdate(appointmentId)
                .chain(() -> payments.completedFor(appointmentId))
                .chain(completed -> Multi.createFrom()
                        .iterable(completed)
                        .onItem()
                        .transformToUniAndConcatenate(payment -> refund(payment, now))
                        .collect()
                        .asList());
    }

    private Uni<Refund> refund(Payment payment, Instant now) {
        Refund refund = new Refund(payment.id(), payment.amount(), RefundReason.APPOINTMENT_CANCELLED, now);
        payment.markRefunded();
        DomainEvent event = new DomainEvent(
                PaymentEvents.REFUNDED,
                PaymentEvents.AGGREGATE_TYPE,
                payment.id().toString(),
                PaymentRefunded.of(payment, refund),
                Actor.system());
        return refunds.persist(refund)
                .call(() -> outbox.append(event))
                .invoke(() -> LOG.infof(
                        "Refunded payment %s of cancelled appointment %s with refund %s",
                        payment.id(), payment.appointmentId(), refund.id()));
    }
}
