package org.clinicbooking.scheduling.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.clinicbooking.scheduling.appointment.AppointmentResponse;

/**
 * Writes a doctor's appointments as an iCalendar (RFC 5545) document: CRLF line ends, content
 * lines folded at 75 octets without splitting a UTF-8 character, times in UTC. The summary
 * names only the status, never the reason or anything else about the patient's health.
 */
final class ICalendarWriter {

    static final String UID_DOMAIN = "clinic-booking.org";

    private static final DateTimeFormatter UTC_DATE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_LINE_OCTETS = 75;
    private static final String CRLF = "\r\n";

    private ICalendarWriter() {}

    static String write(String calendarName, List<AppointmentResponse> appointments) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Clinic Booking Platform//scheduling-service//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + text(calendarName));
        for (AppointmentResponse appointment : appointments) {
            event(out, appointment);
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private static void event(StringBuilder out, AppointmentResponse appointment) {
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + appointment.id() + "@" + UID_DOMAIN);
        // DTSTAMP is the last change of the appointment, so an unchanged event reads the same each time.
        line(out, "DTSTAMP:" + utc(appointment.updatedAt()));
        line(out, "DTSTART:" + utc(appointment.startAt()));
        line(out, "DTEND:" + utc(appointment.endAt()));
        line(out, "SUMMARY:" + text(summary(appointment)));
        line(out, "STATUS:" + (appointment.status().name().equals("BOOKED") ? "TENTATIVE" : "CONFIRMED"));
        line(out, "SEQUENCE:" + appointment.version());
        line(out, "CREATED:" + utc(appointment.createdAt()));
        line(out, "LAST-MODIFIED:" + utc(appointment.updatedAt()));
        line(out, "X-CLINIC-APPOINTMENT-STATUS:" + appointment.status().name());
        line(out, "END:VEVENT");
    }

    private static String summary(AppointmentResponse appointment) {
        return switch (appointment.status()) {
            case BOOKED -> "Appointment (booked)";
            case CONFIRMED -> "Appointment (confirmed)";
            case COMPLETED -> "Appointment (completed)";
            default -> "Appointment";
        };
    }

    private static String utc(Instant instant) {
        return UTC_DATE_TIME.format(instant);
    }

    /** Escapes a TEXT value: backslash, semicolon, comma and line breaks. */
    static String text(String value) {
        return value.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\\n")
                .replace("\n", "\\n")
                .replace("\r", "\\n");
    }

    /** Appends one content line, folded so that no physical line exceeds 75 octets before its CRLF. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = MAX_LINE_OCTETS;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append(CRLF).append(' ');
                // The continuation line starts with a space, which counts towards its 75 octets.
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append(CRLF);
    }
}
