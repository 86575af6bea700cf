package org.clinicbooking.audit.log;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecurityHeadersTest {

    @Test
    void apiErrorCarriesSecurityHeaders() {
        given().get("/api/audit-logs")
                .then()
                .statusCode(401)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Content-Security-Policy", equalTo("default-src 'none'; frame-ancestors 'none'"))
                .header("Referrer-Policy", equalTo("no-referrer"));
    }

    @Test
    void healthHasNoApiPolicy() {
        given().get("/q/health/live").then().statusCode(200).header("Content-Security-Policy", nullValue());
    }
}
