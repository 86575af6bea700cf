package org.clinicbooking.audit.log;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.clinicbooking.kit.inbox.IncomingEvent;
import org.clinicbooking.kit.inbox.MalformedEventException;

/**
 * The fields of an audit entry that its hash covers, in the order {@link ChainHash} serialises
 * them. Instants carry microseconds at most, the precision of their {@code DATETIME(6)}
 * columns, so an entry read back from the database hashes to the value computed when it was
 * recorded.
 *
 * @param actorId the acting user's id, or null when a service acted on its own
 * @param payload the event's JSON data exactly as it arrived
 */
public record AuditEntryContent(
        String eventId,
        String eventType,
        String source,
        String subjectType,
        String subjectId,
        String actorId,
        String actorRole,
        Instant occurredAt,
        Instant recordedAt,
        String payload) {

    static final List<String> ACTOR_ROLES = List.of("PATIENT", "DOCTOR", "STAFF", "ADMIN", "SYSTEM");

    // DATETIME(6) accepts the years 1000 to 9999 on MySQL and MariaDB.
    private static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    public AuditEntryContent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(actorRole, "actorRole");
        Objects.requireNonNull(payload, "payload");
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        recordedAt = recordedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Builds the content of the entry for an event, checking what the audit log's columns and
     * constraints require beyond {@link IncomingEvent#from}.
     *
     * @param recordedAt a provisional recorded time, which {@link AuditRecorder} replaces when it
     *     appends the entry
     * @throws MalformedEventException when a header is missing, too long or not a valid value,
     *     so the record goes to the dead-letter topic with that reason
     */
    public static AuditEntryContent of(IncomingEvent event, Instant recordedAt) {
        String subjectType = required(event.aggregateType(), "ce_aggregatetype");
        String actorRole = required(event.actorRole(), "ce_actorrole");
        if (!ACTOR_ROLES.contains(actorRole)) {
            throw new MalformedEventException(
                    "ce_actorrole must be one of " + String.join(", ", ACTOR_ROLES) + ", not " + actorRole);
        }
        String actorId = event.actorId() == null || event.actorId().isBlank() ? null : event.actorId();
        if (actorId != null && !isUuid(actorId)) {
            throw new MalformedEventException("ce_actorid is not a UUID");
        }
        if (event.time().isBefore(EARLIEST) || event.time().isAfter(LATEST)) {
            throw new MalformedEventException("ce_time " + event.time() + " is outside the years 1000 to 9999");
        }
        return new AuditEntryContent(
                event.id(),
                limited(event.type(), "ce_type", 100),
                limited(event.source(), "ce_source", 100),
                limited(subjectType, "ce_aggregatetype", 50),
                limited(event.subject(), "ce_subject", 64),
                actorId,
                actorRole,
                event.time(),
                recordedAt,
                event.rawData());
    }

    /** Returns a copy with the given recorded time, truncated to microseconds. */
    public AuditEntryContent withRecordedAt(Instant time) {
        return new AuditEntryContent(
                eventId, eventType, source, subjectType, subjectId, actorId, actorRole, occurredAt, time, payload);
    }

    private static String required(String value, String header) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("missing header " + header);
        }
        return value;
    }

    private static String limited(String value, String header, int maxLength) {
        if (value.length() > maxLength) {
            throw new MalformedEventException(header + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return value.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
