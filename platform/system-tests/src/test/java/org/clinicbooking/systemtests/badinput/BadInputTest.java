package org.clinicbooking.systemtests.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.clinicbooking.systemtests.support.Account;
import org.clinicbooking.systemtests.support.ConsumerGroups;
import org.clinicbooking.systemtests.support.Database;
import org.clinicbooking.systemtests.support.Http;
import org.clinicbooking.systemtests.support.Practice;
import org.clinicbooking.systemtests.support.ReliabilityReport;
import org.clinicbooking.systemtests.support.Reply;
import org.clinicbooking.systemtests.support.Stack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Sends malformed requests to every endpoint that takes input, each one as a caller who is
 * allowed to use it, so that only the input is wrong. Every answer must be a 4xx problem
 * document, and no data may change: every change writes an outbox event, so unchanged outbox
 * high-water marks and row counts prove that nothing was written.
 */
@Order(10)
class BadInputTest {

    /** The tables whose row counts must not move. */
    private static final List<String> TABLES = List.of(
            "user_service.app_user",
            "user_service.clinic",
            "user_service.medical_service",
            "user_service.doctor",
            "user_service.doctor_service_link",
            "scheduling_service.appointment",
            "scheduling_service.working_hours",
            "scheduling_service.time_off",
            "billing_service.payment",
            "billing_service.idempotency_record",
            "clinical_service.prescription",
            "clinical_service.review",
            "audit_service.audit_entry");

    private static final ReliabilityReport.Section REPORT = ReliabilityReport.section(BadInputTest.class, "Bad input")
            .injected("Malformed requests through the gateway to every endpoint that takes a body, a query or a "
                    + "path id, each sent with a token that may use the endpoint: empty, `null`, array and "
                    + "truncated bodies, invalid UTF-8, JSON nested 5,000 deep (10 KB, under the body limit, so the parser meets it), unknown and missing fields, "
                    + "a text/plain content type, a 100 KB and a 2 MB body, and for every field values of the "
                    + "wrong type, over-long strings, impossible dates, offsets out of range, instants without "
                    + "an offset, negative, fractional and huge numbers, unknown enum values, and SQL and "
                    + "script metacharacters where the format forbids them.")
            .checked("Every answer is a 4xx with Content-Type application/problem+json; none is a 5xx. The "
                    + "outbox high-water mark of every service and the row count of every business table are "
                    + "the same before and after.");

    private static Practice practice;
    private static Map<String, Object> ids;

    @BeforeAll
    static void createTargets() {
        practice = Practice.create("badinput", 1, 1);
        Account doctor = practice.doctors().get(0);
        Account patient = practice.patients().get(0);
        UUID appointment = practice.bookNext(doctor, patient);
        practice.changeStatus(appointment, "CONFIRMED", doctor).expect(200);
        Account profileless = practice.newUser("profileless-doctor", "DOCTOR");
        Database.awaitNumber(
                1,
                Duration.ofSeconds(60),
                "SELECT COUNT(*) FROM billing_service.appointment WHERE id = ?",
                appointment.toString());
        Database.awaitNumber(
                1,
                Duration.ofSeconds(60),
                "SELECT COUNT(*) FROM clinical_service.appointment WHERE id = ? AND status = 'CONFIRMED'",
                appointment.toString());
        ids = Map.of(
                "doctor", doctor.id(),
                "patient", patient.id(),
                "profileless", profileless.id(),
                "appointment", appointment,
                "clinic", practice.clinicId(),
                "service", practice.serviceId());
    }

    @Test
    void everyMalformedRequestGetsProblem() {
        // The setup's own events must reach every consumer first, or they would count as changes.
        ConsumerGroups.awaitNoLag(Duration.ofMinutes(1));
        Map<String, Long> marksBefore = outboxMarks();
        Map<String, Long> rowsBefore = rowCounts();
        List<Reply> replies = new ArrayList<>();

        for (Endpoint endpoint : endpoints()) {
            for (Map.Entry<String, Supplier<Http.Call>> request :
                    bodyMutations(endpoint).entrySet()) {
                replies.add(request.getValue().get().send());
            }
            for (Map.Entry<String, Object> field : endpoint.fieldsInOrder()) {
                for (Object invalid : endpoint.kind(field.getKey()).invalidValues()) {
                    Map<String, Object> body = new LinkedHashMap<>(endpoint.body());
                    body.put(field.getKey(), invalid);
                    replies.add(endpoint.call(practice).json(body).send());
                }
            }
        }
        replies.addAll(queryAndPathMutations());

        Map<String, Long> marksAfter = outboxMarks();
        Map<String, Long> rowsAfter = rowCounts();
        List<String> wrong = replies.stream()
                .filter(reply -> reply.status() < 400 || reply.status() >= 500 || !reply.isProblem())
                .map(Reply::describe)
                .toList();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        replies.forEach(reply -> statuses.merge(reply.status(), 1, Integer::sum));
        long serverErrors =
                replies.stream().filter(reply -> reply.status() >= 500).count();
        long changedTables = rowsBefore.keySet().stream()
                .filter(table -> !rowsBefore.get(table).equals(rowsAfter.get(table)))
                .count();
        long newEvents = marksAfter.entrySet().stream()
                .mapToLong(entry -> entry.getValue() - marksBefore.get(entry.getKey()))
                .sum();

        REPORT.figure("Malformed requests sent", replies.size())
                .figure("Endpoints covered", endpoints().size() + " with a body, plus query and path checks")
                .figure("Answers by status", statuses)
                .figure("Answers that were not a 4xx problem", wrong.size())
                .figure("Events written (outbox rows)", newEvents)
                .figure("Tables whose row count changed", changedTables)
                .figure("Lost", 0)
                .figure("Duplicated", 0)
                .figure("5xx answers", serverErrors);

        assertThat(replies.size()).as("malformed requests sent").isGreaterThanOrEqualTo(200);
        assertThat(wrong).as("answers that are not a 4xx problem").isEmpty();
        assertThat(marksAfter).as("outbox high-water marks").isEqualTo(marksBefore);
        assertThat(rowsAfter).as("row counts").isEqualTo(rowsBefore);
    }

    /** Whole-body mutations, the same for every endpoint. */
    private static Map<String, Supplier<Http.Call>> bodyMutations(Endpoint endpoint) {
        String valid = toJson(endpoint.body());
        Map<String, Supplier<Http.Call>> mutations = new LinkedHashMap<>();
        mutations.put("empty body", () -> endpoint.call(practice).raw("application/json", new byte[0]));
        mutations.put("null", () -> endpoint.call(practice).jsonText("null"));
        mutations.put("array", () -> endpoint.call(practice).jsonText("[" + valid + "]"));
        mutations.put("truncated", () -> endpoint.call(practice).jsonText(valid.substring(0, valid.length() / 2)));
        mutations.put("no fields", () -> endpoint.call(practice).jsonText("{}"));
        mutations.put(
                "unknown field",
                () -> endpoint.call(practice).jsonText(valid.substring(0, valid.length() - 1) + ",\"isAdmin\":true}"));
        mutations.put("invalid UTF-8", () -> endpoint.call(practice).raw("application/json", invalidUtf8(valid)));
        mutations.put(
                "deep nesting",
                () -> endpoint.call(practice).jsonText("{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}"));
        mutations.put(
                "text/plain", () -> endpoint.call(practice).raw("text/plain", valid.getBytes(StandardCharsets.UTF_8)));
        mutations.put(
                "100 KB body",
                () -> endpoint.call(practice).jsonText("{\"padding\":\"" + "p".repeat(100 * 1024) + "\"}"));
        mutations.put(
                "2 MB body",
                () -> endpoint.call(practice).jsonText("{\"padding\":\"" + "p".repeat(2 * 1024 * 1024) + "\"}"));
        return mutations;
    }

    /** Replaces the first string value's first character with bytes that are not UTF-8. */
    private static byte[] invalidUtf8(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        int quote = json.indexOf(":\"") + 2;
        byte[] broken = bytes.clone();
        broken[quote] = (byte) 0xC3;
        broken[quote + 1] = (byte) 0x28;
        return broken;
    }

    private static List<Reply> queryAndPathMutations() {
        Http gateway = practice.gateway();
        String admin = practice.admin().token();
        String patient = practice.patients().get(0).token();
        UUID doctor = (UUID) ids.get("doctor");
        List<String> adminGets = List.of(
                "/api/users/not-a-uuid",
                "/api/users/1'%20OR%20'1'='1",
                "/api/users?page=-1",
                "/api/users?size=0",
                "/api/users?size=101",
                "/api/users?page=abc",
                "/api/users?role=GOD",
                "/api/users?email=" + "e".repeat(300),
                "/api/clinics/%00",
                "/api/clinics?city=" + "c".repeat(200),
                "/api/medical-services?code=" + "k".repeat(100),
                "/api/doctors?specialization=" + "s".repeat(200),
                "/api/doctors/" + doctor + "/availability?from=2030-13-45&to=2030-01-02&serviceId="
                        + ids.get("service"),
                "/api/doctors/" + doctor + "/availability?from=2030-01-02&to=2030-01-01&serviceId="
                        + ids.get("service"),
                "/api/doctors/" + doctor + "/availability?from=2030-01-01&to=2035-01-01&serviceId="
                        + ids.get("service"),
                "/api/doctors/" + doctor + "/availability?from=2030-01-01&to=2030-01-02&serviceId=x'--",
                "/api/doctors/not-a-uuid/calendar.ics",
                "/api/appointments?status=PAID",
                "/api/appointments?status=BOOKED'%20OR%20'1'='1",
                "/api/appointments?from=yesterday",
                "/api/appointments?from=2030-01-01T00:00:00",
                "/api/appointments?to=2030-01-01T00:00:00%2B25:00",
                "/api/appointments?doctorId=1%3BDROP%20TABLE%20appointment",
                "/api/appointments/not-a-uuid",
                "/api/payments?appointmentId=not-a-uuid",
                "/api/payments?appointmentId=" + ids.get("appointment") + "&status=STOLEN",
                "/api/payments/balance?appointmentId=%27",
                "/api/prescriptions?appointmentId=%3Cscript%3E",
                "/api/doctors/" + doctor + "/reviews?size=1000000",
                "/api/doctors/not-a-uuid/rating",
                "/api/audit-logs?from=notadate",
                "/api/audit-logs?subjectType=" + "t".repeat(500),
                "/api/audit-logs?actorId=x'%20OR%201=1--",
                "/api/audit-logs?page=99999999999");
        List<Reply> replies = new ArrayList<>();
        for (String path : adminGets) {
            replies.add(gateway.get(path).token(admin).send());
        }
        replies.add(gateway.delete("/api/appointments/" + ids.get("appointment") + "?reason=" + "r".repeat(1_500))
                .token(patient)
                .send());
        replies.add(gateway.delete("/api/users/not-a-uuid").token(admin).send());
        replies.add(gateway.delete("/api/doctors/" + doctor + "/services/not-a-uuid")
                .token(admin)
                .send());
        replies.add(gateway.method("PATCH", "/api/appointments/" + ids.get("appointment"))
                .token(admin)
                .jsonText("{}")
                .send());
        return replies;
    }

    private static List<Endpoint> endpoints() {
        Object doctor = ids.get("doctor");
        Object appointment = ids.get("appointment");
        String later = Instant.now()
                .plus(3000, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.HOURS)
                .toString();
        String laterStill = Instant.now()
                .plus(3001, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.HOURS)
                .toString();
        Map<String, Object> clinic = Map.of(
                "name", "Clinic", "address", "1 Road", "city", "Town", "phone", "+15550000001", "timeZone", "UTC");
        Map<String, Field> clinicKinds = Map.of(
                "name", Field.SHORT_TEXT,
                "address", Field.TEXT,
                "city", Field.SHORT_TEXT,
                "phone", Field.PHONE,
                "timeZone", Field.TIME_ZONE);
        Map<String, Object> service = Map.of(
                "code", "BAD-INPUT", "name", "Bad input", "durationMinutes", 30, "price", "5.00", "currency", "USD");
        Map<String, Field> serviceKinds = Map.of(
                "code", Field.CODE,
                "name", Field.SHORT_TEXT,
                "durationMinutes", Field.COUNT,
                "price", Field.MONEY,
                "currency", Field.CURRENCY);
        Map<String, Object> profile = Map.of(
                "userId",
                ids.get("profileless"),
                "clinicId",
                ids.get("clinic"),
                "specialization",
                "General practice",
                "licenseNumber",
                "BAD-INPUT",
                "yearsOfExperience",
                3);
        Map<String, Field> profileKinds = Map.of(
                "userId", Field.ID,
                "clinicId", Field.ID,
                "specialization", Field.SHORT_TEXT,
                "licenseNumber", Field.SHORT_TEXT,
                "yearsOfExperience", Field.COUNT);

        return List.of(
                new Endpoint(
                        "POST",
                        "/api/auth/login",
                        null,
                        Map.of("email", "nobody@system-tests.clinic-booking.example", "password", "x".repeat(12)),
                        Map.of("email", Field.SHORT_TEXT, "password", Field.SHORT_TEXT)),
                new Endpoint(
                        "POST",
                        "/api/users",
                        null,
                        Map.of(
                                "email",
                                "new@system-tests.clinic-booking.example",
                                "password",
                                "long-enough-password",
                                "fullName",
                                "New Patient",
                                "dateOfBirth",
                                "1990-04-12",
                                "phone",
                                "+15550000002"),
                        Map.of(
                                "email",
                                Field.EMAIL,
                                "password",
                                Field.SHORT_TEXT,
                                "fullName",
                                Field.SHORT_TEXT,
                                "dateOfBirth",
                                Field.DATE,
                                "phone",
                                Field.PHONE)),
                new Endpoint(
                        "POST",
                        "/api/users",
                        "admin",
                        Map.of(
                                "email",
                                "staff@system-tests.clinic-booking.example",
                                "password",
                                "long-enough-password",
                                "fullName",
                                "New Staff",
                                "role",
                                "STAFF"),
                        Map.of("email", Field.EMAIL, "role", Field.ROLE)),
                new Endpoint(
                        "PUT",
                        "/api/users/" + ids.get("patient"),
                        "admin",
                        Map.of("fullName", "Renamed", "dateOfBirth", "1990-04-12", "role", "PATIENT"),
                        Map.of("fullName", Field.SHORT_TEXT, "dateOfBirth", Field.DATE, "role", Field.ROLE)),
                new Endpoint("POST", "/api/clinics", "admin", clinic, clinicKinds),
                new Endpoint("PUT", "/api/clinics/" + ids.get("clinic"), "admin", clinic, clinicKinds),
                new Endpoint("POST", "/api/medical-services", "admin", service, serviceKinds),
                new Endpoint("PUT", "/api/medical-services/" + ids.get("service"), "admin", service, serviceKinds),
                new Endpoint("POST", "/api/doctors", "admin", profile, profileKinds),
                new Endpoint(
                        "PUT",
                        "/api/doctors/" + doctor,
                        "admin",
                        Map.of(
                                "clinicId",
                                ids.get("clinic"),
                                "specialization",
                                "General practice",
                                "licenseNumber",
                                "BAD-INPUT-2",
                                "yearsOfExperience",
                                3),
                        Map.of("clinicId", Field.ID, "yearsOfExperience", Field.COUNT)),
                new Endpoint(
                        "POST",
                        "/api/doctors/" + doctor + "/services",
                        "admin",
                        Map.of("serviceId", ids.get("service")),
                        Map.of("serviceId", Field.ID)),
                new Endpoint(
                        "PUT",
                        "/api/doctors/" + doctor + "/working-hours",
                        "doctor",
                        Map.of("intervals", List.of(Map.of("dayOfWeek", "MONDAY", "start", "09:00", "end", "17:00"))),
                        Map.of("intervals", Field.TEXT)),
                new Endpoint(
                        "PUT",
                        "/api/doctors/" + doctor + "/working-hours",
                        "doctor",
                        Map.of("intervals", List.of(Map.of("dayOfWeek", "FUNDAY", "start", "09:00", "end", "17:00"))),
                        Map.of()),
                new Endpoint(
                        "PUT",
                        "/api/doctors/" + doctor + "/working-hours",
                        "doctor",
                        Map.of("intervals", List.of(Map.of("dayOfWeek", "MONDAY", "start", "25:00", "end", "17:00"))),
                        Map.of()),
                new Endpoint(
                        "PUT",
                        "/api/doctors/" + doctor + "/time-off",
                        "doctor",
                        Map.of(
                                "periods",
                                List.of(Map.of("startAt", laterStill, "endAt", later, "reason", "Backwards"))),
                        Map.of("periods", Field.TEXT)),
                new Endpoint(
                        "POST",
                        "/api/appointments",
                        "patient",
                        Map.of("doctorId", doctor, "serviceId", ids.get("service"), "startAt", later),
                        Map.of("doctorId", Field.ID, "serviceId", Field.ID, "startAt", Field.INSTANT)),
                new Endpoint(
                        "PUT",
                        "/api/appointments/" + appointment + "/status",
                        "doctor",
                        Map.of("status", "COMPLETED"),
                        Map.of("status", Field.APPOINTMENT_STATUS)),
                new Endpoint(
                        "POST",
                        "/api/appointments/" + appointment + "/reschedule",
                        "admin",
                        Map.of("startAt", later),
                        Map.of("startAt", Field.INSTANT)),
                new Endpoint(
                        "POST",
                        "/api/payments",
                        "staff",
                        Map.of("appointmentId", appointment, "amount", "1.00", "currency", "USD", "method", "CASH"),
                        Map.of(
                                "appointmentId",
                                Field.ID,
                                "amount",
                                Field.MONEY,
                                "currency",
                                Field.CURRENCY,
                                "method",
                                Field.PAYMENT_METHOD)),
                new Endpoint(
                        "POST",
                        "/api/prescriptions",
                        "doctor",
                        Map.of(
                                "appointmentId",
                                appointment,
                                "medication",
                                "Amoxicillin",
                                "dosage",
                                "500 MG",
                                "frequency",
                                "Daily",
                                "durationDays",
                                7),
                        Map.of("appointmentId", Field.ID, "medication", Field.SHORT_TEXT, "durationDays", Field.COUNT)),
                new Endpoint(
                        "POST",
                        "/api/reviews",
                        "patient",
                        Map.of("appointmentId", appointment, "rating", 5),
                        Map.of("appointmentId", Field.ID, "rating", Field.RATING)));
    }

    private static Map<String, Long> outboxMarks() {
        Map<String, Long> marks = new LinkedHashMap<>();
        for (String schema : Stack.OUTBOX_SCHEMAS) {
            marks.put(schema, Database.number("SELECT COALESCE(MAX(id), 0) FROM " + schema + ".outbox_event"));
        }
        return marks;
    }

    private static Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, Database.number("SELECT COUNT(*) FROM " + table));
        }
        return counts;
    }

    private static String toJson(Object body) {
        try {
            return Http.JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An endpoint, the role that may call it, a body it would accept, and the kind of each field. */
    record Endpoint(String method, String path, String role, Map<String, Object> body, Map<String, Field> kinds) {

        Http.Call call(Practice practice) {
            return practice.gateway().method(method, path).token(token(practice));
        }

        private String token(Practice practice) {
            if (role == null) {
                return null;
            }
            return switch (role) {
                case "admin" -> practice.admin().token();
                case "staff" -> practice.staff().token();
                case "doctor" -> practice.doctors().get(0).token();
                case "patient" -> practice.patients().get(0).token();
                default -> throw new IllegalArgumentException("Unknown role " + role);
            };
        }

        List<Map.Entry<String, Object>> fieldsInOrder() {
            return body.entrySet().stream()
                    .filter(entry -> kinds.containsKey(entry.getKey()))
                    .toList();
        }

        Field kind(String field) {
            return kinds.get(field);
        }
    }
}
