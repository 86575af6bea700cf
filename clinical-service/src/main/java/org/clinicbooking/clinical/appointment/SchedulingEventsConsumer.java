package org.clinicbooking.clinical.appointment;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicbooking.kit.inbox.Inbox;
import org.clinicbooking.kit.inbox.IncomingEvent;
import org.clinicbooking.kit.inbox.MalformedEventException;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the appointment read model from scheduling-service's events. Every
 * {@code clinic.appointment.*} event carries the whole appointment, so each one is applied
 * the same way, as an upsert. Other event types on the topic are skipped. A record that is not
 * a valid event fails, and the channel's failure strategy sends it to the dead-letter topic.
 */
@ApplicationScoped
public class SchedulingEventsConsumer {

    private static final Logger LOG = Logger.getLogger(SchedulingEventsConsumer.class);

    static final String APPOINTMENT_EVENT_PREFIX = "clinic.appointment.";

    private final AppointmentRepository appointments;
    private final Inbox inbox;
    private final Clock clock;

    public SchedulingEventsConsumer(AppointmentRepository appointments, Inbox inbox, Clock clock) {
        this.appointments = appointments;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Incoming("scheduling-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return inbox.process(record, type -> type.startsWith(APPOINTMENT_EVENT_PREFIX), this::apply)
                .onFailure(MalformedEventException.class)
                .invoke(error -> LOG.warnf(
                        "Sending record %s-%d@%d to the dead-letter topic: %s",
                        record.topic(), record.partition(), record.offset(), error.getMessage()));
    }

    private Uni<Void> apply(IncomingEvent event) {
        AppointmentSnapshot snapshot = snapshotOf(event);
        return appointments
                .upsert(snapshot, clock.instant())
                .invoke(() -> LOG.infof(
                        "Applied %s to appointment %s (version %d, event %s)",
                        event.type(), snapshot.id(), snapshot.version(), event.id()));
    }

    /** Reads the fields of the event's AppointmentResponse that the read model keeps. */
    static AppointmentSnapshot snapshotOf(IncomingEvent event) {
        AppointmentSnapshot snapshot = new AppointmentSnapshot(
                event.uuid("id"),
                event.uuid("patientId"),
                event.uuid("doctorId"),
                status(event),
                instant(event, "startAt"),
                instant(event, "endAt"),
                version(event));
        if (!snapshot.id().toString().equals(event.subject())) {
            throw new MalformedEventException(event.type() + " has subject " + event.subject()
                    + " but its data is about appointment " + snapshot.id());
        }
        return snapshot;
    }

    private static AppointmentStatus status(IncomingEvent event) {
        String status = event.text("status");
        try {
            return AppointmentStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(event.type() + " has an unknown status " + status);
        }
    }

    private static Instant instant(IncomingEvent event, String field) {
        try {
            return Instant.parse(event.text(field));
        } catch (DateTimeParseException e) {
            throw new MalformedEventException(event.type() + " has a field " + field + " that is not an instant");
        }
    }

    private static long version(IncomingEvent event) {
        JsonNode version = event.data().get("version");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToLong() || version.asLong() < 0) {
            throw new MalformedEventException(event.type() + " lacks a non-negative integer field version");
        }
        return version.asLong();
    }
}
