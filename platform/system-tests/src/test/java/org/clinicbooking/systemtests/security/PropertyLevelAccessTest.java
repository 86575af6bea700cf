package org.clinicbooking.systemtests.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicbooking.systemtests.security.Exchanges.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.clinicbooking.systemtests.support.Account;
import org.clinicbooking.systemtests.support.Database;
import org.clinicbooking.systemtests.support.Http;
import org.clinicbooking.systemtests.support.Practice;
import org.clinicbooking.systemtests.support.ReliabilityReport;
import org.clinicbooking.systemtests.support.Reply;
import org.clinicbooking.systemtests.support.Stack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * OWASP API3:2023, broken object property level authorization. Callers send properties they may
 * not set: a role, a status, a price, someone else's id, the fields of a payment that the service
 * computes. They also read responses that must not contain secret properties. Each forbidden
 * property is rejected (400 for an unknown field, 403 for a field the caller may not change), and
 * no row takes its value.
 */
@Order(22)
class PropertyLevelAccessTest {

    /** The members of a user in user-service's responses, and nothing else. */
    private static final Set<String> USER_MEMBERS =
            Set.of("id", "email", "fullName", "phone", "role", "dateOfBirth", "active", "createdAt", "updatedAt");

    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(password|hash|secret|salt|failed|locked|credential).*");

    private static final ReliabilityReport.Section REPORT = ReliabilityReport.section(
                    PropertyLevelAccessTest.class, "Security: property level access (OWASP API3)")
            .injected("A patient, a doctor and staff raise their own role, change their e-mail or a doctor's "
                    + "licence; anonymous and patient callers register users with the roles ADMIN, STAFF and "
                    + "DOCTOR or with server-set fields; a patient books with extra status, price, currency, "
                    + "clinicId, id and version fields and with another patient's id; staff record payments "
                    + "with forced status, patientId, id, paidAt and recordedBy fields and out-of-range amounts; "
                    + "patients post reviews with and without showName.")
            .checked("Each forbidden property gets a 400 validation problem naming the field, or a 403 problem "
                    + "(role, e-mail, another patient, a doctor's licence), or a 422 (an amount over the price, "
                    + "another currency); no row takes the value; the same requests without the property "
                    + "succeed with the server's own values; no user answer, event or log line holds the "
                    + "password, its hash or the lockout fields; a doctor's public review list leaves out the "
                    + "patient of a review posted without showName.");

    private static final Exchanges SENT = new Exchanges();

    private static Practice practice;
    private static Http gateway;
    private static Account patient;
    private static Account otherPatient;
    private static Account doctor;
    private static long rowsChanged;
    private static final LocalDate FIRST_BOOKING_DAY = LocalDate.now(ZoneOffset.UTC)
            .plusDays(400 + ThreadLocalRandom.current().nextInt(3_000));
    private static int bookingDays;

    @BeforeAll
    static void createPractice() {
        practice = Practice.create("bopla", 1, 2);
        gateway = practice.gateway();
        patient = practice.patients().get(0);
        otherPatient = practice.patients().get(1);
        doctor = practice.doctors().get(0);
    }

    @AfterAll
    static void summarise() {
        REPORT.figure("Requests sent", SENT.count())
                .figure("Answers by status", SENT.statuses())
                .figure("Rows that took a forbidden value", rowsChanged)
                .figure("Lost", 0)
                .figure("Duplicated", 0)
                .figure("5xx answers", SENT.serverErrors());
    }

    @Test
    void ownRoleCannotBeRaised() {
        Account staff = practice.staff();
        for (String role : List.of("ADMIN", "STAFF", "DOCTOR")) {
            assertProblem(SENT.send(updateUser(patient, patient, "Patient wants " + role, Map.of("role", role))), 403);
        }
        assertProblem(SENT.send(updateUser(doctor, doctor, "Doctor wants admin", Map.of("role", "ADMIN"))), 403);
        assertProblem(SENT.send(updateUser(staff, staff, "Staff wants admin", Map.of("role", "ADMIN"))), 403);
        assertProblem(SENT.send(updateUser(staff, otherPatient, "Made staff", Map.of("role", "STAFF"))), 403);

        expectColumn("user_service.app_user", "role", patient.id(), "PATIENT");
        expectColumn("user_service.app_user", "role", doctor.id(), "DOCTOR");
        expectColumn("user_service.app_user", "role", staff.id(), "STAFF");
        expectColumn("user_service.app_user", "role", otherPatient.id(), "PATIENT");
        expectColumn("user_service.app_user", "full_name", patient.id(), "Test patient0");
        Reply same = SENT.send(updateUser(patient, patient, "Renamed patient", Map.of("role", "PATIENT")));
        assertThat(same.status())
                .as("the current role sent back: " + same.describe())
                .isEqualTo(200);
        expectColumn("user_service.app_user", "full_name", patient.id(), "Renamed patient");
    }

    @Test
    void ownEmailChangesOnlyByAdmin() {
        String taken = "taken." + practice.runId() + "@system-tests.clinic-booking.example";

        assertProblem(SENT.send(updateUser(otherPatient, otherPatient, "Test patient1", Map.of("email", taken))), 403);

        expectColumn("user_service.app_user", "email", otherPatient.id(), otherPatient.email());
    }

    @Test
    void doctorChangesOnlyOwnBio() {
        String before = Database.strings(
                        "SELECT CONCAT_WS('|', clinic_id, specialization, license_number, years_of_experience)"
                                + " FROM user_service.doctor WHERE user_id = ?",
                        doctor.id().toString())
                .get(0);
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("clinicId", practice.clinicId());
        profile.put("specialization", "Neurosurgery");
        profile.put("licenseNumber", "FORGED-" + practice.runId());
        profile.put("yearsOfExperience", 80);
        profile.put("bio", "Chief of everything");

        assertProblem(
                SENT.send(gateway.put("/api/doctors/" + doctor.id())
                        .token(doctor.token())
                        .json(profile)),
                403);

        String after = Database.strings(
                        "SELECT CONCAT_WS('|', clinic_id, specialization, license_number, years_of_experience)"
                                + " FROM user_service.doctor WHERE user_id = ?",
                        doctor.id().toString())
                .get(0);
        unchanged("doctor profile", before, after);
    }

    @Test
    void registrationCannotChooseRole() {
        for (String role : List.of("ADMIN", "STAFF", "DOCTOR")) {
            String anonymous = email("anonymous-" + role);
            String byPatient = email("by-patient-" + role);
            String byStaff = email("by-staff-" + role);

            assertProblem(SENT.send(gateway.post("/api/users").json(registration(anonymous, role))), 403);
            assertProblem(
                    SENT.send(gateway.post("/api/users").token(patient.token()).json(registration(byPatient, role))),
                    403);
            assertProblem(
                    SENT.send(gateway.post("/api/users")
                            .token(practice.staff().token())
                            .json(registration(byStaff, role))),
                    403);

            for (String address : List.of(anonymous, byPatient, byStaff)) {
                absent(address);
            }
        }
        String plain = email("plain");
        Reply created = SENT.send(gateway.post("/api/users").json(registration(plain, null)));
        assertThat(created.status()).as(created.describe()).isEqualTo(201);
        assertThat(created.json().path("role").asText()).isEqualTo("PATIENT");
        expectColumn("user_service.app_user", "role", created.id(), "PATIENT");
    }

    @Test
    void registrationRejectsServerFields() {
        Map<String, Object> serverFields = new LinkedHashMap<>();
        serverFields.put("id", UUID.randomUUID());
        serverFields.put("active", false);
        serverFields.put("passwordHash", "$2a$12$abcdefghijklmnopqrstuuJ4Cq7r4n6x0ZkqQO3sV1c3yIhY7Dk2e");
        serverFields.put("failedLogins", -100);
        serverFields.put("lockedUntil", "2020-01-01T00:00:00Z");
        serverFields.put("createdAt", "2000-01-01T00:00:00Z");

        for (Map.Entry<String, Object> field : serverFields.entrySet()) {
            String address = email("field-" + field.getKey());
            Map<String, Object> body = registration(address, null);
            body.put(field.getKey(), field.getValue());

            Reply reply = assertProblem(SENT.send(gateway.post("/api/users").json(body)), 400);

            assertThat(reply.json().path("errors").findValuesAsText("field"))
                    .as("fields named in " + reply.describe())
                    .contains(field.getKey());
            absent(address);
        }
    }

    @Test
    void bookingRejectsExtraFields() {
        openAllWeek();
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("status", "COMPLETED");
        extras.put("price", "0.01");
        extras.put("currency", "JPY");
        extras.put("clinicId", UUID.randomUUID());
        extras.put("id", UUID.randomUUID());
        extras.put("version", 99);
        extras.put("createdAt", "2000-01-01T00:00:00Z");

        for (Map.Entry<String, Object> extra : extras.entrySet()) {
            Instant start = futureWorkingSlot();
            Map<String, Object> body = booking(start);
            body.put(extra.getKey(), extra.getValue());

            Reply reply = assertProblem(
                    SENT.send(gateway.post("/api/appointments")
                            .token(patient.token())
                            .json(body)),
                    400);

            assertThat(reply.json().path("errors").findValuesAsText("field"))
                    .as("fields named in " + reply.describe())
                    .contains(extra.getKey());
            noBookingAt(start);
        }

        Instant forOther = futureWorkingSlot();
        Map<String, Object> body = booking(forOther);
        body.put("patientId", otherPatient.id());
        assertProblem(
                SENT.send(
                        gateway.post("/api/appointments").token(patient.token()).json(body)),
                403);
        noBookingAt(forOther);

        Instant clean = futureWorkingSlot();
        Reply booked = SENT.send(
                gateway.post("/api/appointments").token(patient.token()).json(booking(clean)));
        assertThat(booked.status()).as(booked.describe()).isEqualTo(201);
        assertThat(booked.json().path("status").asText()).isEqualTo("BOOKED");
        assertThat(booked.json().path("price").asText()).isEqualTo(Practice.PRICE);
        assertThat(Database.strings(
                        "SELECT CONCAT_WS('|', patient_id, status, price, currency, version)"
                                + " FROM scheduling_service.appointment WHERE id = ?",
                        booked.id().toString()))
                .containsExactly(patient.id() + "|BOOKED|10.00|USD|0");
    }

    @Test
    void paymentFieldsCannotBeForced() {
        UUID appointment = practice.bookNext(doctor, otherPatient);
        Database.awaitNumber(
                1,
                Duration.ofSeconds(60),
                "SELECT COUNT(*) FROM billing_service.appointment WHERE id = ?",
                appointment.toString());
        Map<String, Object> forced = new LinkedHashMap<>();
        forced.put("status", "REFUNDED");
        forced.put("patientId", patient.id());
        forced.put("id", UUID.randomUUID());
        forced.put("paidAt", "2000-01-01T00:00:00Z");
        forced.put("recordedBy", patient.id());

        for (Map.Entry<String, Object> field : forced.entrySet()) {
            Map<String, Object> body = payment(appointment, "4.00", "USD");
            body.put(field.getKey(), field.getValue());

            Reply reply = assertProblem(SENT.send(paymentCall(body)), 400);

            assertThat(reply.json().path("errors").findValuesAsText("field"))
                    .as("fields named in " + reply.describe())
                    .contains(field.getKey());
        }
        for (String amount : List.of("-5.00", "0", "0.001")) {
            assertProblem(SENT.send(paymentCall(payment(appointment, amount, "USD"))), 400);
        }
        assertProblem(SENT.send(paymentCall(payment(appointment, "10.01", "USD"))), 422);
        assertProblem(SENT.send(paymentCall(payment(appointment, "4.00", "EUR"))), 422);
        long forcedRows = Database.number(
                "SELECT COUNT(*) FROM billing_service.payment WHERE appointment_id = ?", appointment.toString());
        rowsChanged += forcedRows;
        assertThat(forcedRows).as("payments recorded by the forced requests").isZero();

        Reply paid = SENT.send(paymentCall(payment(appointment, "4.00", "USD")));
        assertThat(paid.status()).as(paid.describe()).isEqualTo(201);
        assertThat(Database.strings(
                        "SELECT CONCAT_WS('|', patient_id, amount, currency, status, recorded_by)"
                                + " FROM billing_service.payment WHERE appointment_id = ?",
                        appointment.toString()))
                .containsExactly(otherPatient.id() + "|4.00|USD|COMPLETED|"
                        + practice.staff().id());
    }

    @Test
    void userResponsesContainNoSecrets() {
        String address = email("secrets");
        String password = "secret-" + UUID.randomUUID();
        Reply created = SENT.send(gateway.post("/api/users").json(registration(address, null, password)));
        assertThat(created.status()).as(created.describe()).isEqualTo(201);
        UUID id = created.id();
        String hash = Database.strings("SELECT password_hash FROM user_service.app_user WHERE id = ?", id.toString())
                .get(0);
        Reply login = SENT.send(gateway.post("/api/auth/login").json(Map.of("email", address, "password", password)));
        String token = login.expect(200).json().path("accessToken").asText();

        List<Reply> answers = new ArrayList<>();
        answers.add(created);
        answers.add(login);
        answers.add(SENT.send(gateway.get("/api/users/" + id).token(token)));
        answers.add(SENT.send(gateway.get("/api/users/me").token(token)));
        answers.add(SENT.send(gateway.put("/api/users/" + id).token(token).json(Map.of("fullName", "Secret Keeper"))));
        answers.add(
                SENT.send(gateway.get("/api/users/" + id).token(practice.admin().token())));
        answers.add(SENT.send(gateway.get("/api/users?email=" + address)
                .token(practice.admin().token())));
        answers.add(SENT.send(gateway.get("/api/doctors/" + doctor.id()).token(token)));

        for (Reply answer : answers) {
            assertThat(answer.status()).as(answer.describe()).isIn(200, 201);
            assertThat(answer.text())
                    .as(answer.describe())
                    .doesNotContain(password)
                    .doesNotContain(hash);
            assertThat(memberNames(answer.json()))
                    .as("member names of " + answer.describe())
                    .noneMatch(name -> SECRET_NAME.matcher(name).matches());
        }
        for (int i = 2; i < 6; i++) {
            assertThat(memberNamesOf(answers.get(i).json()))
                    .as("members of " + answers.get(i).describe())
                    .isSubsetOf(USER_MEMBERS);
        }

        awaitAuditEntry(id);
        List<String> events =
                Database.strings("SELECT payload FROM user_service.outbox_event WHERE aggregate_id = ?", id.toString());
        List<String> audit =
                Database.strings("SELECT payload FROM audit_service.audit_entry WHERE subject_id = ?", id.toString());
        assertThat(events).as("user events of the new user").isNotEmpty();
        assertThat(Stream.concat(events.stream(), audit.stream()))
                .as("event and audit payloads")
                .noneMatch(payload -> payload.contains(hash) || payload.contains(password))
                .noneMatch(payload -> payload.contains("passwordHash") || payload.contains("password_hash"));
        assertThat(logLinesContaining(password, hash))
                .as("log lines with the password or its hash")
                .isEmpty();
    }

    @Test
    void anonymousReviewHidesPatient() {
        UUID hidden = completedVisit(patient);
        UUID shown = completedVisit(otherPatient);
        SENT.send(gateway.post("/api/reviews")
                        .token(patient.token())
                        .json(Map.of("appointmentId", hidden, "rating", 2, "comment", "Long wait", "showName", false)))
                .expect(201);
        SENT.send(gateway.post("/api/reviews")
                        .token(otherPatient.token())
                        .json(Map.of("appointmentId", shown, "rating", 5, "showName", true)))
                .expect(201);

        Reply listing = SENT.send(gateway.get("/api/doctors/" + doctor.id() + "/reviews?size=100")
                .token(practice.staff().token()));

        assertThat(listing.status()).as(listing.describe()).isEqualTo(200);
        JsonNode hiddenReview = reviewOf(listing, hidden);
        JsonNode shownReview = reviewOf(listing, shown);
        assertThat(hiddenReview.has("patientId"))
                .as("patientId of a review without showName")
                .isFalse();
        assertThat(listing.text())
                .as("the public review list")
                .doesNotContain(patient.id().toString());
        assertThat(shownReview.path("patientId").asText())
                .as("patientId of a review with showName")
                .isEqualTo(otherPatient.id().toString());
    }

    private static UUID completedVisit(Account visitor) {
        UUID appointment = practice.bookNext(doctor, visitor);
        for (String status : List.of("CONFIRMED", "COMPLETED")) {
            SENT.keep(practice.changeStatus(appointment, status, doctor)).expect(200);
        }
        return appointment;
    }

    private static JsonNode reviewOf(Reply listing, UUID appointment) {
        for (JsonNode item : listing.json().path("items")) {
            if (item.path("appointmentId").asText().equals(appointment.toString())) {
                return item;
            }
        }
        throw new AssertionError("No review of appointment " + appointment + " in " + listing.describe());
    }

    private static Http.Call updateUser(Account caller, Account target, String fullName, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(extra);
        body.put("fullName", fullName);
        return gateway.put("/api/users/" + target.id()).token(caller.token()).json(body);
    }

    private static Map<String, Object> registration(String address, String role) {
        return registration(address, role, "pw-" + UUID.randomUUID());
    }

    private static Map<String, Object> registration(String address, String role, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", address);
        body.put("password", password);
        body.put("fullName", "Property Test");
        if (role != null) {
            body.put("role", role);
        }
        return body;
    }

    private static String email(String kind) {
        return kind.toLowerCase() + "." + practice.runId() + "@system-tests.clinic-booking.example";
    }

    private static void absent(String address) {
        long rows = Database.number("SELECT COUNT(*) FROM user_service.app_user WHERE email_key = ?", address);
        rowsChanged += rows;
        assertThat(rows).as("users with the e-mail " + address).isZero();
    }

    private static void expectColumn(String table, String column, UUID id, String expected) {
        List<String> values = Database.strings("SELECT " + column + " FROM " + table + " WHERE id = ?", id.toString());
        if (!values.equals(List.of(expected))) {
            rowsChanged++;
        }
        assertThat(values).as(column + " of " + id).containsExactly(expected);
    }

    private static void unchanged(String what, String before, String after) {
        if (!before.equals(after)) {
            rowsChanged++;
        }
        assertThat(after).as(what + " after the refused request").isEqualTo(before);
    }

    /** Opens the doctor's working hours on every day, so that the patient's bookings fail only on the field. */
    private static void openAllWeek() {
        List<Map<String, String>> intervals = Stream.of(
                        "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
                .map(day -> Map.of("dayOfWeek", day, "start", "08:00", "end", "18:00"))
                .toList();
        SENT.send(gateway.put("/api/doctors/" + doctor.id() + "/working-hours")
                        .token(practice.admin().token())
                        .json(Map.of("intervals", intervals)))
                .expect(200);
    }

    /** Returns a 10:00 UTC start on a day of its own, far ahead, so no two bookings of this class overlap. */
    private static Instant futureWorkingSlot() {
        LocalDate day = FIRST_BOOKING_DAY.plusDays(bookingDays++);
        return day.atTime(10, 0).toInstant(ZoneOffset.UTC);
    }

    private static Map<String, Object> booking(Instant start) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("doctorId", doctor.id());
        body.put("serviceId", practice.serviceId());
        body.put("startAt", start.toString());
        return body;
    }

    private static void noBookingAt(Instant start) {
        long rows = Database.number(
                "SELECT COUNT(*) FROM scheduling_service.appointment WHERE doctor_id = ? AND start_at = ?",
                doctor.id().toString(),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(start.atOffset(ZoneOffset.UTC)));
        rowsChanged += rows;
        assertThat(rows).as("appointments of the doctor at " + start).isZero();
    }

    private static Map<String, Object> payment(UUID appointment, String amount, String currency) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("appointmentId", appointment);
        body.put("amount", amount);
        body.put("currency", currency);
        body.put("method", "CASH");
        return body;
    }

    private static Http.Call paymentCall(Map<String, Object> body) {
        return gateway.post("/api/payments").token(practice.staff().token()).json(body);
    }

    private static void awaitAuditEntry(UUID subject) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Database.number(
                                "SELECT COUNT(*) FROM audit_service.audit_entry WHERE subject_id = ?",
                                subject.toString())
                        == 0
                && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Collects every member name in NODE and the objects nested in it. */
    private static Set<String> memberNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(names::add);
        }
        node.forEach(child -> names.addAll(memberNames(child)));
        return names;
    }

    /** Returns the member names of a user response, or of the first item of a page of users. */
    private static Set<String> memberNamesOf(JsonNode node) {
        Set<String> names = new HashSet<>();
        JsonNode user = node.has("items") ? node.path("items").path(0) : node;
        user.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> logLinesContaining(String... secrets) {
        Path logs = Stack.get().repositoryRoot().resolve("deploy/local/.run/logs");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try (Stream<String> lines = Files.lines(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
                    lines.filter(line -> Stream.of(secrets).anyMatch(line::contains))
                            .forEach(line -> found.add(file.getFileName() + ": " + line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the logs in " + logs, e);
        }
        return found;
    }
}
