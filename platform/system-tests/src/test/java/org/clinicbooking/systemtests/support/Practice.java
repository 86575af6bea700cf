package org.clinicbooking.systemtests.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clinic that one test class sets up through the gateway as the admin: a clinic in UTC, one
 * 15-minute service priced 10.00 USD, doctors who offer it, patients and a staff member.
 * E-mail addresses, codes and licence numbers carry a run id, so runs never collide with each
 * other or with demo data.
 */
public final class Practice {

    public static final String CURRENCY = "USD";
    public static final String PRICE = "10.00";
    public static final int DURATION_MINUTES = 15;

    /** 15-minute slots that start from 00:00 to 23:45 on each day. */
    private static final int SLOTS_PER_DAY = 96;

    private final Http gateway;
    private final String runId;
    private final Account admin;
    private final UUID clinicId;
    private final UUID serviceId;
    private final List<Account> doctors;
    private final List<Account> patients;
    private final Account staff;
    private final Instant firstSlot;
    private final AtomicLong nextSlot = new AtomicLong();

    private Practice(
            Http gateway,
            String runId,
            Account admin,
            UUID clinicId,
            UUID serviceId,
            List<Account> doctors,
            List<Account> patients,
            Account staff) {
        this.gateway = gateway;
        this.runId = runId;
        this.admin = admin;
        this.clinicId = clinicId;
        this.serviceId = serviceId;
        this.doctors = doctors;
        this.patients = patients;
        this.staff = staff;
        // Far enough ahead that no booking is in the past and runs on one day do not meet.
        long dayOffset = 400 + ThreadLocalRandom.current().nextInt(3_000);
        this.firstSlot = LocalDate.now(ZoneOffset.UTC)
                .plusDays(dayOffset)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
    }

    /** Creates a practice with DOCTOR_COUNT doctors and PATIENT_COUNT patients. */
    public static Practice create(String label, int doctorCount, int patientCount) {
        Stack stack = Stack.get();
        Http gateway = new Http(stack.gateway());
        String runId = label + "-" + UUID.randomUUID().toString().substring(0, 8);
        Account admin = new Account(gateway, null, stack.adminEmail(), stack.adminPassword(), "ADMIN");

        UUID clinicId = gateway.post("/api/clinics")
                .token(admin.token())
                .json(Map.of(
                        "name", "Clinic " + runId,
                        "address", "1 Loopback Road",
                        "city", "Testville",
                        "phone", "+15550000001",
                        "timeZone", "UTC"))
                .send()
                .expect(201)
                .id();
        UUID serviceId = gateway.post("/api/medical-services")
                .token(admin.token())
                .json(Map.of(
                        "code", "SYS-" + runId,
                        "name", "Consultation " + runId,
                        "durationMinutes", DURATION_MINUTES,
                        "price", PRICE,
                        "currency", CURRENCY))
                .send()
                .expect(201)
                .id();

        List<Account> doctors = new ArrayList<>();
        for (int i = 0; i < doctorCount; i++) {
            Account doctor = createUser(gateway, admin, runId, "doctor" + i, "DOCTOR");
            Map<String, Object> profile = new LinkedHashMap<>();
            profile.put("userId", doctor.id());
            profile.put("clinicId", clinicId);
            profile.put("specialization", "General practice");
            profile.put("licenseNumber", "SYS-" + runId + "-" + i);
            profile.put("yearsOfExperience", 5);
            gateway.post("/api/doctors")
                    .token(admin.token())
                    .json(profile)
                    .send()
                    .expect(201);
            gateway.post("/api/doctors/" + doctor.id() + "/services")
                    .token(admin.token())
                    .json(Map.of("serviceId", serviceId))
                    .send()
                    .expect(201);
            doctors.add(doctor);
        }
        List<Account> patients = new ArrayList<>();
        for (int i = 0; i < patientCount; i++) {
            patients.add(createUser(gateway, admin, runId, "patient" + i, "PATIENT"));
        }
        Account staff = createUser(gateway, admin, runId, "staff", "STAFF");
        return new Practice(gateway, runId, admin, clinicId, serviceId, doctors, patients, staff);
    }

    /** Creates one more user with ROLE in this practice's run. */
    public Account newUser(String kind, String role) {
        return createUser(
                gateway, admin, runId, kind + "-" + UUID.randomUUID().toString().substring(0, 6), role);
    }

    private static Account createUser(Http gateway, Account admin, String runId, String kind, String role) {
        String email = kind + "." + runId + "@system-tests.clinic-booking.example";
        String password = "pw-" + UUID.randomUUID();
        UUID id = gateway.post("/api/users")
                .token(admin.token())
                .json(Map.of("email", email, "password", password, "fullName", "Test " + kind, "role", role))
                .send()
                .expect(201)
                .id();
        return new Account(gateway, id, email, password, role);
    }

    /** Returns a start instant that no other booking of this practice uses. */
    public Instant nextSlot() {
        long slot = nextSlot.getAndIncrement();
        return firstSlot
                .plus(slot / SLOTS_PER_DAY, ChronoUnit.DAYS)
                .plus((slot % SLOTS_PER_DAY) * DURATION_MINUTES, ChronoUnit.MINUTES);
    }

    /** Books DOCTOR for PATIENT at START as the admin, who may book outside working hours. */
    public Reply book(Account doctor, Account patient, Instant start) {
        return gateway.post("/api/appointments")
                .token(admin.token())
                .json(Map.of(
                        "doctorId", doctor.id(),
                        "patientId", patient.id(),
                        "serviceId", serviceId,
                        "startAt", start.toString()))
                .send();
    }

    /** Books a fresh slot and returns the new appointment's id. */
    public UUID bookNext(Account doctor, Account patient) {
        return book(doctor, patient, nextSlot()).expect(201).id();
    }

    public Reply changeStatus(UUID appointmentId, String status, Account actor) {
        return gateway.put("/api/appointments/" + appointmentId + "/status")
                .token(actor.token())
                .json(Map.of("status", status))
                .send();
    }

    public Reply pay(UUID appointmentId, String amount, String idempotencyKey) {
        Http.Call call = gateway.post("/api/payments")
                .token(staff.token())
                .json(Map.of("appointmentId", appointmentId, "amount", amount, "currency", CURRENCY, "method", "CASH"));
        if (idempotencyKey != null) {
            call.header("Idempotency-Key", idempotencyKey);
        }
        return call.send();
    }

    public Reply prescribe(UUID appointmentId, Account doctor) {
        return gateway.post("/api/prescriptions")
                .token(doctor.token())
                .json(Map.of(
                        "appointmentId", appointmentId,
                        "medication", "Amoxicillin 500 MG Oral Capsule",
                        "dosage", "500 MG",
                        "frequency", "Three times a day",
                        "durationDays", 7))
                .send();
    }

    public Reply review(UUID appointmentId, Account patient, int rating) {
        return gateway.post("/api/reviews")
                .token(patient.token())
                .json(Map.of("appointmentId", appointmentId, "rating", rating))
                .send();
    }

    public Reply renameClinic(String name) {
        return gateway.put("/api/clinics/" + clinicId)
                .token(admin.token())
                .json(Map.of(
                        "name", name,
                        "address", "1 Loopback Road",
                        "city", "Testville",
                        "phone", "+15550000001",
                        "timeZone", "UTC"))
                .send();
    }

    public Http gateway() {
        return gateway;
    }

    public String runId() {
        return runId;
    }

    public Account admin() {
        return admin;
    }

    public Account staff() {
        return staff;
    }

    public UUID clinicId() {
        return clinicId;
    }

    public UUID serviceId() {
        return serviceId;
    }

    public List<Account> doctors() {
        return doctors;
    }

    public List<Account> patients() {
        return patients;
    }
}
