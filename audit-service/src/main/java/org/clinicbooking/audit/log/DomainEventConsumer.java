package org.clinicbooking.audit.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicbooking.kit.inbox.IncomingEvent;
import org.clinicbooking.kit.inbox.MalformedEventException;
import org.clinicbooking.kit.problem.SqlErrors;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Records every event of the four event topics in the audit log. A transient database failure
 * (lock conflict, database down, no response within 30 s) is retried with back-off for as long as it lasts, so an outage
 * delays entries without losing any. A record that is not a valid event, or that still cannot be
 * stored after a few retries for another reason, fails the returned {@code Uni}: the channel's
 * dead-letter-queue strategy then sends it to the dead-letter topic with the failure message as
 * its {@code dead-letter-reason} header, and consumption carries on.
 */
@ApplicationScoped
public class DomainEventConsumer {

    private static final Logger LOG = Logger.getLogger(DomainEventConsumer.class);

    /** Retries of an append that failed for a reason other than a transient one, before dead-lettering. */
    private static final int STORE_RETRIES = 3;

    /**
     * How long one append may take before it counts as a transient failure and is retried. A
     * query in flight when MariaDB restarts can stay unanswered forever on the reactive client.
     */
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(30);

    private final AuditRecorder recorder;
    private final ObjectMapper json;
    private final Clock clock;

    public DomainEventConsumer(AuditRecorder recorder, ObjectMapper json, Clock clock) {
        this.recorder = recorder;
        this.json = json;
        this.clock = clock;
    }

    @Incoming("domain-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return Uni.createFrom()
                .item(() -> AuditEntryContent.of(IncomingEvent.from(record, json), clock.instant()))
                .chain(content -> Uni.createFrom()
                        .deferred(() -> recorder.record(content))
                        .ifNoItem()
                        .after(ATTEMPT_TIMEOUT)
                        .failWith(() -> new TimeoutException("The database did not respond within " + ATTEMPT_TIMEOUT))
                        .onFailure(SqlErrors::isTransient)
                        .invoke(error -> LOG.warnf(
                                "Event %s not recorded yet, will retry: %s", content.eventId(), error.getMessage()))
                        .onFailure(SqlErrors::isTransient)
                        .retry()
                        .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10))
                        .indefinitely()
                        .onFailure()
                        .retry()
                        .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2))
                        .atMost(STORE_RETRIES)
                        .invoke(entry -> {
                            if (entry.isPresent()) {
                                LOG.infof(
                                        "Recorded audit entry %d for event %s (%s)",
                                        entry.get().id(), content.eventId(), content.eventType());
                            } else {
                                LOG.infof("Skipped event %s: already in the audit log", content.eventId());
                            }
                        }))
                .onFailure()
                .invoke(error -> logDeadLetter(record, error))
                .replaceWithVoid();
    }

    private static void logDeadLetter(ConsumerRecord<String, String> record, Throwable error) {
        if (error instanceof MalformedEventException) {
            LOG.warnf(
                    "Sending record %s-%d@%d to the dead-letter topic: %s",
                    record.topic(), record.partition(), record.offset(), error.getMessage());
        } else {
            LOG.errorf(
                    error,
                    "Sending record %s-%d@%d to the dead-letter topic: it could not be stored after %d retries",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    STORE_RETRIES);
        }
    }
}
