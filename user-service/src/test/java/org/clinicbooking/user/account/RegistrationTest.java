package org.clinicbooking.user.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.clinicbooking.testkit.EventProbe;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegistrationTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void shouldRegisterPatientAndPublishOneEvent() {
        String email = "ann-" + UUID.randomUUID() + "@example.org";
        try (EventProbe probe = EventProbe.watch(bootstrapServers, "test.user-events")) {
            String id = given().contentType("application/json")
                    .body(Map.of("email", email, "password", "correct-horse-battery", "fullName", "Ann Patient"))
                    .post("/api/users")
                    .then()
                    .statusCode(201)
                    .body("email", equalTo(email))
                    .body("role", equalTo("PATIENT"))
                    .body("passwordHash", nullValue())
                    .body("password", nullValue())
                    .extract()
                    .path("id");

            long rows = pool.preparedQuery("SELECT COUNT(*) FROM app_user WHERE id = ?")
                    .execute(Tuple.of(id))
                    .await()
                    .indefinitely()
                    .iterator()
                    .next()
                    .getLong(0);
            assertThat(rows).isEqualTo(1);

            var events = probe.awaitEvents("clinic.user.registered", id, 1);
            assertThat(events).hasSize(1);
            var headers = EventProbe.headers(events.get(0));
            assertThat(headers).containsEntry("ce_specversion", "1.0");
            assertThat(headers).containsEntry("ce_source", "user-service");
            assertThat(headers).containsEntry("ce_actorid", id);
            assertThat(headers).containsEntry("ce_actorrole", "PATIENT");
            assertThat(events.get(0).value())
                    .contains(email)
                    .doesNotContain("correct-horse-battery")
                    .doesNotContain("$2a$");
        }
    }

    @Test
    void shouldRejectDuplicateEmailIgnoringCase() {
        String email = "bob-" + UUID.randomUUID() + "@example.org";
        var body = Map.of("email", email, "password", "correct-horse-battery", "fullName", "Bob");
        given().contentType("application/json")
                .body(body)
                .post("/api/users")
                .then()
                .statusCode(201);

        given().contentType("application/json")
                .body(Map.of("email", email.toUpperCase(), "password", "correct-horse-battery", "fullName", "Bob"))
                .post("/api/users")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://clinic-booking.org/problems/duplicate"));
    }

    @Test
    void shouldRejectSelfRegistrationAsAdmin() {
        given().contentType("application/json")
                .body(Map.of(
                        "email", "eve-" + UUID.randomUUID() + "@example.org",
                        "password", "correct-horse-battery",
                        "fullName", "Eve",
                        "role", "ADMIN"))
                .post("/api/users")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRejectInvalidFieldsWithTheirNames() {
        given().contentType("application/json")
                .body(Map.of("email", "not-an-email", "password", "short", "fullName", ""))
                .post("/api/users")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("email", "password", "fullName"));
    }

    @Test
    void shouldRejectUnknownFieldsAndMalformedJson() {
        given().contentType("application/json")
                .body(
                        "{\"email\":\"x@example.org\",\"password\":\"correct-horse-battery\",\"fullName\":\"X\",\"isAdmin\":true}")
                .post("/api/users")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("isAdmin"));

        given().contentType("application/json")
                .body("{\"email\":")
                .post("/api/users")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://clinic-booking.org/problems/malformed-request"));
    }

    @Test
    void shouldLogInAndReadOwnUser() {
        String email = "cara-" + UUID.randomUUID() + "@example.org";
        given().contentType("application/json")
                .body(Map.of("email", email, "password", "correct-horse-battery", "fullName", "Cara"))
                .post("/api/users")
                .then()
                .statusCode(201);

        String token = given().contentType("application/json")
                .body(Map.of("email", email, "password", "correct-horse-battery"))
                .post("/api/auth/login")
                .then()
                .statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("accessToken", notNullValue())
                .extract()
                .path("accessToken");

        given().auth().oauth2(token).get("/api/users/me").then().statusCode(200).body("email", equalTo(email));
    }

    @Test
    void shouldAnswerWrongPasswordAndUnknownEmailAlike() {
        String email = "dan-" + UUID.randomUUID() + "@example.org";
        given().contentType("application/json")
                .body(Map.of("email", email, "password", "correct-horse-battery", "fullName", "Dan"))
                .post("/api/users")
                .then()
                .statusCode(201);

        String wrongPassword = given().contentType("application/json")
                .body(Map.of("email", email, "password", "wrong-password-123"))
                .post("/api/auth/login")
                .then()
                .statusCode(401)
                .extract()
                .path("detail");
        String unknownEmail = given().contentType("application/json")
                .body(Map.of("email", "nobody-" + UUID.randomUUID() + "@example.org", "password", "wrong-password-123"))
                .post("/api/auth/login")
                .then()
                .statusCode(401)
                .extract()
                .path("detail");
        assertThat(wrongPassword).isEqualTo(unknownEmail);
    }

    @Test
    void shouldRequireTokenForMe() {
        given().get("/api/users/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }
}
