package org.clinicbooking.clinical.prescription;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.clinicbooking.clinical.fixtures.SchedulingServiceStub;
import org.clinicbooking.testkit.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@WithTestResource(value = SchedulingServiceStub.class, scope = TestResourceScope.GLOBAL)
class PrescriptionValidationTest {

    @Test
    void shouldNameEveryInvalidField() {
        given().auth()
                .oauth2(TestTokens.doctor(UUID.randomUUID()))
                .contentType("application/json")
                .body(Map.of("medication", " ", "dosage", "", "rxNormCode", "12a4", "durationDays", 0))
                .post("/api/prescriptions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://clinic-booking.org/problems/validation"))
                .body(
                        "errors.field",
                        hasItems("appointmentId", "medication", "dosage", "frequency", "rxNormCode", "durationDays"));
    }

    @ParameterizedTest
    @CsvSource({"durationDays, 366", "durationDays, -1", "medication, 201", "instructions, 2001"})
    void shouldRejectValueOutOfRange(String field, int value) {
        Map<String, Object> body = IssuePrescriptionTest.prescription(UUID.randomUUID());
        body.put(field, field.equals("durationDays") ? value : "x".repeat(value));

        given().auth()
                .oauth2(TestTokens.doctor(UUID.randomUUID()))
                .contentType("application/json")
                .body(body)
                .post("/api/prescriptions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem(field));
    }

    @Test
    void shouldRequireToken() {
        given().contentType("application/json")
                .body(IssuePrescriptionTest.prescription(UUID.randomUUID()))
                .post("/api/prescriptions")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }
}
