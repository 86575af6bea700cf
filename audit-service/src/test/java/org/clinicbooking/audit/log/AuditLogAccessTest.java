package org.clinicbooking.audit.log;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.clinicbooking.testkit.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class AuditLogAccessTest {

    private static final String FORBIDDEN = "https://clinic-booking.org/problems/forbidden";
    private static final String UNAUTHORIZED = "https://clinic-booking.org/problems/unauthorized";

    @ParameterizedTest
    @ValueSource(strings = {"/api/audit-logs", "/api/audit-logs/verify"})
    void shouldRejectPatient(String path) {
        given().auth()
                .oauth2(TestTokens.patient(UUID.randomUUID()))
                .get(path)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo(FORBIDDEN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/audit-logs", "/api/audit-logs/verify"})
    void shouldRejectDoctor(String path) {
        given().auth()
                .oauth2(TestTokens.doctor(UUID.randomUUID()))
                .get(path)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo(FORBIDDEN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/audit-logs", "/api/audit-logs/verify"})
    void shouldRequireToken(String path) {
        given().get(path)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo(UNAUTHORIZED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/audit-logs", "/api/audit-logs/verify"})
    void shouldRejectTokenWithWrongSignature(String path) {
        given().auth()
                .oauth2(TestTokens.wrongSignature(UUID.randomUUID(), "ADMIN"))
                .get(path)
                .then()
                .statusCode(401)
                .body("type", equalTo(UNAUTHORIZED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/audit-logs", "/api/audit-logs/verify"})
    void shouldAllowStaffAndAdmin(String path) {
        given().auth().oauth2(TestTokens.staff()).get(path).then().statusCode(200);
        given().auth().oauth2(TestTokens.admin()).get(path).then().statusCode(200);
    }
}
