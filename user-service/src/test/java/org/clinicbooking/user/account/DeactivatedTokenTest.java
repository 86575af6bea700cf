package org.clinicbooking.user.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.clinicbooking.testkit.TestTokens;
import org.clinicbooking.user.support.TestData;
import org.clinicbooking.user.support.TestData.CreatedUser;
import org.junit.jupiter.api.Test;

/** A token issued before its user was deactivated stops working before it expires. */
@QuarkusTest
class DeactivatedTokenTest {

    private static final String UNAUTHORIZED = "https://clinic-booking.org/problems/unauthorized";

    @Inject
    Pool pool;

    @Test
    void shouldRejectTokenRightAfterDeactivation() {
        CreatedUser patient = TestData.patient();
        given().auth().oauth2(patient.token()).get("/api/users/me").then().statusCode(200);

        deactivate(patient);

        given().auth()
                .oauth2(patient.token())
                .get("/api/users/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo(UNAUTHORIZED));
        given().auth()
                .oauth2(patient.token())
                .get("/api/users/" + patient.id())
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRejectDeactivatedStaffOnOpenEndpoint() {
        CreatedUser staff = TestData.user("STAFF");
        deactivate(staff);

        // Registration is open to anonymous callers, but a token that is sent must still be valid.
        given().auth()
                .oauth2(staff.token())
                .contentType("application/json")
                .body(Map.of(
                        "email",
                        TestData.uniqueEmail("walk-in"),
                        "password",
                        TestData.PASSWORD,
                        "fullName",
                        "Walk-in Patient"))
                .post("/api/users")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo(UNAUTHORIZED));
    }

    @Test
    void shouldKeepActiveUsersTokenWorking() {
        CreatedUser active = TestData.patient();
        CreatedUser deactivated = TestData.patient();

        deactivate(deactivated);

        given().auth()
                .oauth2(active.token())
                .get("/api/users/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(active.id().toString()));
    }

    @Test
    void shouldStoreDeactivationOnce() {
        CreatedUser patient = TestData.patient();

        deactivate(patient);
        var first = TestData.row(
                pool,
                "SELECT deactivated_at FROM deactivated_user WHERE user_id = ?",
                patient.id().toString());
        deactivate(patient);

        var again = TestData.row(
                pool,
                "SELECT deactivated_at FROM deactivated_user WHERE user_id = ?",
                patient.id().toString());
        assertThat(again.getLocalDateTime(0)).isEqualTo(first.getLocalDateTime(0));
        given().auth().oauth2(patient.token()).get("/api/users/me").then().statusCode(401);
    }

    @Test
    void shouldLearnDeactivationFromAnotherReplica() {
        CreatedUser patient = TestData.patient();
        given().auth().oauth2(patient.token()).get("/api/users/me").then().statusCode(200);

        // The row stands for one that another replica stored, so this replica learns of it only
        // through its periodic reload.
        pool.preparedQuery("INSERT INTO deactivated_user (user_id, deactivated_at) VALUES (?, UTC_TIMESTAMP(6))")
                .execute(Tuple.of(patient.id().toString()))
                .await()
                .indefinitely();

        assertThat(statusWithin(patient.token(), Duration.ofSeconds(15))).isEqualTo(401);
    }

    private static void deactivate(CreatedUser user) {
        given().auth()
                .oauth2(TestTokens.admin())
                .delete("/api/users/" + user.id())
                .then()
                .statusCode(204);
    }

    /** Polls GET /api/users/me until it returns 401 or the time is up, and returns the last status. */
    private static int statusWithin(String token, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int status = given().auth().oauth2(token).get("/api/users/me").statusCode();
        while (status != 401 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for the token to be rejected", e);
            }
            status = given().auth().oauth2(token).get("/api/users/me").statusCode();
        }
        return status;
    }
}
