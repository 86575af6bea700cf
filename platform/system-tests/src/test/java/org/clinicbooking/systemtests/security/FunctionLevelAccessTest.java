package org.clinicbooking.systemtests.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicbooking.systemtests.security.Exchanges.assertProblem;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * OWASP API5:2023, broken function level authorization: a patient, a doctor and (for the admin's
 * functions) staff call the staff and admin endpoints with their own valid tokens. Every call
 * must get a 403 problem, and no row may be created, changed or deactivated. Rows are counted by
 * the unique names and codes each request carries, so that other tests writing to the same
 * tables at the same time do not disturb the counts.
 */
@Order(23)
class FunctionLevelAccessTest {

    private static final ReliabilityReport.Section REPORT = ReliabilityReport.section(
                    FunctionLevelAccessTest.class, "Security: function level access (OWASP API5)")
            .injected("A patient and a doctor, with valid tokens, create and rename clinics, create medical "
                    + "services and doctor profiles, link services to doctors, create STAFF and ADMIN users, "
                    + "deactivate users (also as a POST with a method override header), list users, record "
                    + "payments and read the audit log and its verification; staff call the admin-only "
                    + "endpoints among them.")
            .checked("Every call gets a 403 problem; counted by their unique names, codes and e-mail addresses, "
                    + "no clinic, medical service, doctor profile, link, user or payment was created, the "
                    + "clinic keeps its name and the targeted users stay active. The admin's own calls to the "
                    + "same endpoints succeed.");

    private static final Exchanges SENT = new Exchanges();

    private static Practice practice;
    private static Http gateway;
    private static Account patient;
    private static Account doctor;
    private static Account staff;
    private static long rowsChanged;
    private static int refusals;

    @BeforeAll
    static void createPractice() {
        practice = Practice.create("bfla", 1, 2);
        gateway = practice.gateway();
        patient = practice.patients().get(0);
        doctor = practice.doctors().get(0);
        staff = practice.staff();
    }

    @AfterAll
    static void summarise() {
        REPORT.figure("Requests sent", SENT.count())
                .figure("Answers by status", SENT.statuses())
                .figure("403 problems checked", refusals)
                .figure("Rows created or changed by refused requests", rowsChanged)
                .figure("Lost", 0)
                .figure("Duplicated", 0)
                .figure("5xx answers", SENT.serverErrors());
    }

    @Test
    void clinicsAreAdminOnly() {
        String originalName = clinicName();
        for (Account caller : List.of(patient, doctor, staff)) {
            String name = "Forbidden clinic " + caller.role() + " " + practice.runId();

            forbidden(gateway.post("/api/clinics").token(caller.token()).json(clinic(name)));
            forbidden(gateway.put("/api/clinics/" + practice.clinicId())
                    .token(caller.token())
                    .json(clinic("Renamed by " + caller.role())));

            none("user_service.clinic", "name", name);
        }

        assertThat(clinicName()).as("clinic name after the refused renames").isEqualTo(originalName);
    }

    @Test
    void medicalServicesAreAdminOnly() {
        for (Account caller : List.of(patient, doctor, staff)) {
            String code = "FORBIDDEN-" + caller.role() + "-" + practice.runId();
            Map<String, Object> service = Map.of(
                    "code",
                    code,
                    "name",
                    "Forbidden " + code,
                    "durationMinutes",
                    30,
                    "price",
                    "0.00",
                    "currency",
                    "USD");

            forbidden(
                    gateway.post("/api/medical-services").token(caller.token()).json(service));
            forbidden(gateway.put("/api/medical-services/" + practice.serviceId())
                    .token(caller.token())
                    .json(service));

            none("user_service.medical_service", "code", code);
        }
        assertThat(Database.strings(
                        "SELECT CONCAT_WS('|', code, price) FROM user_service.medical_service WHERE id = ?",
                        practice.serviceId().toString()))
                .containsExactly("SYS-" + practice.runId() + "|" + Practice.PRICE);
    }

    @Test
    void doctorProfilesAreAdminOnly() {
        Account newDoctor = practice.newUser("unprofiled", "DOCTOR");
        UUID extraService = SENT.send(gateway.post("/api/medical-services")
                        .token(practice.admin().token())
                        .json(Map.of(
                                "code",
                                "EXTRA-" + practice.runId(),
                                "name",
                                "Extra " + practice.runId(),
                                "durationMinutes",
                                30,
                                "price",
                                "5.00",
                                "currency",
                                "USD")))
                .expect(201)
                .id();

        for (Account caller : List.of(patient, doctor, staff)) {
            Map<String, Object> profile = new LinkedHashMap<>();
            profile.put("userId", newDoctor.id());
            profile.put("clinicId", practice.clinicId());
            profile.put("specialization", "Forged");
            profile.put("licenseNumber", "FORGED-" + caller.role() + "-" + practice.runId());
            profile.put("yearsOfExperience", 1);

            forbidden(gateway.post("/api/doctors").token(caller.token()).json(profile));
            forbidden(gateway.post("/api/doctors/" + doctor.id() + "/services")
                    .token(caller.token())
                    .json(Map.of("serviceId", extraService)));
            forbidden(gateway.delete("/api/doctors/" + doctor.id() + "/services/" + practice.serviceId())
                    .token(caller.token()));
        }

        none("user_service.doctor", "user_id", newDoctor.id().toString());
        none("user_service.doctor_service_link", "service_id", extraService.toString());
        assertThat(Database.number(
                        "SELECT COUNT(*) FROM user_service.doctor_service_link WHERE doctor_id = ? AND service_id = ?",
                        doctor.id().toString(),
                        practice.serviceId().toString()))
                .as("the doctor's original service link")
                .isEqualTo(1);
    }

    @Test
    void privilegedUsersAreAdminOnly() {
        for (Account caller : List.of(patient, doctor, staff)) {
            for (String role : List.of("STAFF", "ADMIN", "DOCTOR")) {
                String email = "forbidden-" + role.toLowerCase() + "-by-"
                        + caller.role().toLowerCase() + "." + practice.runId() + "@system-tests.clinic-booking.example";

                forbidden(gateway.post("/api/users")
                        .token(caller.token())
                        .json(Map.of(
                                "email",
                                email,
                                "password",
                                "pw-" + UUID.randomUUID(),
                                "fullName",
                                "Forbidden " + role,
                                "role",
                                role)));

                none("user_service.app_user", "email_key", email);
            }
        }
    }

    @Test
    void userAdministrationIsStaffOnly() {
        Account victim = practice.patients().get(1);

        for (Account caller : List.of(patient, doctor)) {
            forbidden(gateway.get("/api/users").token(caller.token()));
            forbidden(gateway.get("/api/users?role=ADMIN").token(caller.token()));
            forbidden(gateway.delete("/api/users/" + victim.id()).token(caller.token()));
        }
        // The services take the method from the request line only, so an override header changes nothing.
        for (String override : List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override")) {
            Reply reply = SENT.send(gateway.post("/api/users/" + victim.id())
                    .token(patient.token())
                    .header(override, "DELETE")
                    .jsonText("{}"));
            assertProblem(reply, 405);
        }
        // Staff manage patients but not other staff, doctors or admins.
        forbidden(gateway.delete("/api/users/" + doctor.id()).token(staff.token()));
        forbidden(gateway.delete("/api/users/" + adminId()).token(staff.token()));

        for (Account target : List.of(victim, doctor)) {
            long active = Database.number(
                    "SELECT active FROM user_service.app_user WHERE id = ?",
                    target.id().toString());
            if (active != 1) {
                rowsChanged++;
            }
            assertThat(active).as("active flag of " + target.email()).isEqualTo(1);
        }
        assertThat(SENT.send(gateway.get("/api/users?size=1").token(staff.token()))
                        .status())
                .as("staff list users")
                .isEqualTo(200);
    }

    @Test
    void paymentsAreStaffOnly() {
        UUID appointment = practice.bookNext(doctor, patient);
        Database.awaitNumber(
                1,
                Duration.ofSeconds(60),
                "SELECT COUNT(*) FROM billing_service.appointment WHERE id = ?",
                appointment.toString());
        Map<String, Object> payment =
                Map.of("appointmentId", appointment, "amount", "1.00", "currency", "USD", "method", "CASH");

        for (Account caller : List.of(patient, doctor)) {
            forbidden(gateway.post("/api/payments").token(caller.token()).json(payment));
            forbidden(gateway.post("/api/payments")
                    .token(caller.token())
                    .header("Idempotency-Key", "forbidden-" + UUID.randomUUID())
                    .json(payment));
        }

        none("billing_service.payment", "appointment_id", appointment.toString());
        assertThat(SENT.send(gateway.post("/api/payments").token(staff.token()).json(payment))
                        .status())
                .as("staff record the payment")
                .isEqualTo(201);
    }

    @Test
    void auditLogIsStaffOnly() {
        List<String> unexpected = new ArrayList<>();
        for (Account caller : List.of(patient, doctor)) {
            for (String path : List.of(
                    "/api/audit-logs",
                    "/api/audit-logs?actorId=" + caller.id(),
                    "/api/audit-logs?subjectId=" + caller.id(),
                    "/api/audit-logs/verify")) {
                Reply reply = SENT.send(gateway.get(path).token(caller.token()));
                try {
                    assertProblem(reply, 403);
                    refusals++;
                } catch (AssertionError e) {
                    unexpected.add(reply.describe());
                }
            }
        }

        assertThat(unexpected).as("audit log answers to a patient or doctor").isEmpty();
        assertThat(SENT.send(gateway.get("/api/audit-logs?size=1").token(staff.token()))
                        .status())
                .as("staff read the audit log")
                .isEqualTo(200);
    }

    @Test
    void bookingsReviewsAndPrescriptionsKeepTheirRoles() {
        Instant start = practice.nextSlot();
        Map<String, Object> booking = Map.of(
                "doctorId", doctor.id(),
                "patientId", patient.id(),
                "serviceId", practice.serviceId(),
                "startAt", start.toString());

        forbidden(gateway.post("/api/appointments").token(doctor.token()).json(booking));
        forbidden(gateway.post("/api/reviews")
                .token(doctor.token())
                .json(Map.of("appointmentId", UUID.randomUUID(), "rating", 5)));
        forbidden(gateway.post("/api/prescriptions")
                .token(patient.token())
                .json(Map.of(
                        "appointmentId", UUID.randomUUID(),
                        "medication", "Self-prescribed",
                        "dosage", "1",
                        "frequency", "Daily",
                        "durationDays", 1)));

        long rows = Database.number(
                "SELECT COUNT(*) FROM scheduling_service.appointment WHERE doctor_id = ? AND start_at = ?",
                doctor.id().toString(),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(start.atOffset(ZoneOffset.UTC)));
        rowsChanged += rows;
        assertThat(rows).as("appointments booked by the doctor").isZero();
    }

    private static void forbidden(Http.Call call) {
        assertProblem(SENT.send(call), 403);
        refusals++;
    }

    private static void none(String table, String column, String value) {
        long rows = Database.number("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?", value);
        rowsChanged += rows;
        assertThat(rows)
                .as("rows of " + table + " with " + column + " = " + value)
                .isZero();
    }

    private static String adminId() {
        return Database.strings(
                        "SELECT id FROM user_service.app_user WHERE email_key = ?",
                        practice.admin().email().toLowerCase(Locale.ROOT))
                .get(0);
    }

    private static String clinicName() {
        return Database.strings(
                        "SELECT name FROM user_service.clinic WHERE id = ?",
                        practice.clinicId().toString())
                .get(0);
    }

    private static Map<String, Object> clinic(String name) {
        return Map.of(
                "name", name,
                "address", "1 Forbidden Road",
                "city", "Testville",
                "phone", "+15550000002",
                "timeZone", "UTC");
    }
}
