package org.clinicbooking.billing.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.clinicbooking.billing.testing.BillingTest;
import org.clinicbooking.testkit.TestTokens;
import org.clinicbooking.testkit.UserDeactivations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A user's token stops working here once user-service's deactivation event arrives. */
@QuarkusTest
class DeactivatedUserTokenTest extends BillingTest {

    /** Time for the periodic reload of the deactivated users (2 s by default) after the row is stored. */
    private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(15);

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

    private static int paymentsStatus(String token) {
        return given().auth().oauth2(token).get("/api/payments").statusCode();
    }

    /** Polls GET /api/payments until it returns 401 or the time is up, and returns the last status. */
    private static int statusWithin(String token, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int status = paymentsStatus(token);
        while (status != 401 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for the token to be rejected", e);
            }
            status = paymentsStatus(token);
        }
        return status;
    }

    private String deactivate(UUID patientId) {
        String eventId = deactivations.publish(patientId, "PATIENT", now);
        database.awaitCount("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", 1, eventId);
        return eventId;
    }

    private LocalDateTime deactivatedAt(UUID userId) {
        return database.rows("SELECT deactivated_at FROM deactivated_user WHERE user_id = ?", userId.toString())
                .get(0)
                .getLocalDateTime(0);
    }

    @Test
    void shouldRejectTokenAfterDeactivationEvent() {
        UUID patientId = UUID.randomUUID();
        String token = TestTokens.patient(patientId);
        assertThat(paymentsStatus(token)).isEqualTo(200);

        deactivate(patientId);

        assertThat(statusWithin(token, RELOAD_TIMEOUT)).isEqualTo(401);
        given().auth()
                .oauth2(token)
                .get("/api/payments")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "unauthorized"));
    }

    @Test
    void shouldKeepActiveUsersTokenWorking() {
        UUID active = UUID.randomUUID();
        UUID deactivated = UUID.randomUUID();

        deactivate(deactivated);
        assertThat(statusWithin(TestTokens.patient(deactivated), RELOAD_TIMEOUT))
                .isEqualTo(401);

        assertThat(paymentsStatus(TestTokens.patient(active))).isEqualTo(200);
    }

    @Test
    void shouldIgnoreReplayedDeactivation() {
        UUID patientId = UUID.randomUUID();
        String eventId = deactivate(patientId);
        LocalDateTime deactivatedAt = deactivatedAt(patientId);

        deactivations.publish(eventId, patientId, "PATIENT", now.plusSeconds(60));
        // The marker is a new event on the same key, and so on the same partition. Once it is
        // processed, the replay has been consumed.
        String marker = deactivations.publish(patientId, "PATIENT", now.plusSeconds(120));
        database.awaitCount("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", 1, marker);

        assertThat(database.count("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", eventId))
                .isEqualTo(1);
        assertThat(database.count("SELECT COUNT(*) FROM deactivated_user WHERE user_id = ?", patientId.toString()))
                .isEqualTo(1);
        assertThat(deactivatedAt(patientId)).isEqualTo(deactivatedAt);
        assertThat(statusWithin(TestTokens.patient(patientId), RELOAD_TIMEOUT)).isEqualTo(401);
    }
}
