package org.clinicbooking.user.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clinicbooking.testkit.EventProbe;
import org.clinicbooking.testkit.TestTokens;
import org.clinicbooking.user.support.Events;
import org.clinicbooking.user.support.Simultaneous;
import org.clinicbooking.user.support.Simultaneous.Reply;
import org.clinicbooking.user.support.TestData;
import org.clinicbooking.user.support.TestData.CreatedUser;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserUpdateTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void shouldUpdateOwnProfile() {
        CreatedUser patient = TestData.patient();
        try (EventProbe probe = EventProbe.watch(bootstrapServers, "test.user-events")) {
            given().auth()
                    .oauth2(patient.token())
                    .contentType("application/json")
                    .body(Map.of("fullName", "Wanjiru Kamau", "phone", "+254700000001", "dateOfBirth", "1990-04-12"))
                    .put("/api/users/" + patient.id())
                    .then()
                    .statusCode(200)
                    .body("fullName", equalTo("Wanjiru Kamau"))
                    .body("phone", equalTo("+254700000001"))
                    .body("dateOfBirth", equalTo("1990-04-12"))
                    .body("role", equalTo("PATIENT"))
                    .body("email", equalTo(patient.email()));

            var row = TestData.row(
                    pool,
                    "SELECT full_name, phone, date_of_birth FROM app_user WHERE id = ?",
                    patient.id().toString());
            assertThat(row.getString("full_name")).isEqualTo("Wanjiru Kamau");
            assertThat(row.getLocalDate("date_of_birth")).isEqualTo(LocalDate.of(1990, 4, 12));

            var event =
                    Events.exactlyOne(probe, "clinic.user.updated", patient.id().toString());
            assertThat(EventProbe.header(event, "ce_actorid"))
                    .isEqualTo(patient.id().toString());
            assertThat(event.value()).contains("Wanjiru Kamau");
        }
    }

    @Test
    void shouldClearPhoneLeftOutOfTheUpdate() {
        CreatedUser patient = TestData.patient();
        given().auth()
                .oauth2(patient.token())
                .contentType("application/json")
                .body(Map.of("fullName", "Otieno", "phone", "+254700000002"))
                .put("/api/users/" + patient.id())
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(patient.token())
                .contentType("application/json")
                .body(Map.of("fullName", "Otieno"))
                .put("/api/users/" + patient.id())
                .then()
                .statusCode(200)
                .body("phone", nullValue());
    }

    @Test
    void shouldRejectPatientUpdatingAnotherUser() {
        CreatedUser patient = TestData.patient();
        CreatedUser other = TestData.patient();
        given().auth()
                .oauth2(patient.token())
                .contentType("application/json")
                .body(Map.of("fullName", "Not Mine"))
                .put("/api/users/" + other.id())
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        assertThat(TestData.row(
                                pool,
                                "SELECT full_name FROM app_user WHERE id = ?",
                                other.id().toString())
                        .getString(0))
                .isEqualTo("Test PATIENT");
    }

    @Test
    void shouldLetStaffUpdatePatientsButNotDoctors() {
        CreatedUser patient = TestData.patient();
        CreatedUser doctor = TestData.user("DOCTOR");
        given().auth()
                .oauth2(TestTokens.staff())
                .contentType("application/json")
                .body(Map.of("fullName", "Walk-in Patient", "phone", "+254711111111"))
                .put("/api/users/" + patient.id())
                .then()
                .statusCode(200)
                .body("phone", equalTo("+254711111111"));
        given().auth()
                .oauth2(TestTokens.staff())
                .contentType("application/json")
                .body(Map.of("fullName", "Renamed Doctor"))
                .put("/api/users/" + doctor.id())
                .then()
                .statusCode(403);
    }

    @Test
    void shouldLetAdminChangeEmailAndRole() {
        CreatedUser user = TestData.patient();
        String newEmail = TestData.uniqueEmail("promoted");
        try (EventProbe probe = EventProbe.watch(bootstrapServers, "test.user-events")) {
            given().auth()
                    .oauth2(TestTokens.admin())
                    .contentType("application/json")
                    .body(Map.of("fullName", "Promoted", "email", newEmail, "role", "STAFF"))
                    .put("/api/users/" + user.id())
                    .then()
                    .statusCode(200)
                    .body("email", equalTo(newEmail))
                    .body("role", equalTo("STAFF"));

            var event =
                    Events.exactlyOne(probe, "clinic.user.updated", user.id().toString());
            assertThat(event.value()).contains(newEmail).contains("\"role\":\"STAFF\"");
        }
        given().contentType("application/json")
                .body(Map.of("email", newEmail, "password", TestData.PASSWORD))
                .post("/api/auth/login")
                .then()
                .statusCode(200)
                .body("role", equalTo("STAFF"));
    }

    @Test
    void shouldRejectEmailOfAnotherUserIgnoringCase() {
        CreatedUser user = TestData.patient();
        CreatedUser other = TestData.patient();
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body(Map.of("fullName", "Clash", "email", other.email().toUpperCase()))
                .put("/api/users/" + user.id())
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://clinic-booking.org/problems/duplicate"));
    }

    @Test
    void shouldRejectEmailChangeByNonAdmin() {
        CreatedUser patient = TestData.patient();
        given().auth()
                .oauth2(patient.token())
                .contentType("application/json")
                .body(Map.of("fullName", "Test PATIENT", "email", TestData.uniqueEmail("new")))
                .put("/api/users/" + patient.id())
                .then()
                .statusCode(403);

        given().auth()
                .oauth2(patient.token())
                .contentType("application/json")
                .body(Map.of("fullName", "Same Email", "email", patient.email()))
                .put("/api/users/" + patient.id())
                .then()
                .statusCode(200);
    }

    @Test
    void shouldSkipEventForNoOpUpdate() {
        CreatedUser patient = TestData.patient();
        try (EventProbe probe = EventProbe.watch(bootstrapServers, "test.user-events")) {
            given().auth()
                    .oauth2(patient.token())
                    .contentType("application/json")
                    .body(Map.of("fullName", "Test PATIENT"))
                    .put("/api/users/" + patient.id())
                    .then()
                    .statusCode(200);

            assertThat(Events.settled(probe, "clinic.user.updated", patient.id().toString()))
                    .isEmpty();
        }
    }

    @Test
    void shouldRejectInvalidRequestBodies() {
        CreatedUser patient = TestData.patient();
        Map<String, Object> invalid = new HashMap<>();
        invalid.put("fullName", "");
        invalid.put("phone", "12345");
        invalid.put("dateOfBirth", LocalDate.now().plusDays(1).toString());
        invalid.put("email", "not-an-email");
        given().auth()
                .oauth2(patient.token())
                .contentType("application/json")
                .body(invalid)
                .put("/api/users/" + patient.id())
                .then()
                .statusCode(400)
                .body("type", equalTo("https://clinic-booking.org/problems/validation"))
                .body("errors.field", hasItems("fullName", "phone", "dateOfBirth", "email"));

        given().auth()
                .oauth2(patient.token())
                .contentType("application/json")
                .body("{\"fullName\":\"X\",\"active\":true}")
                .put("/api/users/" + patient.id())
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("active"));

        given().auth()
                .oauth2(patient.token())
                .contentType("application/json")
                .body("{\"fullName\": \"X\"")
                .put("/api/users/" + patient.id())
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://clinic-booking.org/problems/malformed-request"));

        given().auth()
                .oauth2(patient.token())
                .contentType("application/json")
                .body("{\"fullName\":\"X\",\"role\":\"EMPEROR\"}")
                .put("/api/users/" + patient.id())
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("role"));
    }

    @Test
    void shouldApplySimultaneousUpdatesInTurn() throws Exception {
        CreatedUser patient = TestData.patient();
        int updates = 10;

        List<Reply> replies = Simultaneous.send(
                updates,
                i -> given().auth()
                        .oauth2(TestTokens.staff())
                        .contentType("application/json")
                        .body(Map.of("fullName", "Patient renamed " + i))
                        .put("/api/users/" + patient.id()));

        assertThat(replies).extracting(Reply::status).containsOnly(200);
        assertThat(TestData.count(
                        pool,
                        "SELECT COUNT(*) FROM outbox_event WHERE event_type = 'clinic.user.updated'"
                                + " AND aggregate_id = ?",
                        patient.id().toString()))
                .isEqualTo(updates);
    }
}
