package org.clinicbooking.user.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiTest {

    @Test
    void shouldDescribeEveryResource() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(containsString("\"/api/users/{id}\""))
                .body(containsString("\"/api/clinics\""))
                .body(containsString("\"/api/medical-services/{id}\""))
                .body(containsString("\"/api/doctors/{id}/services/{serviceId}\""))
                .body(containsString("\"Doctor services\""))
                .body(containsString("Replace a user's profile; only an admin changes email and role"));
    }
}
