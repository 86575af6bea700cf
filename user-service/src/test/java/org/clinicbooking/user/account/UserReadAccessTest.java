package org.clinicbooking.user.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.clinicbooking.testkit.TestTokens;
import org.clinicbooking.user.support.TestData;
import org.clinicbooking.user.support.TestData.CreatedUser;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserReadAccessTest {

    private static final String FORBIDDEN = "https://clinic-booking.org/problems/forbidden";

    @Test
    void shouldLetPatientReadOnlyThemself() {
        CreatedUser patient = TestData.patient();
        CreatedUser other = TestData.patient();

        given().auth()
                .oauth2(patient.token())
                .get("/api/users/" + patient.id())
                .then()
                .statusCode(200)
                .body("email", equalTo(patient.email()))
                .body("passwordHash", nullValue());
        given().auth()
                .oauth2(patient.token())
                .get("/api/users/" + other.id())
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo(FORBIDDEN));
    }

    @Test
    void shouldHideUnknownIdsFromPatients() {
        given().auth()
                .oauth2(TestTokens.patient(UUID.randomUUID()))
                .get("/api/users/" + UUID.randomUUID())
                .then()
                .statusCode(403);
    }

    @Test
    void shouldLetDoctorReadOnlyThemself() {
        CreatedUser doctor = TestData.user("DOCTOR");
        CreatedUser patient = TestData.patient();

        given().auth()
                .oauth2(doctor.token())
                .get("/api/users/" + doctor.id())
                .then()
                .statusCode(200)
                .body("role", equalTo("DOCTOR"));
        given().auth()
                .oauth2(doctor.token())
                .get("/api/users/" + patient.id())
                .then()
                .statusCode(403);
    }

    @Test
    void shouldLetStaffAndAdminReadAnyone() {
        CreatedUser patient = TestData.patient();

        given().auth()
                .oauth2(TestTokens.staff())
                .get("/api/users/" + patient.id())
                .then()
                .statusCode(200)
                .body("id", equalTo(patient.id().toString()));
        given().auth()
                .oauth2(TestTokens.admin())
                .get("/api/users/" + patient.id())
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.admin())
                .get("/api/users/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRejectInvalidTokens() {
        UUID id = UUID.randomUUID();
        for (String token : new String[] {
            TestTokens.expired(id, "ADMIN"), TestTokens.wrongIssuer(id, "ADMIN"), TestTokens.wrongSignature(id, "ADMIN")
        }) {
            given().auth()
                    .oauth2(token)
                    .get("/api/users/" + id)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json");
        }
    }
}
