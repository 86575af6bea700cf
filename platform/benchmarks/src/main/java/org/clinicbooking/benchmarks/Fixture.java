package org.clinicbooking.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;

/**
 * The records a run books against, created through the public API as the admin: one clinic in
 * UTC, one 15-minute service, and doctors and patients. Their e-mail addresses contain the run
 * id, so runs never collide with each other or with the demo data.
 */
record Fixture(
        String runId, UUID clinicId, UUID serviceId, int durationMinutes, List<UUID> doctors, List<UUID> patients) {

    static final int DURATION_MINUTES = 15;

    private static final Logger LOG = Logger.getLogger(Fixture.class.getName());

    /** Parallel setup calls; user creation hashes a password, so this is CPU bound on the service side. */
    private static final int SETUP_THREADS = 4;

    static Fixture create(Gateway gateway, String runId, int doctorCount, int patientCount) {
        UUID clinicId = id(gateway.post(
                        "/api/clinics",
                        Map.of(
                                "name", "Benchmark clinic " + runId,
                                "address", "1 Loopback Road",
                                "city", "Benchmark",
                                "phone", "+15550000001",
                                "timeZone", "UTC"))
                .require(201, "Creating the clinic"));
        UUID serviceId = id(gateway.post(
                        "/api/medical-services",
                        Map.of(
                                "code",
                                "BENCH-" + runId,
                                "name",
                                "Benchmark consultation " + runId,
                                "durationMinutes",
                                DURATION_MINUTES,
                                "price",
                                "10.00",
                                "currency",
                                "USD"))
                .require(201, "Creating the medical service"));
        LOG.info("Created clinic " + clinicId + " and service " + serviceId + "; creating " + doctorCount
                + " doctors and " + patientCount + " patients");

        ExecutorService pool = Executors.newFixedThreadPool(SETUP_THREADS);
        try {
            List<Future<UUID>> doctorTasks = new ArrayList<>();
            for (int i = 0; i < doctorCount; i++) {
                int index = i;
                doctorTasks.add(pool.submit(() -> createDoctor(gateway, runId, index, clinicId, serviceId)));
            }
            List<Future<UUID>> patientTasks = new ArrayList<>();
            for (int i = 0; i < patientCount; i++) {
                int index = i;
                patientTasks.add(pool.submit(() -> createUser(gateway, runId, "patient", index, "PATIENT")));
            }
            return new Fixture(
                    runId, clinicId, serviceId, DURATION_MINUTES, collect(doctorTasks), collect(patientTasks));
        } finally {
            pool.shutdownNow();
        }
    }

    private static UUID createDoctor(Gateway gateway, String runId, int index, UUID clinicId, UUID serviceId) {
        UUID userId = createUser(gateway, runId, "doctor", index, "DOCTOR");
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("userId", userId);
        profile.put("clinicId", clinicId);
        profile.put("specialization", "General practice");
        profile.put("licenseNumber", "BENCH-" + runId + "-" + index);
        profile.put("yearsOfExperience", 5);
        gateway.post("/api/doctors", profile).require(201, "Creating the doctor profile of " + userId);
        gateway.post("/api/doctors/" + userId + "/services", Map.of("serviceId", serviceId))
                .require(201, "Linking doctor " + userId + " to service " + serviceId);
        return userId;
    }

    private static UUID createUser(Gateway gateway, String runId, String kind, int index, String role) {
        String email = kind + "-" + index + "-" + runId + "@bench.clinic-booking.example";
        Map<String, Object> user = Map.of(
                "email",
                email,
                "password",
                "bench-" + UUID.randomUUID(),
                "fullName",
                "Benchmark " + kind + " " + index,
                "role",
                role);
        return id(gateway.post("/api/users", user).require(201, "Creating user " + email));
    }

    private static UUID id(JsonNode body) {
        return UUID.fromString(body.path("id").asText());
    }

    private static List<UUID> collect(List<Future<UUID>> tasks) {
        List<UUID> ids = new ArrayList<>();
        for (Future<UUID> task : tasks) {
            try {
                ids.add(task.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException(
                        "Setting up the fixture failed: " + e.getCause().getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Setting up the fixture was interrupted", e);
            }
        }
        return ids;
    }
}
