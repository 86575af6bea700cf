package org.clinicbooking.user.doctor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
class DoctorUpdateTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void shouldLetAdminReplaceProfile() {
        CreatedUser doctor = TestData.doctor();
        UUID newClinic = TestData.clinic();
        Map<String, Object> body = currentProfile(doctor.id());
        body.put("clinicId", newClinic.toString());
        body.put("specialization", "Paediatrics");
        body.put("yearsOfExperience", 13);
        try (EventProbe probe = EventProbe.watch(bootstrapServers, "test.user-events")) {
            given().auth()
                    .oauth2(TestTokens.admin())
                    .contentType("application/json")
                    .body(body)
                    .put("/api/doctors/" + doctor.id())
                    .then()
                    .statusCode(200)
                    .body("clinicId", equalTo(newClinic.toString()))
                    .body("specialization", equalTo("Paediatrics"));

            var row = TestData.row(
                    pool,
                    "SELECT clinic_id, years_of_experience FROM doctor WHERE user_id = ?",
                    doctor.id().toString());
            assertThat(row.getString("clinic_id")).isEqualTo(newClinic.toString());
            assertThat(row.getInteger("years_of_experience")).isEqualTo(13);
            var event = Events.exactlyOne(
                    probe, "clinic.doctor.updated", doctor.id().toString());
            assertThat(event.value()).contains("Paediatrics");
        }
    }

    @Test
    void shouldLetDoctorChangeBio() {
        CreatedUser doctor = TestData.doctor();
        Map<String, Object> body = currentProfile(doctor.id());
        body.put("bio", "Now also sees children.");

        given().auth()
                .oauth2(doctor.token())
                .contentType("application/json")
                .body(body)
                .put("/api/doctors/" + doctor.id())
                .then()
                .statusCode(200)
                .body("bio", equalTo("Now also sees children."));
    }

    @Test
    void shouldRejectDoctorChangingMore() {
        CreatedUser doctor = TestData.doctor();
        Map<String, Object> body = currentProfile(doctor.id());
        body.put("bio", "New bio");
        body.put("yearsOfExperience", 40);

        given().auth()
                .oauth2(doctor.token())
                .contentType("application/json")
                .body(body)
                .put("/api/doctors/" + doctor.id())
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        assertThat(TestData.row(
                                pool,
                                "SELECT years_of_experience, bio FROM doctor WHERE user_id = ?",
                                doctor.id().toString())
                        .getString("bio"))
                .isEqualTo("Heart specialist.");
    }

    @Test
    void shouldRejectEditsByOthers() {
        CreatedUser doctor = TestData.doctor();
        CreatedUser other = TestData.doctor();
        Map<String, Object> body = currentProfile(other.id());
        body.put("bio", "Hijacked");

        given().auth()
                .oauth2(doctor.token())
                .contentType("application/json")
                .body(body)
                .put("/api/doctors/" + other.id())
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.staff())
                .contentType("application/json")
                .body(body)
                .put("/api/doctors/" + other.id())
                .then()
                .statusCode(403);
    }

    @Test
    void shouldRejectTakenLicenseOrUnknownClinic() {
        CreatedUser doctor = TestData.doctor();
        CreatedUser other = TestData.doctor();
        Map<String, Object> body = currentProfile(doctor.id());
        body.put("licenseNumber", currentProfile(other.id()).get("licenseNumber"));
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body(body)
                .put("/api/doctors/" + doctor.id())
                .then()
                .statusCode(409)
                .body("type", equalTo("https://clinic-booking.org/problems/duplicate"));

        Map<String, Object> unknownClinic = currentProfile(doctor.id());
        unknownClinic.put("clinicId", UUID.randomUUID().toString());
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body(unknownClinic)
                .put("/api/doctors/" + doctor.id())
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("clinicId"));
    }

    @Test
    void shouldPublishDoctorUpdateOnRename() {
        CreatedUser doctor = TestData.doctor();
        try (EventProbe probe = EventProbe.watch(bootstrapServers, "test.user-events")) {
            given().auth()
                    .oauth2(doctor.token())
                    .contentType("application/json")
                    .body(Map.of("fullName", "Dr. Amina Odhiambo"))
                    .put("/api/users/" + doctor.id())
                    .then()
                    .statusCode(200);

            Events.exactlyOne(probe, "clinic.user.updated", doctor.id().toString());
            var event = Events.exactlyOne(
                    probe, "clinic.doctor.updated", doctor.id().toString());
            assertThat(event.value()).contains("Dr. Amina Odhiambo");
        }
    }

    @Test
    void shouldKeepDoctorRoleWhileProfileExists() {
        CreatedUser doctor = TestData.doctor();
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body(Map.of("fullName", "Test DOCTOR", "role", "PATIENT"))
                .put("/api/users/" + doctor.id())
                .then()
                .statusCode(409)
                .body("type", equalTo("https://clinic-booking.org/problems/conflict"));
        assertThat(TestData.row(
                                pool,
                                "SELECT role FROM app_user WHERE id = ?",
                                doctor.id().toString())
                        .getString(0))
                .isEqualTo("DOCTOR");
    }

    @Test
    void shouldApplySimultaneousUpdatesInTurn() throws Exception {
        CreatedUser doctor = TestData.doctor();
        Map<String, Object> profile = currentProfile(doctor.id());
        int updates = 10;

        List<Reply> replies = Simultaneous.send(updates, i -> {
            Map<String, Object> body = new HashMap<>(profile);
            body.put("bio", "Biography number " + i + ".");
            return given().auth()
                    .oauth2(TestTokens.admin())
                    .contentType("application/json")
                    .body(body)
                    .put("/api/doctors/" + doctor.id());
        });

        assertThat(replies).extracting(Reply::status).containsOnly(200);
        assertThat(TestData.count(
                        pool,
                        "SELECT COUNT(*) FROM outbox_event WHERE event_type = 'clinic.doctor.updated'"
                                + " AND aggregate_id = ?",
                        doctor.id().toString()))
                .isEqualTo(updates);
    }

    /** The profile as GET returns it, as a PUT body. */
    private static Map<String, Object> currentProfile(UUID doctorId) {
        Map<String, Object> current = given().auth()
                .oauth2(TestTokens.staff())
                .get("/api/doctors/" + doctorId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        Map<String, Object> body = new HashMap<>();
        for (String field : new String[] {"clinicId", "specialization", "licenseNumber", "yearsOfExperience", "bio"}) {
            body.put(field, current.get(field));
        }
        return body;
    }
}
