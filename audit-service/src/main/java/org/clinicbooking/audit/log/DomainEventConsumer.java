package org.clinicbooking.audit.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicbooking.kit.inbox.IncomingEvent;
import org.clinicbooking.kit.inbox.MalformedEventException;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Records every event of the four event topics in the audit log. A record that is not a valid
 * event, or that still cannot be stored after a few retries, fails the returned {@code Uni}:
 * the channel's dead-letter-queue strategy then sends it to the dead-letter topic with the
 * failure message as its {@code dead-letter-reason} header, and consumption carries on.
 */
@ApplicationScoped
public class DomainEventConsumer {

    private static final Logger LOG = Logger.getLogger(DomainEventConsumer.class);

    /** Retries of a failed append (a lock timeout, a lost connection) before dead-lettering. */
    // NOTE: a database outage longer than these retries (a few seconds) dead-letters every event
    // consumed meanwhile. Publishing them again to their original topic restores them, and an
    // event that was recorded already is skipped.
    private static final int STORE_RETRIES = 3;

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
                .chain(content -> recorder.record(content)
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
