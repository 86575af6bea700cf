package org.clinicbooking.user.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.clinicbooking.user.support.TestData;
import org.clinicbooking.user.support.TestData.CreatedUser;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LoginThrottlingTest {

    private static final int MAX_FAILURES = 5;

    @Inject
    Pool pool;

    @Test
    void shouldRejectLockedAccount() {
        CreatedUser patient = TestData.patient();
        ExtractableResponse<Response> wrongPassword = null;
        for (int attempt = 1; attempt <= MAX_FAILURES; attempt++) {
            wrongPassword = login(patient.email(), "wrong-password-123");
            assertThat(wrongPassword.statusCode()).as("attempt %d", attempt).isEqualTo(401);
        }

        var lockedUntil = TestData.row(
                        pool,
                        "SELECT locked_until FROM app_user WHERE id = ?",
                        patient.id().toString())
                .getLocalDateTime(0);
        assertThat(lockedUntil).isAfter(LocalDateTime.now(ZoneOffset.UTC).plusMinutes(10));

        var rightPassword = login(patient.email(), TestData.PASSWORD);
        assertThat(rightPassword.statusCode()).isEqualTo(401);
        assertThat(rightPassword.contentType()).isEqualTo(wrongPassword.contentType());
        assertThat(rightPassword.asString()).isEqualTo(wrongPassword.asString());
        assertThat(rightPassword.header("WWW-Authenticate")).isEqualTo(wrongPassword.header("WWW-Authenticate"));
    }

    @Test
    void shouldAcceptPasswordBelowLimit() {
        CreatedUser patient = TestData.patient();
        for (int attempt = 1; attempt < MAX_FAILURES; attempt++) {
            assertThat(login(patient.email(), "wrong-password-123").statusCode())
                    .isEqualTo(401);
        }

        assertThat(login(patient.email(), TestData.PASSWORD).statusCode()).isEqualTo(200);
        assertThat(TestData.row(
                                pool,
                                "SELECT failed_logins FROM app_user WHERE id = ?",
                                patient.id().toString())
                        .getInteger(0))
                .isZero();
    }

    private static ExtractableResponse<Response> login(String email, String password) {
        return given().contentType("application/json")
                .body(Map.of("email", email, "password", password))
                .post("/api/auth/login")
                .then()
                .extract();
    }
}
