package org.clinicbooking.billing.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.clinicbooking.billing.appointment.Appointment;
import org.clinicbooking.billing.appointment.AppointmentReadModel;
import org.clinicbooking.kit.outbox.Outbox;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.problem.SqlErrors;
import org.clinicbooking.kit.security.Actor;
import org.clinicbooking.kit.transaction.Transactions;
import org.jboss.logging.Logger;

/** Records a payment, its event and its idempotency record in one transaction. */
@ApplicationScoped
public class PaymentService {

    private static final Logger LOG = Logger.getLogger(PaymentService.class);

    private final PaymentRepository payments;
    private final IdempotencyRecordRepository idempotencyRecords;
    private final AppointmentReadModel appointments;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;

    public PaymentService(
            PaymentRepository payments,
            IdempotencyRecordRepository idempotencyRecords,
            AppointmentReadModel appointments,
            Outbox outbox,
            ObjectMapper json,
            Clock clock) {
        this.payments = payments;
        this.idempotencyRecords = idempotencyRecords;
        this.appointments = appointments;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records the payment if every rule holds. The appointment must already be in the read model.
     *
     * <p>The order of the statements is what makes this safe under concurrency. The key is
     * inserted first: a second request with the same key blocks on that insert until this
     * transaction ends and, if this one committed, fails with {@link IdempotencyKeyTaken}. Next
     * the appointment row is locked, and only then is the paid total read. That read is the
     * transaction's first consistent read, so it includes every payment committed by earlier
     * holders of the lock.
     *
     * <p>A transaction that InnoDB rolls back as a deadlock victim, or after a lock wait timeout,
     * runs again from the start, the key insert included. The read-model consumer causes such a
     * deadlock when it applies a change of the appointment, such as its completion, at the same
     * moment: it holds a shared lock on the row and then needs the exclusive lock this
     * transaction waits for.
     *
     * @param claim the request's {@code Idempotency-Key}, or null when it sent none
     */
    public Uni<StoredResponse> record(RecordPaymentRequest request, Actor actor, IdempotencyClaim claim) {
        return Transactions.retryingLockConflicts(
                "payment for appointment " + request.appointmentId(), () -> recordInTransaction(request, actor, claim));
    }

    private Uni<StoredResponse> recordInTransaction(RecordPaymentRequest request, Actor actor, IdempotencyClaim claim) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return claim(claim, actor, now)
                .chain(idempotencyRecord -> appointments
                        .lockForUpdate(request.appointmentId())
                        .onItem()
                        .ifNull()
                        .failWith(() -> ProblemException.notFound("Appointment", request.appointmentId()))
                        .chain(appointment -> checkAndPersist(request, appointment, actor, claim, now))
                        .call(payment -> outbox.append(PaymentEvents.recorded(PaymentResponse.of(payment), actor)))
                        .map(payment -> {
                            StoredResponse response = created(payment);
                            if (idempotencyRecord != null) {
                                idempotencyRecord.complete(response);
                            }
                            LOG.infof(
                                    "Recorded payment %s of %s %s for appointment %s",
                                    payment.id(),
                                    Money.format(payment.amount(), payment.currency()),
                                    payment.currency(),
                                    payment.appointmentId());
                            return response;
                        }));
    }

    private Uni<IdempotencyRecord> claim(IdempotencyClaim claim, Actor actor, Instant now) {
        if (claim == null) {
            return Uni.createFrom().nullItem();
        }
        IdempotencyRecord record = new IdempotencyRecord(claim.key(), claim.fingerprint(), actor.userId(), now);
        return idempotencyRecords
                .persistAndFlush(record)
                .onFailure(SqlErrors::isDuplicateKey)
                .transform(ignored -> new IdempotencyKeyTaken(claim.key()));
    }

    private Uni<Payment> checkAndPersist(
            RecordPaymentRequest request, Appointment appointment, Actor actor, IdempotencyClaim claim, Instant now) {
        PaymentPolicy.requireNotCancelled(appointment);
        PaymentPolicy.requireCurrency(appointment, request);
        PaymentPolicy.requireCurrencyScale(request);
        return payments.total(appointment.id(), List.of(PaymentStatus.COMPLETED))
                .chain(paid -> {
                    PaymentPolicy.requireWithinPrice(appointment, paid, request.amount());
                    Payment payment = new Payment(
                            appointment.id(),
                            appointment.patientId(),
                            request.amount().setScale(Money.MAX_SCALE),
                            request.currency(),
                            request.method(),
                            blankToNull(request.externalReference()),
                            claim == null ? null : claim.key(),
                            actor.userId(),
                            now);
                    return payments.persistAndFlush(payment);
                });
    }

    private StoredResponse created(Payment payment) {
        try {
            return new StoredResponse(201, json.writeValueAsString(PaymentResponse.of(payment)), payment.id(), false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Payment " + payment.id() + " cannot be written as JSON", e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
