package org.clinicbooking.user.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.clinicbooking.testkit.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RequestLimitsTest {

    /** Over quarkus.http.limits.max-body-size (64K). */
    private static final String OVERSIZED = "{\"name\":\"" + "x".repeat(70 * 1024) + "\"}";

    @Test
    void shouldRejectOversizedBody() {
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body(OVERSIZED)
                .post("/api/clinics")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://clinic-booking.org/problems/payload-too-large"))
                .body("status", equalTo(413))
                .body("detail", startsWith("The request body is larger than the 64 KiB"));
    }

    @Test
    void shouldRejectOversizedAnonymousBody() {
        given().contentType("application/json")
                .body(OVERSIZED)
                .post("/api/users")
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRejectMalformedJson() {
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body("{\"name\": [")
                .post("/api/doctors")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://clinic-booking.org/problems/malformed-request"));
    }

    @Test
    void shouldNameUnknownField() {
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body("{\"serviceId\":\"" + UUID.randomUUID() + "\",\"priority\":1}")
                .post("/api/doctors/" + UUID.randomUUID() + "/services")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("priority"));
    }

    @Test
    void shouldRejectMissingBodyOrMediaType() {
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .post("/api/clinics")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("text/plain")
                .body("name=clinic")
                .post("/api/clinics")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }
}
