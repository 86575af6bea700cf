package org.clinicbooking.clinical.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.clinicbooking.clinical.fixtures.Database;
import org.clinicbooking.clinical.fixtures.SchedulingServiceStub;
import org.clinicbooking.testkit.TestTokens;
import org.clinicbooking.testkit.UserDeactivations;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A user's token stops working here once user-service's deactivation event arrives. */
@QuarkusTest
@WithTestResource(value = SchedulingServiceStub.class, scope = TestResourceScope.GLOBAL)
class DeactivatedUserTokenTest {

    private static final String UNAUTHORIZED = "https://clinic-booking.org/problems/unauthorized";

    /** Long enough for the consumer to work through what earlier runs left on the test topic. */
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(60);

    /** Time for the periodic reload of the deactivated users (2 s by default) after the row is stored. */
    private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(15);

    @Inject
    Database database;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    UserDeactivations deactivations;
    Instant now;

    @BeforeEach
    void openProducer() {
        deactivations = new UserDeactivations(bootstrapServers);
        now = Instant.now();
    }

    @AfterEach
    void closeProducer() {
        deactivations.close();
    }

    private static int prescriptionsStatus(String token) {
        return given().auth().oauth2(token).get("/api/prescriptions").statusCode();
    }

    /** Polls GET /api/prescriptions until it returns 401 or the time is up, and returns the last status. */
    private static int statusWithin(String token, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int status = prescriptionsStatus(token);
        while (status != 401 && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(200));
            status = prescriptionsStatus(token);
        }
        return status;
    }

    private long processedCount(String eventId) {
        return database.count("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", eventId);
    }

    /** Waits until the consumer has stored the event, or fails. */
    private void awaitProcessed(String eventId) {
        long deadline = System.nanoTime() + EVENT_TIMEOUT.toNanos();
        while (processedCount(eventId) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "Event " + eventId + " was not processed within " + EVENT_TIMEOUT.toSeconds() + " s");
            }
            sleep(Duration.ofMillis(100));
        }
    }

    private String deactivate(UUID userId, String role) {
        String eventId = deactivations.publish(userId, role, now);
        awaitProcessed(eventId);
        return eventId;
    }

    private LocalDateTime deactivatedAt(UUID userId) {
        return database.rows("SELECT deactivated_at FROM deactivated_user WHERE user_id = ?", userId.toString())
                .get(0)
                .getLocalDateTime(0);
    }

    @Test
    void shouldRejectTokenAfterDeactivationEvent() {
        UUID doctorId = UUID.randomUUID();
        String token = TestTokens.doctor(doctorId);
        assertThat(prescriptionsStatus(token)).isEqualTo(200);

        deactivate(doctorId, "DOCTOR");

        assertThat(statusWithin(token, RELOAD_TIMEOUT)).isEqualTo(401);
        given().auth()
                .oauth2(token)
                .get("/api/prescriptions")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo(UNAUTHORIZED));
    }

    @Test
    void shouldKeepActiveUsersTokenWorking() {
        UUID active = UUID.randomUUID();
        UUID deactivated = UUID.randomUUID();

        deactivate(deactivated, "PATIENT");
        assertThat(statusWithin(TestTokens.patient(deactivated), RELOAD_TIMEOUT))
                .isEqualTo(401);

        assertThat(prescriptionsStatus(TestTokens.patient(active))).isEqualTo(200);
    }

    @Test
    void shouldIgnoreReplayedDeactivation() {
        UUID patientId = UUID.randomUUID();
        String eventId = deactivate(patientId, "PATIENT");
        LocalDateTime deactivatedAt = deactivatedAt(patientId);

        deactivations.publish(eventId, patientId, "PATIENT", now.plusSeconds(60));
        // The marker is a new event on the same key, and so on the same partition. Once it is
        // processed, the replay has been consumed.
        String marker = deactivations.publish(patientId, "PATIENT", now.plusSeconds(120));
        awaitProcessed(marker);

        assertThat(processedCount(eventId)).isEqualTo(1);
        assertThat(database.count("SELECT COUNT(*) FROM deactivated_user WHERE user_id = ?", patientId.toString()))
                .isEqualTo(1);
        assertThat(deactivatedAt(patientId)).isEqualTo(deactivatedAt);
        assertThat(statusWithin(TestTokens.patient(patientId), RELOAD_TIMEOUT)).isEqualTo(401);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for the consumer or the reload", e);
        }
    }
}
