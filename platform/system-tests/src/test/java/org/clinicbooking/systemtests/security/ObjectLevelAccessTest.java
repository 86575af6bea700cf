package org.clinicbooking.systemtests.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicbooking.systemtests.security.Exchanges.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicbooking.systemtests.support.Account;
import org.clinicbooking.systemtests.support.Database;
import org.clinicbooking.systemtests.support.Http;
import org.clinicbooking.systemtests.support.Practice;
import org.clinicbooking.systemtests.support.ReliabilityReport;
import org.clinicbooking.systemtests.support.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * OWASP API1:2023, broken object level authorization: patient A and doctor A, each with a valid
 * token, aim every request at the objects of patient B and doctor B, who have their own
 * appointments, payments, prescriptions and working hours. Every such request must be refused
 * with the problem the owning service documents, and no row may change. User-service, billing and
 * clinical return 403; scheduling returns 404, so that appointment ids cannot be probed.
 */
@Order(20)
class ObjectLevelAccessTest {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(60);

    private static final ReliabilityReport.Section REPORT = ReliabilityReport.section(
                    ObjectLevelAccessTest.class, "Security: object level access (OWASP API1)")
            .injected("Patient A and doctor A, with their own valid tokens, read, change, cancel, reschedule, "
                    + "pay, prescribe for and review the user, appointments, payments, balances, prescriptions, "
                    + "working hours, time off, calendar and doctor profile of patient B and doctor B, and list "
                    + "appointments, payments and prescriptions filtered by B's ids.")
            .checked("Every read or change of another user's object is a 403 problem (user-service, billing, "
                    + "clinical, schedules) or a 404 problem (appointments, so ids cannot be probed); listings "
                    + "return only the caller's own rows whatever the filter says; the rows of B (user, doctor "
                    + "profile, appointment, working hours, time off, payments, prescriptions, reviews) are "
                    + "unchanged; and the owners' own requests still succeed.");

    private static final Exchanges SENT = new Exchanges();

    private static Practice practice;
    private static Http gateway;
    private static Account patientA;
    private static Account patientB;
    private static Account doctorA;
    private static Account doctorB;
    private static UUID appointmentA;
    private static long rowsChanged;
    private static int refusalsChecked;

    @BeforeAll
    static void createPractice() {
        practice = Practice.create("bola", 2, 2);
        gateway = practice.gateway();
        doctorA = practice.doctors().get(0);
        doctorB = practice.doctors().get(1);
        patientA = practice.patients().get(0);
        patientB = practice.patients().get(1);
        appointmentA = practice.bookNext(doctorA, patientA);
    }

    @AfterAll
    static void summarise() {
        REPORT.figure("Requests sent", SENT.count())
                .figure("Answers by status", SENT.statuses())
                .figure("Refusals checked", refusalsChecked)
                .figure("Rows changed by refused requests", rowsChanged)
                .figure("Lost", 0)
                .figure("Duplicated", 0)
                .figure("5xx answers", SENT.serverErrors());
    }

    @Test
    void userOfAnotherPatientIsForbidden() {
        String before = userRow(patientB.id());

        refused(403, gateway.get("/api/users/" + patientB.id()).token(patientA.token()));
        refused(
                403,
                gateway.put("/api/users/" + patientB.id())
                        .token(patientA.token())
                        .json(Map.of("fullName", "Taken over by A", "phone", "+15550000999")));
        refused(403, gateway.get("/api/users/" + patientB.id()).token(doctorA.token()));
        refused(
                403,
                gateway.put("/api/users/" + patientB.id())
                        .token(doctorA.token())
                        .json(Map.of("fullName", "Taken over by a doctor")));
        // An id that matches nobody gets the same answer, so a patient cannot probe which ids exist.
        refused(403, gateway.get("/api/users/" + UUID.randomUUID()).token(patientA.token()));

        unchanged("user of patient B", before, userRow(patientB.id()));
        Reply own = SENT.send(gateway.get("/api/users/" + patientA.id()).token(patientA.token()));
        assertThat(own.status()).as(own.describe()).isEqualTo(200);
    }

    @Test
    void appointmentOfAnotherPatientIsHidden() {
        UUID appointmentB = practice.bookNext(doctorB, patientB);
        String before = appointmentRow(appointmentB);
        String path = "/api/appointments/" + appointmentB;

        refused(404, gateway.get(path).token(patientA.token()));
        refused(404, gateway.put(path + "/status").token(patientA.token()).json(Map.of("status", "CANCELLED")));
        refused(404, gateway.delete(path + "?reason=not-mine").token(patientA.token()));
        refused(
                404,
                gateway.post(path + "/reschedule")
                        .token(patientA.token())
                        .json(Map.of("startAt", practice.nextSlot().toString())));

        unchanged("appointment of patient B", before, appointmentRow(appointmentB));
        Reply own = SENT.send(gateway.get(path).token(patientB.token()));
        assertThat(own.status()).as(own.describe()).isEqualTo(200);
    }

    @Test
    void appointmentOfAnotherDoctorIsHidden() {
        UUID appointmentB = practice.bookNext(doctorB, patientB);
        String before = appointmentRow(appointmentB);
        String path = "/api/appointments/" + appointmentB;

        refused(404, gateway.get(path).token(doctorA.token()));
        refused(404, gateway.put(path + "/status").token(doctorA.token()).json(Map.of("status", "CONFIRMED")));
        refused(404, gateway.put(path + "/status").token(doctorA.token()).json(Map.of("status", "CANCELLED")));
        refused(404, gateway.delete(path).token(doctorA.token()));
        refused(
                404,
                gateway.post(path + "/reschedule")
                        .token(doctorA.token())
                        .json(Map.of("startAt", practice.nextSlot().toString())));

        unchanged("appointment of doctor B", before, appointmentRow(appointmentB));
        Reply own = SENT.send(gateway.get(path).token(doctorB.token()));
        assertThat(own.status()).as(own.describe()).isEqualTo(200);
    }

    @Test
    void appointmentListingShowsOwnOnly() {
        UUID appointmentB = practice.bookNext(doctorB, patientB);

        List<JsonNode> byPatientFilter = items(gateway.get("/api/appointments?size=100&patientId=" + patientB.id())
                .token(patientA.token()));
        List<JsonNode> byDoctorFilter = items(gateway.get("/api/appointments?size=100&doctorId=" + doctorB.id())
                .token(patientA.token()));
        List<JsonNode> unfiltered =
                items(gateway.get("/api/appointments?size=100").token(patientA.token()));
        List<JsonNode> doctorsListing = items(gateway.get("/api/appointments?size=100&doctorId=" + doctorB.id())
                .token(doctorA.token()));

        assertThat(byPatientFilter)
                .as("patient A's listing filtered by patient B")
                .allSatisfy(item -> assertThat(item.path("patientId").asText())
                        .isEqualTo(patientA.id().toString()));
        assertThat(byDoctorFilter)
                .as("patient A's listing filtered by doctor B")
                .allSatisfy(item -> assertThat(item.path("patientId").asText())
                        .isEqualTo(patientA.id().toString()));
        assertThat(unfiltered)
                .as("patient A's unfiltered listing")
                .allSatisfy(item -> assertThat(item.path("patientId").asText())
                        .isEqualTo(patientA.id().toString()));
        assertThat(ids(unfiltered)).as("patient A's own appointment is listed").contains(appointmentA.toString());
        assertThat(ids(byPatientFilter)).doesNotContain(appointmentB.toString());
        assertThat(doctorsListing)
                .as("doctor A's listing filtered by doctor B")
                .allSatisfy(item -> assertThat(item.path("doctorId").asText())
                        .isEqualTo(doctorA.id().toString()));
        refusalsChecked += 4;
    }

    @Test
    void scheduleOfAnotherDoctorIsForbidden() {
        Map<String, Object> hours =
                Map.of("intervals", List.of(Map.of("dayOfWeek", "MONDAY", "start", "09:00", "end", "17:00")));
        SENT.send(gateway.put("/api/doctors/" + doctorB.id() + "/working-hours")
                        .token(doctorB.token())
                        .json(hours))
                .expect(200);
        String hoursBefore = workingHoursRows(doctorB.id());
        String timeOffBefore = timeOffRows(doctorB.id());
        String profileBefore = doctorRow(doctorB.id());
        String base = "/api/doctors/" + doctorB.id();

        refused(403, gateway.get(base + "/working-hours").token(doctorA.token()));
        refused(
                403,
                gateway.put(base + "/working-hours")
                        .token(doctorA.token())
                        .json(Map.of(
                                "intervals",
                                List.of(Map.of("dayOfWeek", "SUNDAY", "start", "00:00", "end", "01:00")))));
        refused(
                403,
                gateway.put(base + "/working-hours").token(patientA.token()).json(hours));
        refused(403, gateway.get(base + "/time-off").token(doctorA.token()));
        refused(
                403,
                gateway.put(base + "/time-off")
                        .token(doctorA.token())
                        .json(Map.of(
                                "periods",
                                List.of(Map.of(
                                        "startAt", practice.nextSlot().toString(),
                                        "endAt", practice.nextSlot().toString(),
                                        "reason", "Blocked by another doctor")))));
        refused(
                403,
                gateway.get(base + "/calendar.ics")
                        .token(doctorA.token())
                        .header("Accept", "text/calendar, application/problem+json"));
        refused(403, gateway.put(base).token(doctorA.token()).json(doctorProfile("Changed by doctor A")));

        unchanged("working hours of doctor B", hoursBefore, workingHoursRows(doctorB.id()));
        unchanged("time off of doctor B", timeOffBefore, timeOffRows(doctorB.id()));
        unchanged("doctor profile of doctor B", profileBefore, doctorRow(doctorB.id()));
    }

    @Test
    void paymentOfAnotherPatientIsForbidden() {
        UUID appointmentB = practice.bookNext(doctorB, patientB);
        // Billing asks scheduling-service for an appointment whose event has not arrived, so a
        // slow event only slows the payment down.
        Database.awaitNumber(
                1,
                EVENT_WAIT,
                "SELECT COUNT(*) FROM billing_service.appointment WHERE id = ?",
                appointmentB.toString());
        UUID paymentB = SENT.send(paymentCall(appointmentB)).expect(201).id();
        String before = paymentRows(appointmentB);

        refused(403, gateway.get("/api/payments/" + paymentB).token(patientA.token()));
        refused(403, gateway.get("/api/payments?patientId=" + patientB.id()).token(patientA.token()));
        refused(
                403,
                gateway.get("/api/payments/balance?appointmentId=" + appointmentB)
                        .token(patientA.token()));
        refused(403, gateway.get("/api/payments/" + paymentB).token(doctorA.token()));
        refused(
                403,
                gateway.get("/api/payments/balance?appointmentId=" + appointmentB)
                        .token(doctorA.token()));
        List<JsonNode> patientListing =
                items(gateway.get("/api/payments?appointmentId=" + appointmentB).token(patientA.token()));
        List<JsonNode> doctorListing =
                items(gateway.get("/api/payments?appointmentId=" + appointmentB).token(doctorA.token()));

        assertThat(patientListing).as("patient A's payments of B's appointment").isEmpty();
        assertThat(doctorListing).as("doctor A's payments of B's appointment").isEmpty();
        refusalsChecked += 2;
        unchanged("payments of B's appointment", before, paymentRows(appointmentB));
        Reply own = SENT.send(gateway.get("/api/payments/" + paymentB).token(patientB.token()));
        assertThat(own.status()).as(own.describe()).isEqualTo(200);
    }

    @Test
    void prescriptionOfAnotherPatientIsForbidden() {
        UUID appointmentB = practice.bookNext(doctorB, patientB);
        SENT.send(statusCall(appointmentB, "CONFIRMED", doctorB)).expect(200);
        UUID prescriptionB =
                SENT.keep(practice.prescribe(appointmentB, doctorB)).expect(201).id();
        String before = prescriptionRows(appointmentB);

        refused(403, gateway.get("/api/prescriptions/" + prescriptionB).token(patientA.token()));
        refused(
                403,
                gateway.get("/api/prescriptions?patientId=" + patientB.id()).token(patientA.token()));
        refused(403, gateway.get("/api/prescriptions/" + prescriptionB).token(doctorA.token()));
        refused(
                403,
                gateway.post("/api/prescriptions")
                        .token(doctorA.token())
                        .json(Map.of(
                                "appointmentId", appointmentB,
                                "medication", "Oxycodone 5 MG Oral Tablet",
                                "dosage", "5 MG",
                                "frequency", "Every 4 hours",
                                "durationDays", 30)));
        List<JsonNode> patientListing = items(
                gateway.get("/api/prescriptions?appointmentId=" + appointmentB).token(patientA.token()));
        List<JsonNode> doctorListing = items(
                gateway.get("/api/prescriptions?appointmentId=" + appointmentB).token(doctorA.token()));

        assertThat(patientListing)
                .as("patient A's prescriptions of B's appointment")
                .isEmpty();
        assertThat(doctorListing)
                .as("doctor A's prescriptions of B's appointment")
                .isEmpty();
        refusalsChecked += 2;
        unchanged("prescriptions of B's appointment", before, prescriptionRows(appointmentB));
        Reply own = SENT.send(gateway.get("/api/prescriptions/" + prescriptionB).token(patientB.token()));
        assertThat(own.status()).as(own.describe()).isEqualTo(200);
    }

    @Test
    void reviewOfAnotherPatientsVisitIsForbidden() {
        UUID appointmentB = practice.bookNext(doctorB, patientB);
        SENT.send(statusCall(appointmentB, "CONFIRMED", doctorB)).expect(200);
        SENT.send(statusCall(appointmentB, "COMPLETED", doctorB)).expect(200);
        Database.awaitNumber(
                1,
                EVENT_WAIT,
                "SELECT COUNT(*) FROM clinical_service.appointment WHERE id = ? AND status = 'COMPLETED'",
                appointmentB.toString());

        // 403 once clinical-service has stored the appointment. While its event is still in flight,
        // the service asks scheduling-service with A's token, which hides the appointment: 404.
        refused(
                List.of(403, 404),
                gateway.post("/api/reviews")
                        .token(patientA.token())
                        .json(Map.of("appointmentId", appointmentB, "rating", 1, "comment", "Never went there")));

        long reviews = reviewCount(appointmentB);
        rowsChanged += reviews;
        assertThat(reviews).as("reviews of B's appointment after A's attempt").isZero();
        SENT.keep(practice.review(appointmentB, patientB, 5)).expect(201);
        assertThat(Database.strings(
                        "SELECT patient_id FROM clinical_service.review WHERE appointment_id = ?",
                        appointmentB.toString()))
                .as("the only review is patient B's")
                .containsExactly(patientB.id().toString());
    }

    private static void refused(int status, Http.Call call) {
        refused(List.of(status), call);
    }

    private static void refused(List<Integer> statuses, Http.Call call) {
        assertProblem(SENT.send(call), statuses.toArray(Integer[]::new));
        refusalsChecked++;
    }

    private static void unchanged(String what, String before, String after) {
        if (!before.equals(after)) {
            rowsChanged++;
        }
        assertThat(after).as(what + " after the refused requests").isEqualTo(before);
    }

    private static List<JsonNode> items(Http.Call call) {
        Reply reply = SENT.send(call);
        assertThat(reply.status()).as(reply.describe()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        reply.json().path("items").forEach(items::add);
        return items;
    }

    private static List<String> ids(List<JsonNode> items) {
        return items.stream().map(item -> item.path("id").asText()).toList();
    }

    private static Http.Call paymentCall(UUID appointment) {
        return gateway.post("/api/payments")
                .token(practice.staff().token())
                .json(Map.of("appointmentId", appointment, "amount", "4.00", "currency", "USD", "method", "CASH"));
    }

    private static Http.Call statusCall(UUID appointment, String status, Account actor) {
        return gateway.put("/api/appointments/" + appointment + "/status")
                .token(actor.token())
                .json(Map.of("status", status));
    }

    private static Map<String, Object> doctorProfile(String bio) {
        return Map.of(
                "clinicId",
                practice.clinicId(),
                "specialization",
                "Cardiology",
                "licenseNumber",
                "STOLEN-" + practice.runId(),
                "yearsOfExperience",
                40,
                "bio",
                bio);
    }

    private static String userRow(UUID id) {
        return single(
                "SELECT CONCAT_WS('|', email, full_name, IFNULL(phone, '-'), role, active, version, updated_at)"
                        + " FROM user_service.app_user WHERE id = ?",
                id);
    }

    private static String doctorRow(UUID id) {
        return single(
                "SELECT CONCAT_WS('|', clinic_id, specialization, license_number, years_of_experience,"
                        + " IFNULL(bio, '-'), version) FROM user_service.doctor WHERE user_id = ?",
                id);
    }

    private static String appointmentRow(UUID id) {
        return single(
                "SELECT CONCAT_WS('|', status, start_at, end_at, IFNULL(cancellation_reason, '-'), version,"
                        + " updated_at) FROM scheduling_service.appointment WHERE id = ?",
                id);
    }

    private static String workingHoursRows(UUID doctor) {
        return single(
                "SELECT IFNULL(GROUP_CONCAT(CONCAT_WS(' ', id, day_of_week, start_time, end_time) ORDER BY id),"
                        + " '-') FROM scheduling_service.working_hours WHERE doctor_id = ?",
                doctor);
    }

    private static String timeOffRows(UUID doctor) {
        return single("SELECT CONCAT(COUNT(*), ' rows') FROM scheduling_service.time_off WHERE doctor_id = ?", doctor);
    }

    private static String paymentRows(UUID appointment) {
        return single(
                "SELECT IFNULL(GROUP_CONCAT(CONCAT_WS(' ', id, amount, status) ORDER BY id), '-')"
                        + " FROM billing_service.payment WHERE appointment_id = ?",
                appointment);
    }

    private static String prescriptionRows(UUID appointment) {
        return single(
                "SELECT IFNULL(GROUP_CONCAT(CONCAT_WS(' ', id, doctor_id, medication) ORDER BY id), '-')"
                        + " FROM clinical_service.prescription WHERE appointment_id = ?",
                appointment);
    }

    private static long reviewCount(UUID appointment) {
        return Database.number(
                "SELECT COUNT(*) FROM clinical_service.review WHERE appointment_id = ?", appointment.toString());
    }

    private static String single(String sql, UUID id) {
        List<String> rows = Database.strings(sql, id.toString());
        assertThat(rows).as(sql + " for " + id).hasSize(1);
        return rows.get(0);
    }
}
