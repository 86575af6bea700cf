package org.clinicbooking.scheduling.schedule;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicbooking.scheduling.support.ReadModel;
import org.clinicbooking.testkit.EventProbe;
import org.clinicbooking.testkit.TestTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WorkingHoursTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    ReadModel readModel;
    UUID doctorId;

    @BeforeEach
    void setUp() {
        readModel = new ReadModel(pool);
        doctorId = readModel.practice("Europe/Berlin", 30).doctorId();
    }

    private static Map<String, String> interval(String day, String start, String end) {
        return Map.of("dayOfWeek", day, "start", start, "end", end);
    }

    private ValidatableResponse put(String token, Object intervals) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("intervals", intervals))
                .put("/api/doctors/" + doctorId + "/working-hours")
                .then();
    }

    @Test
    void shouldReplaceOwnHours() {
        String doctor = TestTokens.doctor(doctorId);
        put(doctor, List.of(interval("MONDAY", "08:00", "12:00"))).statusCode(200);
        try (EventProbe probe = EventProbe.watch(bootstrapServers, "test.scheduling-events")) {
            put(
                            doctor,
                            List.of(
                                    interval("TUESDAY", "13:00", "17:30"),
                                    interval("MONDAY", "13:00", "17:00"),
                                    interval("MONDAY", "09:00", "13:00")))
                    .statusCode(200)
                    .body("timeZone", equalTo("Europe/Berlin"))
                    .body("intervals.start", contains("09:00", "13:00", "13:00"));

            // The earlier replacement's event may still be on its way, so match this one by content.
            var events = probe.await(
                    record -> "clinic.working-hours.changed".equals(EventProbe.header(record, "ce_type"))
                            && doctorId.toString().equals(record.key())
                            && record.value().contains("TUESDAY"),
                    1,
                    java.time.Duration.ofSeconds(20));
            assertThat(events).hasSize(1);
            assertThat(events.get(0).value())
                    .contains("\"doctorId\":\"" + doctorId + "\"")
                    .contains("{\"dayOfWeek\":\"TUESDAY\",\"start\":\"13:00\",\"end\":\"17:30\"}");
        }

        given().auth()
                .oauth2(TestTokens.staff())
                .get("/api/doctors/" + doctorId + "/working-hours")
                .then()
                .statusCode(200)
                .body("doctorId", equalTo(doctorId.toString()))
                .body("intervals.dayOfWeek", contains("MONDAY", "MONDAY", "TUESDAY"))
                .body("intervals.end", contains("13:00", "17:00", "17:30"));
        assertThat(readModel.count("SELECT COUNT(*) FROM working_hours WHERE doctor_id = ?", doctorId.toString()))
                .isEqualTo(3);
    }

    @Test
    void shouldRejectOverlapsAndBackwardsIntervals() {
        String staff = TestTokens.staff();
        put(staff, List.of(interval("MONDAY", "09:00", "12:00"), interval("MONDAY", "11:00", "14:00")))
                .statusCode(400)
                .body("errors[0].field", equalTo("intervals"));
        put(staff, List.of(interval("MONDAY", "12:00", "09:00")))
                .statusCode(400)
                .body("errors[0].field", equalTo("intervals[0]"));
        put(staff, List.of(interval("MONDAY", "09:00", "09:00"))).statusCode(400);
        put(staff, List.of(interval("FUNDAY", "09:00", "12:00")))
                .statusCode(400)
                .body("errors[0].field", equalTo("intervals[0].dayOfWeek"));
        put(staff, List.of(interval("MONDAY", "9am", "12:00"))).statusCode(400);
        put(staff, List.of(Map.of("dayOfWeek", "MONDAY", "start", "09:00"))).statusCode(400);
        // Touching intervals and the same hours on two days are fine.
        put(
                        staff,
                        List.of(
                                interval("MONDAY", "09:00", "12:00"),
                                interval("MONDAY", "12:00", "14:00"),
                                interval("TUESDAY", "09:00", "12:00")))
                .statusCode(200);
    }

    @Test
    void shouldRejectOtherCallers() {
        put(TestTokens.doctor(UUID.randomUUID()), List.of()).statusCode(403);
        put(TestTokens.patient(UUID.randomUUID()), List.of()).statusCode(403);
        given().auth()
                .oauth2(TestTokens.patient(UUID.randomUUID()))
                .get("/api/doctors/" + doctorId + "/working-hours")
                .then()
                .statusCode(403);
        put(TestTokens.admin(), List.of()).statusCode(200).body("intervals.size()", equalTo(0));
        put(TestTokens.admin(), List.of()).statusCode(200);
    }

    @Test
    void shouldReturn404ForUnknownDoctor() {
        given().auth()
                .oauth2(TestTokens.staff())
                .get("/api/doctors/" + UUID.randomUUID() + "/working-hours")
                .then()
                .statusCode(404)
                .body("type", equalTo("https://clinic-booking.org/problems/not-found"));
    }
}
