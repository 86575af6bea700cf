package org.clinicbooking.audit.log;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.clinicbooking.testkit.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditLogValidationTest {

    private static final String VALIDATION = "https://clinic-booking.org/problems/validation";

    @Test
    void shouldRejectActorIdThatIsNotUuid() {
        given().auth()
                .oauth2(TestTokens.staff())
                .queryParam("actorId", "not-a-uuid")
                .get("/api/audit-logs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(VALIDATION))
                .body("errors.field", hasItem("actorId"));
    }

    @Test
    void shouldRejectTimeWithoutOffset() {
        given().auth()
                .oauth2(TestTokens.staff())
                .queryParam("from", "2027-03-01T09:00:00")
                .get("/api/audit-logs")
                .then()
                .statusCode(400)
                .body("type", equalTo(VALIDATION))
                .body("errors.field", hasItem("from"));
    }

    @Test
    void shouldRejectRangeEndingBeforeItStarts() {
        given().auth()
                .oauth2(TestTokens.staff())
                .queryParam("from", "2027-03-02T00:00:00Z")
                .queryParam("to", "2027-03-01T00:00:00Z")
                .get("/api/audit-logs")
                .then()
                .statusCode(400)
                .body("type", equalTo(VALIDATION))
                .body("errors.field", hasItem("from"));
    }

    @Test
    void shouldRejectPageSizeAboveMaximum() {
        given().auth()
                .oauth2(TestTokens.staff())
                .queryParam("size", 101)
                .get("/api/audit-logs")
                .then()
                .statusCode(400)
                .body("type", equalTo(VALIDATION))
                .body("errors.field", hasItem("size"));
    }
}
