package org.clinicbooking.systemtests.races;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.clinicbooking.systemtests.support.Account;
import org.clinicbooking.systemtests.support.Database;
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
 * Storms on every uniqueness rule: all requests of a storm are released at once through the
 * gateway, and exactly one of them may win, in the answers and in the rows.
 */
@Order(30)
class UniquenessRaceTest {

    private static final int STORM = 40;

    private static final ReliabilityReport.Section REPORT = ReliabilityReport.section(
                    UniquenessRaceTest.class, "Races on uniqueness rules")
            .injected(STORM + " identical requests released at the same instant through the gateway, for each "
                    + "rule: one e-mail address, one doctor's slot, one patient's time with several doctors, "
                    + "one review per appointment, one Idempotency-Key, one doctor-service link, one medical "
                    + "service code, and full-price payments that together would exceed the price.")
            .checked(
                    "Exactly one request wins (2xx), every other one gets a 409 problem (422 for the payment over the price; for the "
                            + "Idempotency-Key, the first answer replayed), no answer is a 5xx, and the database holds "
                            + "exactly one row.");

    private static Practice practice;
    private static long serverErrors;
    private static long duplicates;

    @BeforeAll
    static void createPractice() {
        practice = Practice.create("races", 4, 2);
    }

    @AfterAll
    static void summarise() {
        REPORT.figure("Lost", 0).figure("Duplicated", duplicates).figure("5xx answers", serverErrors);
    }

    @Test
    void emailRegistersOnce() {
        String email = "race." + practice.runId() + "@system-tests.clinic-booking.example";
        Http gateway = practice.gateway();

        List<Reply> replies = Traffic.storm(
                STORM,
                i -> gateway.post("/api/users")
                        .json(Map.of("email", email, "password", "pw-" + UUID.randomUUID(), "fullName", "Race " + i))
                        .send());

        long rows = Database.number("SELECT COUNT(*) FROM user_service.app_user WHERE email_key = ?", email);
        check("One e-mail address, self-registration", replies, rows, 409);
    }

    @Test
    void doctorSlotBooksOnce() {
        Account doctor = practice.doctors().get(0);
        Instant slot = practice.nextSlot();
        List<Account> patients = List.of(
                practice.patients().get(0), practice.patients().get(1), practice.newUser("race-patient", "PATIENT"));

        List<Reply> replies = Traffic.storm(STORM, i -> practice.book(doctor, patients.get(i % patients.size()), slot));

        long rows = Database.number(
                "SELECT COUNT(*) FROM scheduling_service.appointment WHERE doctor_id = ?"
                        + " AND status IN ('BOOKED', 'CONFIRMED', 'COMPLETED')",
                doctor.id().toString());
        check("One doctor's slot, different patients", replies, rows, 409);
    }

    @Test
    void patientTimeBooksOnce() {
        Account patient = practice.newUser("race-patient", "PATIENT");
        Instant slot = practice.nextSlot();

        List<Reply> replies =
                Traffic.storm(STORM, i -> practice.book(practice.doctors().get(1 + i % 3), patient, slot));

        long rows = Database.number(
                "SELECT COUNT(*) FROM scheduling_service.appointment WHERE patient_id = ?"
                        + " AND status IN ('BOOKED', 'CONFIRMED', 'COMPLETED')",
                patient.id().toString());
        check("One patient's time, three doctors", replies, rows, 409);
    }

    @Test
    void reviewPostsOnce() {
        Account doctor = practice.doctors().get(0);
        Account patient = practice.patients().get(0);
        UUID appointment = practice.bookNext(doctor, patient);
        practice.changeStatus(appointment, "CONFIRMED", doctor).expect(200);
        practice.changeStatus(appointment, "COMPLETED", doctor).expect(200);
        Database.awaitNumber(
                1,
                Duration.ofSeconds(60),
                "SELECT COUNT(*) FROM clinical_service.appointment WHERE id = ? AND status = 'COMPLETED'",
                appointment.toString());

        List<Reply> replies = Traffic.storm(STORM, i -> practice.review(appointment, patient, 1 + i % 5));

        long rows = Database.number(
                "SELECT COUNT(*) FROM clinical_service.review WHERE appointment_id = ?", appointment.toString());
        check("One review per appointment", replies, rows, 409);
    }

    @Test
    void idempotencyKeyRecordsOnce() {
        UUID appointment = bookedAndKnownToBilling();
        String key = "race-" + UUID.randomUUID();

        List<Reply> replies = Traffic.storm(STORM, i -> practice.pay(appointment, "4.00", key));

        long rows = Database.number(
                "SELECT COUNT(*) FROM billing_service.payment WHERE appointment_id = ?", appointment.toString());
        Set<String> paymentIds = replies.stream()
                .filter(Reply::isSuccess)
                .map(reply -> reply.json().path("id").asText())
                .collect(Collectors.toSet());
        serverErrors += Traffic.serverErrors(replies);
        duplicates += Math.max(0, rows - 1);
        REPORT.figure(
                "One Idempotency-Key: answers / payment ids / rows",
                Traffic.statuses(replies) + " / " + paymentIds.size() + " / " + rows);

        assertThat(Traffic.serverErrors(replies)).as("5xx answers").isZero();
        assertThat(replies).as("every retry gets the first answer").allMatch(Reply::isSuccess);
        assertThat(paymentIds).as("payment ids in the answers").hasSize(1);
        assertThat(rows).as("payment rows").isEqualTo(1);
    }

    @Test
    void fullPricePaysOnce() {
        UUID appointment = bookedAndKnownToBilling();

        List<Reply> replies = Traffic.storm(STORM, i -> practice.pay(appointment, Practice.PRICE, null));

        long rows = Database.number(
                "SELECT COUNT(*) FROM billing_service.payment WHERE appointment_id = ?", appointment.toString());
        check("Full-price payments on one appointment", replies, rows, 422);
    }

    @Test
    void doctorServiceLinksOnce() {
        UUID service = practice.gateway()
                .post("/api/medical-services")
                .token(practice.admin().token())
                .json(Map.of(
                        "code",
                        "LINK-" + practice.runId(),
                        "name",
                        "Linked " + practice.runId(),
                        "durationMinutes",
                        30,
                        "price",
                        "5.00",
                        "currency",
                        "USD"))
                .send()
                .expect(201)
                .id();
        Account doctor = practice.doctors().get(2);

        List<Reply> replies = Traffic.storm(
                STORM,
                i -> practice.gateway()
                        .post("/api/doctors/" + doctor.id() + "/services")
                        .token(practice.admin().token())
                        .json(Map.of("serviceId", service))
                        .send());

        long rows = Database.number(
                "SELECT COUNT(*) FROM user_service.doctor_service_link WHERE doctor_id = ? AND service_id = ?",
                doctor.id().toString(),
                service.toString());
        check("One doctor-service link", replies, rows, 409);
    }

    @Test
    void medicalServiceCodeCreatesOnce() {
        String code = "CODE-" + practice.runId();

        List<Reply> replies = Traffic.storm(
                STORM,
                i -> practice.gateway()
                        .post("/api/medical-services")
                        .token(practice.admin().token())
                        .json(Map.of(
                                "code",
                                code,
                                "name",
                                "Race " + i,
                                "durationMinutes",
                                30,
                                "price",
                                "5.00",
                                "currency",
                                "USD"))
                        .send());

        long rows = Database.number("SELECT COUNT(*) FROM user_service.medical_service WHERE code = ?", code);
        check("One medical service code", replies, rows, 409);
    }

    private UUID bookedAndKnownToBilling() {
        UUID appointment =
                practice.bookNext(practice.doctors().get(3), practice.patients().get(1));
        Database.awaitNumber(
                1,
                Duration.ofSeconds(60),
                "SELECT COUNT(*) FROM billing_service.appointment WHERE id = ?",
                appointment.toString());
        return appointment;
    }

    private static void check(String rule, List<Reply> replies, long rows, int loserStatus) {
        long winners = replies.stream().filter(Reply::isSuccess).count();
        long problemLosers = replies.stream()
                .filter(reply -> reply.status() == loserStatus && reply.isProblem())
                .count();
        serverErrors += Traffic.serverErrors(replies);
        duplicates += Math.max(0, rows - 1);
        REPORT.figure(rule + ": answers / rows", Traffic.statuses(replies) + " / " + rows);

        assertThat(Traffic.serverErrors(replies)).as(rule + ": 5xx answers").isZero();
        assertThat(winners).as(rule + ": winners").isEqualTo(1);
        assertThat(problemLosers).as(rule + ": " + loserStatus + " problems").isEqualTo(STORM - 1);
        assertThat(rows).as(rule + ": rows").isEqualTo(1);
    }
}
