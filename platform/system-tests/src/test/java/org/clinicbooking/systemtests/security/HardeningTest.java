package org.clinicbooking.systemtests.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicbooking.systemtests.security.Exchanges.assertNoInternals;
import static org.clinicbooking.systemtests.security.Exchanges.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.clinicbooking.systemtests.support.Account;
import org.clinicbooking.systemtests.support.Database;
import org.clinicbooking.systemtests.support.EventLedger;
import org.clinicbooking.systemtests.support.Http;
import org.clinicbooking.systemtests.support.Practice;
import org.clinicbooking.systemtests.support.ReliabilityReport;
import org.clinicbooking.systemtests.support.Reply;
import org.clinicbooking.systemtests.support.Traffic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * OWASP API4:2023 (unrestricted resource consumption), API8:2023 (security misconfiguration) and
 * injection, through the gateway. The tests send page sizes and bodies over the limits and
 * requests whose errors could leak internals. They check the gateway's security headers and CORS
 * for a foreign origin, put SQL metacharacters in filters and path ids, and store SQL and HTML
 * text as data.
 */
@Order(24)
class HardeningTest {

    /** A name that breaks naively built SQL and HTML, stored as data everywhere below. */
    static final String HOSTILE_TEXT = "Robert'); DROP TABLE app_user;-- <script>alert(1)</script>";

    /** The services' {@code quarkus.http.limits.max-body-size}. */
    private static final int SERVICE_BODY_LIMIT = 64 * 1024;

    /** The gateway's {@code client_max_body_size}. */
    private static final int GATEWAY_BODY_LIMIT = 1024 * 1024;

    private static final String FOREIGN_ORIGIN = "https://evil.example";

    /** Headers the gateway adds to every response, and their values. */
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
            "Referrer-Policy", "no-referrer");

    private static final ReliabilityReport.Section REPORT = ReliabilityReport.section(
                    HardeningTest.class, "Security: limits, configuration and injection (OWASP API4, API8)")
            .injected("Every listing with size 101, 1000000, 0, -1, 99999999999 and text, and page -1; an "
                    + "availability range of a year; bodies of 64 KiB + 1 byte to each service and of 2 MiB to "
                    + "the gateway; malformed JSON, nested arrays 5000 deep, invalid UTF-8, XML with an external "
                    + "entity, wrong media types and methods (PATCH, TRACE), a 16 KiB header line; 300 anonymous "
                    + "sign-ins from 16 clients at once; CORS preflights and requests from "
                    + FOREIGN_ORIGIN + "; SQL "
                    + "metacharacters and LIKE wildcards in query filters and path ids; and the text `"
                    + HOSTILE_TEXT + "` stored as a clinic name, a booking reason, a payment reference and "
                    + "prescription instructions.")
            .checked("Limits answer 400 or 413 problems, and the gateway answers a flood of anonymous "
                    + "sign-ins with 429 problems while requests with a token pass; every error is application/problem+json without a "
                    + "stack trace, exception name or SQL state; every answer carries the gateway's security "
                    + "headers and no server version; no answer grants CORS to the foreign origin; injected "
                    + "filters match nothing or get a 400 problem, never a 5xx; the hostile text is stored and "
                    + "returned byte for byte as a JSON string, and every service's tables are intact.");

    private static final Exchanges SENT = new Exchanges();

    private static Practice practice;
    private static Http gateway;
    private static Account admin;
    private static Account doctor;
    private static Account patient;
    private static final Map<String, Object> FIGURES = new LinkedHashMap<>();

    @BeforeAll
    static void createPractice() {
        practice = Practice.create("hardening", 1, 1);
        gateway = practice.gateway();
        admin = practice.admin();
        doctor = practice.doctors().get(0);
        patient = practice.patients().get(0);
    }

    @AfterAll
    static void summarise() {
        FIGURES.forEach(REPORT::figure);
        REPORT.figure("Requests sent", SENT.count())
                .figure("Answers by status", SENT.statuses())
                .figure("Lost", 0)
                .figure("Duplicated", 0)
                .figure("5xx answers", SENT.serverErrors());
    }

    @Test
    void pageSizeIsCapped() {
        List<String> listings = List.of(
                "/api/users",
                "/api/clinics",
                "/api/medical-services",
                "/api/doctors",
                "/api/appointments",
                "/api/payments",
                "/api/prescriptions",
                "/api/audit-logs",
                "/api/doctors/" + doctor.id() + "/reviews");
        List<String> badPaging =
                List.of("size=101", "size=1000000", "size=0", "size=-1", "size=99999999999", "size=all", "page=-1");
        List<String> accepted = new ArrayList<>();
        int rejected = 0;

        for (String listing : listings) {
            Reply largest = SENT.send(gateway.get(listing + "?size=100").token(admin.token()));
            assertThat(largest.status()).as(largest.describe()).isEqualTo(200);
            for (String paging : badPaging) {
                Reply reply = SENT.send(gateway.get(listing + "?" + paging).token(admin.token()));
                if (reply.status() == 400 && reply.isProblem()) {
                    assertProblem(reply, 400);
                    rejected++;
                } else {
                    accepted.add(reply.describe());
                }
            }
        }
        FIGURES.put(
                "Listing requests with bad paging rejected", rejected + " of " + listings.size() * badPaging.size());

        assertThat(accepted)
                .as("listings that did not reject the paging with a 400 problem")
                .isEmpty();
        String yearOfSlots = "/api/doctors/" + doctor.id() + "/availability?from=2031-01-01&to=2031-12-31&serviceId="
                + practice.serviceId();
        assertProblem(SENT.send(gateway.get(yearOfSlots).token(patient.token())), 400);
    }

    @Test
    void anonymousSignInsAreThrottled() {
        // A blank password fails validation before any hash, so only the gateway's limit is measured.
        List<Reply> replies = Traffic.run(
                300,
                16,
                i -> SENT.send(gateway.post("/api/auth/login")
                        .jsonText("{\"email\":\"flood" + i
                                + "@system-tests.clinic-booking.example\",\"password\":\"\"}")));
        long throttled = replies.stream()
                .filter(reply -> reply.status() == 429 && reply.isProblem())
                .count();
        Reply withToken = SENT.send(gateway.get("/api/users/me").token(admin.token()));
        FIGURES.put("Anonymous sign-ins sent at once / answered 429 problem", replies.size() + " / " + throttled);

        // The bucket drains at 20 requests per second; later tests sign in again.
        EventLedger.sleep(java.time.Duration.ofSeconds(6));

        assertThat(throttled).as("sign-ins answered 429 problem").isPositive();
        assertThat(replies)
                .as("every other answer is the validation problem")
                .allMatch(reply -> reply.status() == 429 || reply.status() == 400);
        assertThat(withToken.status())
                .as("a request with a token is not throttled")
                .isEqualTo(200);
    }

    @Test
    void oversizedBodiesAreRejected() {
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("user-service", "/api/clinics");
        endpoints.put("scheduling-service", "/api/appointments");
        endpoints.put("billing-service", "/api/payments");
        endpoints.put("clinical-service", "/api/prescriptions");
        endpoints.put("audit-service", "/api/audit-logs");
        List<String> failures = new ArrayList<>();

        for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
            for (int size : List.of(SERVICE_BODY_LIMIT + 1, 2 * GATEWAY_BODY_LIMIT)) {
                Reply reply = SENT.send(
                        gateway.post(endpoint.getValue()).token(admin.token()).jsonText(jsonOfSize(size)));
                try {
                    assertProblem(reply, 413);
                } catch (AssertionError e) {
                    failures.add(endpoint.getKey() + ", " + size + " bytes: " + reply.describe());
                }
            }
        }
        FIGURES.put(
                "Oversized bodies answered 413 problem",
                2 * endpoints.size() - failures.size() + " of " + 2 * endpoints.size());

        assertThat(failures).as("oversized bodies without a 413 problem").isEmpty();
    }

    @Test
    void errorsRevealNoInternals() {
        String clinics = "/api/clinics";
        List<Http.Call> malformed = new ArrayList<>();
        malformed.add(gateway.post(clinics).token(admin.token()).jsonText("{"));
        malformed.add(gateway.post(clinics).token(admin.token()).jsonText("{\"name\": 12, \"timeZone\": []}"));
        malformed.add(gateway.post(clinics).token(admin.token()).jsonText("[".repeat(5_000) + "]".repeat(5_000)));
        malformed.add(gateway.post(clinics).token(admin.token()).raw("application/json", new byte[] {
            '{', '"', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
        }));
        malformed.add(gateway.post(clinics)
                .token(admin.token())
                .raw(
                        "application/xml",
                        ("<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                                        + "<clinic><name>&e;</name></clinic>")
                                .getBytes(StandardCharsets.UTF_8)));
        malformed.add(gateway.post(clinics)
                .token(admin.token())
                .raw("text/plain", "name=x".getBytes(StandardCharsets.UTF_8)));
        malformed.add(gateway.get(clinics).token(admin.token()).header("Accept", "application/xml"));
        malformed.add(gateway.method("PATCH", clinics).token(admin.token()).jsonText("{}"));
        malformed.add(gateway.method("TRACE", clinics).token(admin.token()));
        malformed.add(gateway.post(clinics)
                .token(admin.token())
                .json(Map.of("name", "", "address", "", "city", "", "phone", "0", "timeZone", "UTC+3")));
        malformed.add(gateway.post("/api/appointments")
                .token(patient.token())
                .json(Map.of(
                        "doctorId", doctor.id(), "serviceId", practice.serviceId(), "startAt", "2031-01-01T10:00")));
        malformed.add(gateway.post("/api/appointments")
                .token(patient.token())
                .jsonText("{\"doctorId\":\"" + doctor.id() + "\",\"serviceId\":\"not-a-uuid\",\"startAt\":1}"));
        malformed.add(gateway.post("/api/payments")
                .token(practice.staff().token())
                .jsonText("{\"appointmentId\":\"" + UUID.randomUUID()
                        + "\",\"amount\":1e999999999,\"currency\":\"usd\",\"method\":\"GOLD\"}"));
        malformed.add(
                gateway.post("/api/prescriptions")
                        .token(doctor.token())
                        .jsonText(
                                "{\"appointmentId\":\"" + UUID.randomUUID()
                                        + "\",\"medication\":\"x\",\"dosage\":\"x\",\"frequency\":\"x\",\"durationDays\":99999999999999}"));
        malformed.add(gateway.put("/api/doctors/" + doctor.id() + "/working-hours")
                .token(admin.token())
                .json(Map.of("intervals", List.of(Map.of("dayOfWeek", "FUNDAY", "start", "25:00", "end", "-1")))));
        malformed.add(gateway.get("/api/audit-logs?from=yesterday").token(admin.token()));
        malformed.add(gateway.get("/api/users/not-a-uuid").token(admin.token()));
        malformed.add(gateway.get("/api/no-such-resource").token(admin.token()));
        malformed.add(gateway.get("/q/health").token(admin.token()));
        malformed.add(gateway.get(clinics).header("X-Oversized", "x".repeat(16 * 1024)));

        List<Reply> replies = malformed.stream().map(SENT::send).toList();

        for (Reply reply : replies) {
            assertThat(reply.status()).as(reply.describe()).isBetween(400, 499);
            assertProblem(reply, reply.status());
        }
        FIGURES.put("Malformed requests answered 4xx problem without internals", replies.size());
    }

    @Test
    void gatewayAddsSecurityHeaders() {
        List<Reply> replies = List.of(
                SENT.send(gateway.get("/api/clinics").token(admin.token())),
                SENT.send(gateway.get("/api/clinics")),
                SENT.send(gateway.get("/api/appointments/" + UUID.randomUUID()).token(admin.token())),
                SENT.send(gateway.get("/api/no-such-resource")),
                SENT.send(gateway.post("/").jsonText("{}")),
                SENT.send(gateway.get("/")),
                SENT.send(gateway.post("/api/clinics")
                        .token(admin.token())
                        .jsonText(jsonOfSize(2 * GATEWAY_BODY_LIMIT))));
        List<String> missing = new ArrayList<>();

        for (Reply reply : replies) {
            SECURITY_HEADERS.forEach((name, value) -> {
                if (!value.equals(reply.header(name))) {
                    missing.add(name + " on " + reply.request() + " (" + reply.status() + "): " + reply.header(name));
                }
            });
            String server = reply.header("Server");
            if (server != null && server.matches(".*\\d.*")) {
                missing.add("Server header with a version on " + reply.request() + ": " + server);
            }
        }
        FIGURES.put("Answers checked for security headers", replies.size());
        FIGURES.put("Missing or wrong security headers", missing.size());

        assertThat(missing)
                .as("security headers missing from the gateway's answers")
                .isEmpty();
    }

    @Test
    void foreignOriginGetsNoCors() {
        List<String> paths =
                List.of("/api/users/me", "/api/appointments", "/api/payments", "/api/prescriptions", "/api/audit-logs");
        List<String> granted = new ArrayList<>();

        for (String path : paths) {
            Reply preflight = SENT.send(gateway.method("OPTIONS", path)
                    .header("Origin", FOREIGN_ORIGIN)
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization, content-type"));
            Reply simple = SENT.send(gateway.get(path).token(admin.token()).header("Origin", FOREIGN_ORIGIN));
            for (Reply reply : List.of(preflight, simple)) {
                assertThat(reply.status()).as(reply.describe()).isBetween(200, 499);
                String allowedOrigin = reply.header("Access-Control-Allow-Origin");
                if (allowedOrigin != null || "true".equals(reply.header("Access-Control-Allow-Credentials"))) {
                    granted.add(reply.request() + ": Access-Control-Allow-Origin " + allowedOrigin
                            + ", Access-Control-Allow-Credentials " + reply.header("Access-Control-Allow-Credentials"));
                }
            }
        }
        FIGURES.put("CORS grants to " + FOREIGN_ORIGIN, granted.size() + " of " + 2 * paths.size() + " answers");

        assertThat(granted).as("answers that grant CORS to " + FOREIGN_ORIGIN).isEmpty();
    }

    @Test
    void sqlInFiltersMatchesNothing() {
        List<String> rejectedPaths = List.of(
                "/api/appointments?status=BOOKED'%20OR%20'1'='1",
                "/api/appointments?patientId=1'%20OR%201=1--",
                "/api/users/1'%20OR%201=1--",
                "/api/users?role=ADMIN'%20OR%201=1--",
                "/api/payments?appointmentId=1%20OR%201=1",
                "/api/prescriptions/1%3BDROP%20TABLE%20prescription",
                "/api/audit-logs?from=2020'%20OR%201=1--",
                "/api/audit-logs?actorId=x'%20OR%201=1--",
                "/api/doctors/1'%20OR%201=1--/working-hours");
        List<String> emptyPaths = List.of(
                "/api/audit-logs?eventType=x'%20OR%201=1--",
                "/api/audit-logs?subjectId='%20OR%20'1'='1",
                "/api/users?email=x'%20OR%20'1'='1",
                "/api/clinics?name='%20OR%201=1--",
                "/api/clinics?city=x'%20UNION%20SELECT%20password_hash%20FROM%20user_service.app_user--",
                "/api/doctors?specialization='%20OR%201=1--",
                "/api/medical-services?code='%20OR%201=1--");
        List<Reply> replies = new ArrayList<>();

        for (String path : rejectedPaths) {
            Reply reply = SENT.send(gateway.get(path).token(admin.token()));
            replies.add(reply);
            assertProblem(reply, 400);
        }
        for (String path : emptyPaths) {
            Reply reply = SENT.send(gateway.get(path).token(admin.token()));
            replies.add(reply);
            assertThat(reply.status()).as(reply.describe()).isEqualTo(200);
            assertThat(reply.json().path("totalItems").asLong())
                    .as(reply.describe())
                    .isZero();
        }
        // LIKE wildcards in a prefix filter match themselves, not every row.
        for (String wildcard : List.of("%25", "_", "%25%25")) {
            Reply reply = SENT.send(
                    gateway.get("/api/clinics?size=100&name=" + wildcard).token(admin.token()));
            replies.add(reply);
            String literal = wildcard.replace("%25", "%");
            assertThat(reply.status()).as(reply.describe()).isEqualTo(200);
            reply.json()
                    .path("items")
                    .forEach(item -> assertThat(item.path("name").asText())
                            .as("clinic listed for the prefix " + literal)
                            .startsWith(literal));
        }
        FIGURES.put("Injected filters and ids: answers by status", Traffic.statuses(replies));

        assertThat(Traffic.serverErrors(replies)).isZero();
    }

    @Test
    void hostileTextIsStoredVerbatim() {
        Reply created = SENT.send(gateway.post("/api/clinics")
                .token(admin.token())
                .json(Map.of(
                        "name", HOSTILE_TEXT,
                        "address", HOSTILE_TEXT,
                        "city", "Testville",
                        "phone", "+15550000003",
                        "timeZone", "UTC")));
        assertThat(created.status()).as(created.describe()).isEqualTo(201);
        UUID clinic = created.id();
        Reply read = SENT.send(gateway.get("/api/clinics/" + clinic).token(patient.token()));
        Reply listed =
                SENT.send(gateway.get("/api/clinics?size=100&name=Robert')").token(patient.token()));

        for (Reply reply : List.of(created, read)) {
            assertThat(reply.contentType()).as(reply.describe()).startsWith("application/json");
            assertThat(reply.json().path("name").asText()).as(reply.describe()).isEqualTo(HOSTILE_TEXT);
            assertThat(reply.json().path("address").asText())
                    .as(reply.describe())
                    .isEqualTo(HOSTILE_TEXT);
        }
        assertThat(listed.json().findValuesAsText("id")).as(listed.describe()).contains(clinic.toString());
        assertThat(Database.strings("SELECT name FROM user_service.clinic WHERE id = ?", clinic.toString()))
                .containsExactly(HOSTILE_TEXT);

        UUID appointment = bookWithReason();
        SENT.send(gateway.put("/api/appointments/" + appointment + "/status")
                        .token(doctor.token())
                        .json(Map.of("status", "CONFIRMED")))
                .expect(200);
        Database.awaitNumber(
                1,
                Duration.ofSeconds(60),
                "SELECT COUNT(*) FROM billing_service.appointment WHERE id = ?",
                appointment.toString());
        Reply paid = SENT.send(gateway.post("/api/payments")
                .token(practice.staff().token())
                .json(Map.of(
                        "appointmentId", appointment,
                        "amount", "1.00",
                        "currency", "USD",
                        "method", "CARD",
                        "externalReference", HOSTILE_TEXT)));
        Reply prescribed = SENT.send(gateway.post("/api/prescriptions")
                .token(doctor.token())
                .json(Map.of(
                        "appointmentId",
                        appointment,
                        "medication",
                        "Ibuprofen 200 MG Oral Tablet",
                        "dosage",
                        "200 MG",
                        "frequency",
                        "Twice a day",
                        "durationDays",
                        3,
                        "instructions",
                        HOSTILE_TEXT)));

        assertThat(paid.status()).as(paid.describe()).isEqualTo(201);
        assertThat(paid.json().path("externalReference").asText()).isEqualTo(HOSTILE_TEXT);
        assertThat(prescribed.status()).as(prescribed.describe()).isEqualTo(201);
        assertThat(prescribed.json().path("instructions").asText()).isEqualTo(HOSTILE_TEXT);
        assertThat(Database.strings(
                        "SELECT reason FROM scheduling_service.appointment WHERE id = ?", appointment.toString()))
                .containsExactly(HOSTILE_TEXT);
        assertThat(Database.strings(
                        "SELECT external_reference FROM billing_service.payment WHERE appointment_id = ?",
                        appointment.toString()))
                .containsExactly(HOSTILE_TEXT);
        assertThat(Database.strings(
                        "SELECT instructions FROM clinical_service.prescription WHERE appointment_id = ?",
                        appointment.toString()))
                .containsExactly(HOSTILE_TEXT);
        assertAuditedVerbatim(clinic);
        assertTablesIntact();
    }

    private static UUID bookWithReason() {
        Instant start = practice.nextSlot();
        Reply booked = SENT.send(gateway.post("/api/appointments")
                .token(admin.token())
                .json(Map.of(
                        "doctorId", doctor.id(),
                        "patientId", patient.id(),
                        "serviceId", practice.serviceId(),
                        "startAt", start.toString(),
                        "reason", HOSTILE_TEXT)));
        assertThat(booked.status()).as(booked.describe()).isEqualTo(201);
        assertThat(booked.json().path("reason").asText()).isEqualTo(HOSTILE_TEXT);
        return booked.id();
    }

    /** Checks that the audit log keeps the clinic's event payload as received and serves it as JSON. */
    private static void assertAuditedVerbatim(UUID clinic) {
        Database.awaitNumber(
                1,
                Duration.ofSeconds(60),
                "SELECT COUNT(*) FROM audit_service.audit_entry WHERE subject_id = ? AND event_type = ?",
                clinic.toString(),
                "clinic.clinic.created");
        Reply entries =
                SENT.send(gateway.get("/api/audit-logs?subjectId=" + clinic).token(admin.token()));
        assertThat(entries.status()).as(entries.describe()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        entries.json().path("items").forEach(entry -> collectNames(entry.path("payload"), names::add));
        assertThat(names).as("clinic names in the audit entries").contains(HOSTILE_TEXT);
        assertNoInternals(entries);
    }

    private static void collectNames(JsonNode payload, Consumer<String> names) {
        JsonNode node = payload.isTextual() ? parse(payload.asText()) : payload;
        if (node.has("name")) {
            names.accept(node.path("name").asText());
        }
    }

    private static JsonNode parse(String text) {
        try {
            return Http.JSON.readTree(text);
        } catch (java.io.IOException e) {
            return Http.JSON.missingNode();
        }
    }

    private static void assertTablesIntact() {
        Map<String, List<String>> tables = Map.of(
                "user_service", List.of("app_user", "clinic", "doctor", "medical_service"),
                "scheduling_service", List.of("appointment", "working_hours"),
                "billing_service", List.of("payment", "refund"),
                "clinical_service", List.of("prescription", "review"),
                "audit_service", List.of("audit_entry", "audit_chain_head"));
        tables.forEach((schema, names) -> {
            List<String> present =
                    Database.strings("SELECT table_name FROM information_schema.tables WHERE table_schema = ?", schema);
            assertThat(present).as("tables of " + schema).containsAll(names);
        });
        assertThat(Database.number(
                        "SELECT COUNT(*) FROM user_service.app_user WHERE id = ?",
                        patient.id().toString()))
                .as("the patient's row in app_user")
                .isEqualTo(1);
    }

    /** Returns a JSON object of exactly SIZE bytes: one string member padded with letters. */
    private static String jsonOfSize(int size) {
        String prefix = "{\"name\":\"";
        String suffix = "\"}";
        char[] padding = new char[size - prefix.length() - suffix.length()];
        Arrays.fill(padding, 'a');
        return prefix + new String(padding) + suffix;
    }
}
