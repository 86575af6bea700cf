package org.clinicbooking.billing.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.clinicbooking.billing.appointment.AppointmentDirectory;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.problem.ProblemType;
import org.clinicbooking.kit.security.Actor;
import org.jboss.logging.Logger;

/**
 * Handles {@code POST /api/payments} around its transaction: replays the stored response for an
 * {@code Idempotency-Key} seen before, makes sure the appointment is in the read model, and
 * records the payment.
 */
@ApplicationScoped
public class PaymentRecorder {

    private static final Logger LOG = Logger.getLogger(PaymentRecorder.class);

    /**
     * How often a request that lost the race for its key looks for the winner's response. InnoDB
     * reports the duplicate key only once the winner has committed, so the first read normally
     * finds the response. The retries are a safeguard in case that commit is not yet visible.
     */
    private static final int STORED_RESPONSE_READS = 8;

    private final PaymentService service;
    private final IdempotencyRecordRepository idempotencyRecords;
    private final AppointmentDirectory directory;
    private final ObjectMapper json;

    public PaymentRecorder(
            PaymentService service,
            IdempotencyRecordRepository idempotencyRecords,
            AppointmentDirectory directory,
            ObjectMapper json) {
        this.service = service;
        this.idempotencyRecords = idempotencyRecords;
        this.directory = directory;
        this.json = json;
    }

    /**
     * Records the payment, or returns the first response to the same key and request.
     *
     * @param key the validated {@code Idempotency-Key}, or null
     * @param bearerToken the caller's token, for asking scheduling-service about an unknown appointment
     */
    public Uni<StoredResponse> record(RecordPaymentRequest request, String key, Actor actor, String bearerToken) {
        if (key == null) {
            return directory
                    .require(request.appointmentId(), bearerToken)
                    .chain(() -> service.record(request, actor, null));
        }
        IdempotencyClaim claim = new IdempotencyClaim(key, IdempotencyKeys.fingerprint(actor.userId(), request, json));
        return findRecord(key).chain(stored -> {
            if (stored != null && stored.isComplete()) {
                return Uni.createFrom().item(replay(stored, claim));
            }
            return directory
                    .require(request.appointmentId(), bearerToken)
                    .chain(() -> service.record(request, actor, claim))
                    .onFailure(IdempotencyKeyTaken.class)
                    .recoverWithUni(() -> replayWinner(claim));
        });
    }

    private Uni<StoredResponse> replayWinner(IdempotencyClaim claim) {
        return Uni.createFrom()
                .deferred(() -> findRecord(claim.key()))
                .map(stored -> {
                    if (stored == null || !stored.isComplete()) {
                        throw new StoredResponseNotVisible();
                    }
                    return replay(stored, claim);
                })
                .onFailure(StoredResponseNotVisible.class)
                .retry()
                .withBackOff(Duration.ofMillis(20), Duration.ofMillis(200))
                .atMost(STORED_RESPONSE_READS)
                .onFailure(StoredResponseNotVisible.class)
                .transform(ignored -> new ProblemException(
                        ProblemType.CONCURRENT_UPDATE,
                        "Another request with this Idempotency-Key is still being processed. Retry it shortly."));
    }

    private Uni<IdempotencyRecord> findRecord(String key) {
        // A session of its own each time, so a retry reads what has been committed since.
        return Panache.withSession(() -> idempotencyRecords.findById(key));
    }

    private StoredResponse replay(IdempotencyRecord stored, IdempotencyClaim claim) {
        if (!stored.requestHash().equals(claim.fingerprint())) {
            throw new ProblemException(
                    ProblemType.UNPROCESSABLE,
                    "The Idempotency-Key " + claim.key() + " was already used for a different request"
                            + " (another body or another caller). Send a new key to record another payment.");
        }
        StoredResponse response = stored.replay();
        LOG.infof("Replayed the response for payment %s to a repeated Idempotency-Key", response.paymentId());
        return response;
    }

    /** The winner's record is not readable yet, so the read is retried. */
    private static class StoredResponseNotVisible extends RuntimeException {
        StoredResponseNotVisible() {
            super("The stored response is not visible yet", null, false, false);
        }
    }
}
