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
class TimeOffTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    UUID doctorId;

    @BeforeEach
    void setUp() {
        doctorId = new ReadModel(pool).practice("Africa/Nairobi", 30).doctorId();
    }

    private ValidatableResponse put(String token, Object periods) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("periods", periods))
                .put("/api/doctors/" + doctorId + "/time-off")
                .then();
    }

    @Test
    void shouldReplaceAndReadTimeOffInUtc() {
        try (EventProbe probe = EventProbe.watch(bootstrapServers, "test.scheduling-events")) {
            put(
                            TestTokens.doctor(doctorId),
                            List.of(
                                    Map.of(
                                            "startAt",
                                            "2030-08-12T09:00:00+03:00",
                                            "endAt",
                                            "2030-08-16T18:00:00+03:00"),
                                    Map.of(
                                            "startAt", "2030-07-01T00:00:00Z",
                                            "endAt", "2030-07-02T00:00:00Z",
                                            "reason", "Training")))
                    .statusCode(200)
                    .body("periods.startAt", contains("2030-07-01T00:00:00Z", "2030-08-12T06:00:00Z"));

            var events = probe.awaitEvents("clinic.time-off.changed", doctorId.toString(), 1);
            assertThat(events).hasSize(1);
            assertThat(events.get(0).value()).contains("\"endAt\":\"2030-08-16T15:00:00Z\"");
        }

        given().auth()
                .oauth2(TestTokens.staff())
                .get("/api/doctors/" + doctorId + "/time-off")
                .then()
                .statusCode(200)
                .body("periods.reason", contains("Training", null))
                .body("periods.endAt", contains("2030-07-02T00:00:00Z", "2030-08-16T15:00:00Z"));
    }

    @Test
    void shouldRejectPeriodsWithoutOffsetOrBackwards() {
        String staff = TestTokens.staff();
        put(staff, List.of(Map.of("startAt", "2030-08-12T09:00:00", "endAt", "2030-08-12T10:00:00Z")))
                .statusCode(400)
                .body("errors[0].field", equalTo("periods[0].startAt"));
        put(staff, List.of(Map.of("startAt", "2030-08-12T09:00:00Z", "endAt", "2030-08-12T08:00:00Z")))
                .statusCode(400)
                .body("errors[0].field", equalTo("periods[0].endAt"));
        put(staff, List.of(Map.of("startAt", "2030-08-12T09:00:00Z"))).statusCode(400);
        put(TestTokens.doctor(UUID.randomUUID()), List.of()).statusCode(403);
    }

    @Test
    void shouldClearAllTimeOff() {
        put(TestTokens.staff(), List.of(Map.of("startAt", "2030-08-12T09:00:00Z", "endAt", "2030-08-13T09:00:00Z")))
                .statusCode(200);

        put(TestTokens.staff(), List.of()).statusCode(200).body("periods.size()", equalTo(0));
    }
}
