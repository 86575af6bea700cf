package org.clinicbooking.scheduling;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.clinicbooking.kit.problem.ProblemException;

/**
 * Parses instants, dates and ids from request fields and query parameters, so that a bad value
 * is rejected with the field's name and an example of the expected form.
 */
public final class InputFormats {

    /**
     * The instants a request may carry. MariaDB's and MySQL's DATETIME ends at year 9999, and an
     * appointment's end is computed from its start, so the last year leaves room for it.
     */
    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("9998-12-31T23:59:59Z");

    private InputFormats() {}

    /**
     * Parses an ISO 8601 date-time that carries an offset ({@code Z} or {@code +03:00}). A local
     * date-time without an offset is rejected: the service cannot guess the zone it was meant in.
     * The result is truncated to microseconds, the precision the database stores, and must lie
     * between {@link #EARLIEST} and {@link #LATEST}.
     */
    public static Instant instantWithOffset(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(field, "is required");
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant()
                    .truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            String message = looksLikeLocalDateTime(value)
                    ? "must carry a UTC offset, such as 2027-03-01T09:00:00+03:00 or 2027-03-01T06:00:00Z"
                    : "must be an ISO 8601 date-time with an offset, such as 2027-03-01T09:00:00+03:00";
            throw ProblemException.invalidField(field, message);
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw ProblemException.invalidField(field, "must be between " + EARLIEST + " and " + LATEST);
        }
        return instant;
    }

    /** Like {@link #instantWithOffset}, but an absent value gives null. */
    public static Instant optionalInstantWithOffset(String field, String value) {
        return value == null || value.isBlank() ? null : instantWithOffset(field, value);
    }

    public static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(field, "is required");
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be a date such as 2027-03-01");
        }
    }

    public static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(field, "is required");
        }
        return optionalUuid(field, value);
    }

    public static UUID optionalUuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "must be a UUID");
        }
    }

    private static boolean looksLikeLocalDateTime(String value) {
        try {
            java.time.LocalDateTime.parse(value.trim());
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
