package org.clinicbooking.scheduling.directory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.clinicbooking.scheduling.support.Eventually;
import org.clinicbooking.scheduling.support.ReadModel;
import org.clinicbooking.scheduling.support.UserEvents;
import org.clinicbooking.testkit.TestTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A user's token stops working here once user-service's deactivation event arrives. */
@QuarkusTest
class DeactivatedUserTokenTest {

    private static final String UNAUTHORIZED = "https://clinic-booking.org/problems/unauthorized";
    private static final String DEACTIVATED = "clinic.user.deactivated";

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    ReadModel readModel;
    UserEvents events;
    Instant now;

    @BeforeEach
    void setUp() {
        readModel = new ReadModel(pool);
        events = new UserEvents(bootstrapServers);
        now = Instant.now();
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    private String patientData(UUID patientId) {
        return "{\"id\":\"" + patientId + "\",\"email\":\"p-" + patientId + "@example.org\",\"fullName\":\"Amani\","
                + "\"phone\":null,\"role\":\"PATIENT\",\"dateOfBirth\":\"1990-01-01\",\"active\":false,"
                + "\"createdAt\":\"" + now + "\",\"updatedAt\":\"" + now + "\"}";
    }

    private static int listStatus(String token) {
        return given().auth().oauth2(token).get("/api/appointments").statusCode();
    }

    private String deactivate(UUID patientId) {
        String eventId = events.send(DEACTIVATED, patientId, now, patientData(patientId));
        Eventually.await("the deactivation is applied", () -> listStatus(TestTokens.patient(patientId)) == 401);
        return eventId;
    }

    @Test
    void shouldRejectTokenAfterDeactivationEvent() {
        UUID patientId = readModel.patient();
        String token = TestTokens.patient(patientId);
        assertThat(listStatus(token)).isEqualTo(200);

        deactivate(patientId);

        given().auth()
                .oauth2(token)
                .get("/api/appointments")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo(UNAUTHORIZED));
        assertThat(readModel
                        .rows("SELECT active FROM user_account WHERE id = ?", patientId.toString())
                        .get(0)
                        .getBoolean(0))
                .isFalse();
    }

    @Test
    void shouldKeepActiveUsersTokenWorking() {
        UUID active = readModel.patient();
        UUID deactivated = readModel.patient();

        deactivate(deactivated);

        assertThat(listStatus(TestTokens.patient(active))).isEqualTo(200);
    }

    @Test
    void shouldIgnoreReplayedDeactivation() {
        UUID patientId = readModel.patient();
        String eventId = deactivate(patientId);
        LocalDateTime deactivatedAt = deactivatedAt(patientId);

        events.sendWithId(eventId, DEACTIVATED, patientId, now.plusSeconds(60), patientData(patientId));
        // The marker has the same key, and so the same partition. Once it is processed, the replay
        // has been consumed.
        String marker = events.send("clinic.user.profile-viewed", patientId, now, "{\"id\":\"" + patientId + "\"}");
        Eventually.await("the marker event is processed", () -> processedCount(marker) == 1);

        assertThat(processedCount(eventId)).isEqualTo(1);
        assertThat(readModel.count("SELECT COUNT(*) FROM deactivated_user WHERE user_id = ?", patientId.toString()))
                .isEqualTo(1);
        assertThat(deactivatedAt(patientId)).isEqualTo(deactivatedAt);
        assertThat(listStatus(TestTokens.patient(patientId))).isEqualTo(401);
    }

    private long processedCount(String eventId) {
        return readModel.count("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", eventId);
    }

    private LocalDateTime deactivatedAt(UUID userId) {
        return readModel
                .rows("SELECT deactivated_at FROM deactivated_user WHERE user_id = ?", userId.toString())
                .get(0)
                .getLocalDateTime(0);
    }
}
