package org.clinicbooking.user.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
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
class UserDeactivationTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void shouldDeactivateAndKeepRow() {
        CreatedUser patient = TestData.patient();
        try (EventProbe probe = EventProbe.watch(bootstrapServers, "test.user-events")) {
            given().auth()
                    .oauth2(TestTokens.admin())
                    .delete("/api/users/" + patient.id())
                    .then()
                    .statusCode(204);

            var row = TestData.row(
                    pool,
                    "SELECT active, email FROM app_user WHERE id = ?",
                    patient.id().toString());
            assertThat(row.getBoolean("active")).isFalse();
            assertThat(row.getString("email")).isEqualTo(patient.email());

            var event = Events.exactlyOne(
                    probe, "clinic.user.deactivated", patient.id().toString());
            assertThat(event.value()).contains("\"active\":false");
        }
        given().auth()
                .oauth2(TestTokens.staff())
                .get("/api/users/" + patient.id())
                .then()
                .statusCode(200)
                .body("active", equalTo(false));
    }

    @Test
    void shouldRejectLoginOfDeactivatedUser() {
        CreatedUser patient = TestData.patient();
        var wrongPassword = given().contentType("application/json")
                .body(Map.of("email", patient.email(), "password", "wrong-password-123"))
                .post("/api/auth/login")
                .then()
                .statusCode(401)
                .extract()
                .asString();

        given().auth()
                .oauth2(TestTokens.staff())
                .delete("/api/users/" + patient.id())
                .then()
                .statusCode(204);

        var deactivated = given().contentType("application/json")
                .body(Map.of("email", patient.email(), "password", TestData.PASSWORD))
                .post("/api/auth/login")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .extract()
                .asString();
        assertThat(deactivated).isEqualTo(wrongPassword);
    }

    @Test
    void shouldSkipEventForSecondDeactivation() {
        CreatedUser patient = TestData.patient();
        try (EventProbe probe = EventProbe.watch(bootstrapServers, "test.user-events")) {
            given().auth()
                    .oauth2(TestTokens.admin())
                    .delete("/api/users/" + patient.id())
                    .then()
                    .statusCode(204);
            Events.exactlyOne(probe, "clinic.user.deactivated", patient.id().toString());

            given().auth()
                    .oauth2(TestTokens.admin())
                    .delete("/api/users/" + patient.id())
                    .then()
                    .statusCode(204);

            assertThat(Events.settled(
                            probe, "clinic.user.deactivated", patient.id().toString()))
                    .hasSize(1);
        }
    }

    @Test
    void shouldLetStaffDeactivatePatientsOnly() {
        CreatedUser doctor = TestData.user("DOCTOR");
        CreatedUser otherStaff = TestData.user("STAFF");
        for (CreatedUser target : new CreatedUser[] {doctor, otherStaff}) {
            given().auth()
                    .oauth2(TestTokens.staff())
                    .delete("/api/users/" + target.id())
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            assertThat(TestData.row(
                                    pool,
                                    "SELECT active FROM app_user WHERE id = ?",
                                    target.id().toString())
                            .getBoolean(0))
                    .isTrue();
        }
    }

    @Test
    void shouldRejectPatientDoctorAndSelf() {
        CreatedUser patient = TestData.patient();
        given().auth()
                .oauth2(patient.token())
                .delete("/api/users/" + patient.id())
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.doctor(UUID.randomUUID()))
                .delete("/api/users/" + patient.id())
                .then()
                .statusCode(403);

        CreatedUser admin = TestData.user("ADMIN");
        given().auth()
                .oauth2(admin.token())
                .delete("/api/users/" + admin.id())
                .then()
                .statusCode(403);
        assertThat(TestData.row(
                                pool,
                                "SELECT active FROM app_user WHERE id = ?",
                                admin.id().toString())
                        .getBoolean(0))
                .isTrue();
    }

    @Test
    void shouldRejectUnknownUser() {
        given().auth()
                .oauth2(TestTokens.admin())
                .delete("/api/users/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldPublishDoctorDeactivation() {
        CreatedUser doctor = TestData.doctor();
        try (EventProbe probe = EventProbe.watch(bootstrapServers, "test.user-events")) {
            given().auth()
                    .oauth2(TestTokens.admin())
                    .delete("/api/users/" + doctor.id())
                    .then()
                    .statusCode(204);

            Events.exactlyOne(probe, "clinic.user.deactivated", doctor.id().toString());
            var event = Events.exactlyOne(
                    probe, "clinic.doctor.updated", doctor.id().toString());
            assertThat(event.value()).contains("\"active\":false");
        }
    }

    @Test
    void shouldDeactivateOnceUnderSimultaneousRequests() throws Exception {
        CreatedUser patient = TestData.patient();
        int requests = 10;

        List<Reply> replies = Simultaneous.send(
                requests, i -> given().auth().oauth2(TestTokens.admin()).delete("/api/users/" + patient.id()));

        // A deactivation that finds the user inactive already changes nothing and still succeeds.
        assertThat(replies).extracting(Reply::status).containsOnly(204);
        assertThat(TestData.count(
                        pool,
                        "SELECT COUNT(*) FROM outbox_event WHERE event_type = 'clinic.user.deactivated'"
                                + " AND aggregate_id = ?",
                        patient.id().toString()))
                .isEqualTo(1);
    }
}
