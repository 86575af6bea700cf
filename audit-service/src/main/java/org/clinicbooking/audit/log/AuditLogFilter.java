package org.clinicbooking.audit.log;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.clinicbooking.kit.problem.ProblemException;

/**
 * The filters of {@code GET /api/audit-logs}. Every filter is optional, and the given ones all
 * apply. {@code from} is inclusive and {@code to} exclusive, both on the time the event
 * occurred.
 */
public class AuditLogFilter {

    private static final String INSTANT_MESSAGE =
            "must be an ISO 8601 instant with an offset, such as 2027-03-01T09:00:00+03:00";

    @QueryParam("subjectType")
    @Size(max = 50)
    String subjectType;

    @QueryParam("subjectId")
    @Size(max = 64)
    String subjectId;

    @QueryParam("actorId")
    @Pattern(
            regexp = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
            message = "must be a UUID")
    String actorId;

    @QueryParam("eventType")
    @Size(max = 100)
    String eventType;

    @QueryParam("from")
    String from;

    @QueryParam("to")
    String to;

    public AuditLogFilter() {}

    /**
     * Parses the filter into query criteria.
     *
     * @throws ProblemException a validation problem naming {@code from} or {@code to} when one
     *     is not an instant, or when {@code from} is after {@code to}
     */
    AuditLogCriteria criteria() {
        Instant fromInstant = instant("from", from);
        Instant toInstant = instant("to", to);
        if (fromInstant != null && toInstant != null && fromInstant.isAfter(toInstant)) {
            throw ProblemException.invalidField("from", "must not be after to");
        }
        return new AuditLogCriteria(
                blankToNull(subjectType),
                blankToNull(subjectId),
                blankToNull(actorId),
                blankToNull(eventType),
                fromInstant,
                toInstant);
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, INSTANT_MESSAGE);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
