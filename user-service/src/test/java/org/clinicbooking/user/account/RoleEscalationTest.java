package org.clinicbooking.user.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.clinicbooking.testkit.TestTokens;
import org.clinicbooking.user.support.TestData;
import org.clinicbooking.user.support.TestData.CreatedUser;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RoleEscalationTest {

    private static final String FORBIDDEN = "https://clinic-booking.org/problems/forbidden";

    @Inject
    Pool pool;

    @Test
    void shouldRejectPatientRaisingOwnRole() {
        CreatedUser patient = TestData.patient();
        for (String role : new String[] {"DOCTOR", "STAFF", "ADMIN"}) {
            given().auth()
                    .oauth2(patient.token())
                    .contentType("application/json")
                    .body(Map.of("fullName", "Test PATIENT", "role", role))
                    .put("/api/users/" + patient.id())
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo(FORBIDDEN));
        }
        assertThat(roleOf(patient.id())).isEqualTo("PATIENT");
    }

    @Test
    void shouldAcceptUnchangedRole() {
        CreatedUser patient = TestData.patient();
        given().auth()
                .oauth2(patient.token())
                .contentType("application/json")
                .body(Map.of("fullName", "Still Patient", "role", "PATIENT"))
                .put("/api/users/" + patient.id())
                .then()
                .statusCode(200)
                .body("role", equalTo("PATIENT"));
    }

    @Test
    void shouldRejectRoleChangeByStaff() {
        CreatedUser staffMember = TestData.user("STAFF");
        CreatedUser patient = TestData.patient();

        given().auth()
                .oauth2(staffMember.token())
                .contentType("application/json")
                .body(Map.of("fullName", "Test STAFF", "role", "ADMIN"))
                .put("/api/users/" + staffMember.id())
                .then()
                .statusCode(403)
                .body("type", equalTo(FORBIDDEN));
        given().auth()
                .oauth2(staffMember.token())
                .contentType("application/json")
                .body(Map.of("fullName", "Test PATIENT", "role", "STAFF"))
                .put("/api/users/" + patient.id())
                .then()
                .statusCode(403);

        assertThat(roleOf(staffMember.id())).isEqualTo("STAFF");
        assertThat(roleOf(patient.id())).isEqualTo("PATIENT");
    }

    @Test
    void shouldRejectAdminChangingOwnRole() {
        CreatedUser admin = TestData.user("ADMIN");
        given().auth()
                .oauth2(admin.token())
                .contentType("application/json")
                .body(Map.of("fullName", "Test ADMIN", "role", "STAFF"))
                .put("/api/users/" + admin.id())
                .then()
                .statusCode(403);
        assertThat(roleOf(admin.id())).isEqualTo("ADMIN");
    }

    @Test
    void shouldRejectStaffRegisteringAnyRoleButPatient() {
        for (String role : new String[] {"DOCTOR", "STAFF", "ADMIN"}) {
            given().auth()
                    .oauth2(TestTokens.staff())
                    .contentType("application/json")
                    .body(Map.of(
                            "email",
                            TestData.uniqueEmail("escalate"),
                            "password",
                            TestData.PASSWORD,
                            "fullName",
                            "Escalation",
                            "role",
                            role))
                    .post("/api/users")
                    .then()
                    .statusCode(403)
                    .body("type", equalTo(FORBIDDEN));
        }
    }

    @Test
    void shouldRejectPatientRegisteringStaff() {
        given().auth()
                .oauth2(TestTokens.patient(UUID.randomUUID()))
                .contentType("application/json")
                .body(Map.of(
                        "email",
                        TestData.uniqueEmail("escalate"),
                        "password",
                        TestData.PASSWORD,
                        "fullName",
                        "Escalation",
                        "role",
                        "STAFF"))
                .post("/api/users")
                .then()
                .statusCode(403);
    }

    private String roleOf(UUID id) {
        return TestData.row(pool, "SELECT role FROM app_user WHERE id = ?", id.toString())
                .getString(0);
    }
}
