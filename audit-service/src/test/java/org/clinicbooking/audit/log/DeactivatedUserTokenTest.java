package org.clinicbooking.audit.log;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clinicbooking.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/** A user's token stops working here once user-service's deactivation event is in the audit log. */
@QuarkusTest
class DeactivatedUserTokenTest {

    private static final String UNAUTHORIZED = "https://clinic-booking.org/problems/unauthorized";

    /** Time for the periodic reload of the deactivated users (2 s by default) after the entry is stored. */
    private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(15);

    @Inject
    Pool pool;

    private static TestEvent deactivation(UUID userId) {
        return TestEvent.on("test.user-events")
                .type("clinic.user.deactivated")
                .source("user-service")
                .subject("user", userId.toString())
                .actor(UUID.randomUUID(), "ADMIN")
                .data("{\"id\":\"" + userId + "\",\"email\":\"s-" + userId + "@example.org\","
                        + "\"fullName\":\"Staff Member\",\"phone\":null,\"role\":\"STAFF\",\"dateOfBirth\":null,"
                        + "\"active\":false,\"createdAt\":\"2026-01-05T08:00:00Z\","
                        + "\"updatedAt\":\"2026-01-06T08:00:00Z\"}");
    }

    private static int auditLogStatus(String token) {
        return given().auth().oauth2(token).get("/api/audit-logs").statusCode();
    }

    /** Polls GET /api/audit-logs until it returns 401 or the time is up, and returns the last status. */
    private static int statusWithin(String token, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int status = auditLogStatus(token);
        while (status != 401 && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(200));
            status = auditLogStatus(token);
        }
        return status;
    }

    private void deactivate(TestEvent event) {
        TestKafka.send(event);
        assertThat(new AuditLogRows(pool).await(event.id(), TestKafka.CONSUMER_TIMEOUT))
                .isPresent();
    }

    @Test
    void shouldRejectTokenAfterDeactivationEvent() {
        UUID staffId = UUID.randomUUID();
        String token = TestTokens.forUser(staffId, "STAFF");
        assertThat(auditLogStatus(token)).isEqualTo(200);

        deactivate(deactivation(staffId));

        assertThat(statusWithin(token, RELOAD_TIMEOUT)).isEqualTo(401);
        given().auth()
                .oauth2(token)
                .get("/api/audit-logs/verify")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo(UNAUTHORIZED));
    }

    @Test
    void shouldKeepActiveUsersTokenWorking() {
        UUID activeId = UUID.randomUUID();
        UUID deactivatedId = UUID.randomUUID();

        deactivate(deactivation(deactivatedId));
        assertThat(statusWithin(TestTokens.forUser(deactivatedId, "STAFF"), RELOAD_TIMEOUT))
                .isEqualTo(401);

        assertThat(auditLogStatus(TestTokens.forUser(activeId, "STAFF"))).isEqualTo(200);
    }

    @Test
    void shouldIgnoreReplayedDeactivation() {
        UUID staffId = UUID.randomUUID();
        TestEvent event = deactivation(staffId);
        deactivate(event);
        LocalDateTime deactivatedAt = deactivatedAt(staffId).get(0).getLocalDateTime(0);

        // The follow-up has the same key, and so the same partition. Once it is recorded, the
        // replay has been consumed.
        TestEvent followUp = TestEvent.on("test.user-events")
                .type("clinic.user.updated")
                .source("user-service")
                .subject("user", staffId.toString());
        TestKafka.send(event, followUp);
        assertThat(new AuditLogRows(pool).await(followUp.id(), TestKafka.CONSUMER_TIMEOUT))
                .isPresent();

        assertThat(new AuditLogRows(pool).byEventId(event.id())).hasSize(1);
        List<Row> rows = deactivatedAt(staffId);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getLocalDateTime(0)).isEqualTo(deactivatedAt);
        assertThat(statusWithin(TestTokens.forUser(staffId, "STAFF"), RELOAD_TIMEOUT))
                .isEqualTo(401);
    }

    private List<Row> deactivatedAt(UUID userId) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery("SELECT deactivated_at FROM deactivated_user WHERE user_id = ?")
                .execute(Tuple.of(userId.toString()))
                .await()
                .indefinitely()
                .forEach(rows::add);
        return rows;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for the token to be rejected", e);
        }
    }
}
