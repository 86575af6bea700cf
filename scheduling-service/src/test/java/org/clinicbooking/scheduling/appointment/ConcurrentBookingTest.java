package org.clinicbooking.scheduling.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clinicbooking.scheduling.support.Api;
import org.clinicbooking.scheduling.support.ReadModel;
import org.clinicbooking.testkit.EventProbe;
import org.clinicbooking.testkit.TestTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Many patients try to book the same doctor at the same time, all at once. */
@QuarkusTest
class ConcurrentBookingTest {

    private static final int REQUESTS = 200;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/api/appointments")
    URI appointments;

    @Test
    void shouldAcceptExactlyOneBooking() throws Exception {
        ReadModel readModel = new ReadModel(pool);
        ReadModel.Practice practice = readModel.practice("Africa/Nairobi", 30);
        Api.openEveryDay(practice.doctorId(), "08:00", "18:00");
        String startAt = Api.futureMonday() + "T11:00:00+03:00";
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String body = json.writeValueAsString(Api.booking(null, practice, startAt));
            requests.add(HttpRequest.newBuilder(appointments)
                    .header("Authorization", "Bearer " + TestTokens.patient(UUID.randomUUID()))
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(120))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build());
        }

        List<HttpResponse<String>> responses;
        try (EventProbe probe = EventProbe.watch(bootstrapServers, "test.scheduling-events")) {
            long began = System.nanoTime();
            responses = sendAllAtOnce(requests);
            long tookMillis = (System.nanoTime() - began) / 1_000_000;
            // Reported for the record, not asserted: timings depend on the machine's load.
            System.out.printf("%d conflicting bookings answered in %d ms%n", REQUESTS, tookMillis);

            List<HttpResponse<String>> created =
                    responses.stream().filter(r -> r.statusCode() == 201).toList();
            List<HttpResponse<String>> conflicts =
                    responses.stream().filter(r -> r.statusCode() == 409).toList();
            assertThat(created).hasSize(1);
            assertThat(conflicts).hasSize(REQUESTS - 1);
            for (HttpResponse<String> conflict : conflicts) {
                JsonNode problem = json.readTree(conflict.body());
                assertThat(problem.path("type").asText())
                        .isEqualTo("https://clinic-booking.org/problems/booking-conflict");
                assertThat(problem.path("conflictingStartAt").asText()).isEqualTo(Api.futureMonday() + "T08:00:00Z");
                assertThat(problem.path("conflictingEndAt").asText()).isEqualTo(Api.futureMonday() + "T08:30:00Z");
            }

            long rows = readModel.count(
                    "SELECT COUNT(*) FROM appointment WHERE doctor_id = ?",
                    practice.doctorId().toString());
            assertThat(rows).isEqualTo(1);

            String id = json.readTree(created.get(0).body()).path("id").asText();
            assertThat(probe.awaitEvents("clinic.appointment.booked", id, 1)).hasSize(1);
            var booked = probe.settle(
                    record -> "clinic.appointment.booked".equals(EventProbe.header(record, "ce_type"))
                            && record.value().contains(practice.doctorId().toString()),
                    Duration.ofSeconds(2));
            assertThat(booked).hasSize(1);
        }
    }
    /**
     * Staff book random slots for several doctors and patients at once, overlapping in every
     * way. Whatever wins, no two active appointments of one doctor or one patient may overlap.
     */
    @Test
    void shouldKeepNoOverlapUnderMixedLoad() throws Exception {
        ReadModel readModel = new ReadModel(pool);
        ReadModel.Practice first = readModel.practice("Africa/Nairobi", 30);
        List<UUID> doctors = new ArrayList<>(List.of(first.doctorId()));
        for (int i = 0; i < 3; i++) {
            UUID doctorId = readModel.doctor(first.clinicId(), true);
            readModel.offer(doctorId, first.serviceId());
            doctors.add(doctorId);
        }
        List<UUID> patients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            patients.add(readModel.patient());
        }
        java.util.Random random = new java.util.Random(42);
        java.time.LocalDate day = Api.futureMonday();
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ReadModel.Practice practice = new ReadModel.Practice(
                    first.clinicId(), doctors.get(random.nextInt(doctors.size())), first.serviceId());
            String startAt = day + "T" + java.time.LocalTime.of(9, 0).plusMinutes(15L * random.nextInt(8)) + ":00Z";
            String body = json.writeValueAsString(
                    Api.booking(patients.get(random.nextInt(patients.size())), practice, startAt));
            requests.add(HttpRequest.newBuilder(appointments)
                    .header("Authorization", "Bearer " + TestTokens.staff())
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(120))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build());
        }

        List<HttpResponse<String>> responses = sendAllAtOnce(requests);

        Map<String, Long> outcomes = new java.util.TreeMap<>();
        for (HttpResponse<String> response : responses) {
            String type = json.readTree(response.body()).path("type").asText("");
            outcomes.merge(
                    response.statusCode() + " " + type.replace("https://clinic-booking.org/problems/", ""),
                    1L,
                    Long::sum);
        }
        System.out.printf("Mixed load of %d bookings: %s%n", requests.size(), outcomes);
        assertThat(responses)
                .allSatisfy(response -> assertThat(response.statusCode()).isIn(201, 409));

        String placeholders = String.join(",", java.util.Collections.nCopies(doctors.size(), "?"));
        var rows = readModel.rows(
                "SELECT doctor_id, patient_id, start_at, end_at FROM appointment WHERE doctor_id IN (" + placeholders
                        + ")",
                doctors.stream().map(UUID::toString).toArray());
        long created = responses.stream()
                .filter(response -> response.statusCode() == 201)
                .count();
        assertThat(rows).hasSize((int) created);
        for (int i = 0; i < rows.size(); i++) {
            for (int j = i + 1; j < rows.size(); j++) {
                var a = rows.get(i);
                var b = rows.get(j);
                boolean overlap = a.getLocalDateTime("start_at").isBefore(b.getLocalDateTime("end_at"))
                        && b.getLocalDateTime("start_at").isBefore(a.getLocalDateTime("end_at"));
                boolean shared = a.getString("doctor_id").equals(b.getString("doctor_id"))
                        || a.getString("patient_id").equals(b.getString("patient_id"));
                assertThat(overlap && shared)
                        .as("appointments %s and %s overlap", a.toJson(), b.toJson())
                        .isFalse();
            }
        }
    }

    private static List<HttpResponse<String>> sendAllAtOnce(List<HttpRequest> requests) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(requests.size());
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> pending = new ArrayList<>();
        for (HttpRequest request : requests) {
            pending.add(threads.submit(() -> {
                start.await();
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            }));
        }
        start.countDown();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> response : pending) {
            responses.add(response.get());
        }
        threads.shutdownNow();
        return responses;
    }
}
