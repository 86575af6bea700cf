package org.clinicbooking.user.doctor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.clinicbooking.testkit.EventProbe;
import org.clinicbooking.testkit.TestTokens;
import org.clinicbooking.user.support.Events;
import org.clinicbooking.user.support.TestData;
import org.clinicbooking.user.support.TestData.CreatedUser;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DoctorTest {

    private static final String UNPROCESSABLE = "https://clinic-booking.org/problems/unprocessable";
    private static final String DUPLICATE = "https://clinic-booking.org/problems/duplicate";

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void shouldCreateDoctorProfile() {
        CreatedUser user = TestData.user("DOCTOR");
        UUID clinicId = TestData.clinic();
        Map<String, Object> body = TestData.doctorBody(user.id(), clinicId);
        try (EventProbe probe = EventProbe.watch(bootstrapServers, "test.user-events")) {
            var response = given().auth()
                    .oauth2(TestTokens.admin())
                    .contentType("application/json")
                    .body(body)
                    .post("/api/doctors")
                    .then()
                    .statusCode(201)
                    .body("id", equalTo(user.id().toString()))
                    .body("clinicId", equalTo(clinicId.toString()))
                    .body("fullName", equalTo("Test DOCTOR"))
                    .body("email", equalTo(user.email()))
                    .body("specialization", equalTo("Cardiology"))
                    .body("licenseNumber", equalTo(body.get("licenseNumber")))
                    .body("yearsOfExperience", equalTo(12))
                    .body("active", equalTo(true))
                    .extract();
            assertThat(response.header("Location")).endsWith("/api/doctors/" + user.id());

            assertThat(TestData.count(
                            pool,
                            "SELECT COUNT(*) FROM doctor WHERE user_id = ?",
                            user.id().toString()))
                    .isEqualTo(1);
            var event =
                    Events.exactlyOne(probe, "clinic.doctor.created", user.id().toString());
            assertThat(EventProbe.header(event, "ce_aggregatetype")).isEqualTo("doctor");
            assertThat(event.value()).contains(user.email()).contains("\"clinicId\":\"" + clinicId + "\"");
        }
    }

    @Test
    void shouldRejectNonDoctorUser() {
        UUID clinicId = TestData.clinic();
        CreatedUser patient = TestData.patient();
        CreatedUser deactivated = TestData.user("DOCTOR");
        given().auth()
                .oauth2(TestTokens.admin())
                .delete("/api/users/" + deactivated.id())
                .then()
                .statusCode(204);

        for (UUID userId : new UUID[] {patient.id(), deactivated.id(), UUID.randomUUID()}) {
            given().auth()
                    .oauth2(TestTokens.admin())
                    .contentType("application/json")
                    .body(TestData.doctorBody(userId, clinicId))
                    .post("/api/doctors")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo(UNPROCESSABLE))
                    .body("errors.field", hasItem("userId"));
        }
    }

    @Test
    void shouldRejectUnknownClinic() {
        CreatedUser user = TestData.user("DOCTOR");
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body(TestData.doctorBody(user.id(), UUID.randomUUID()))
                .post("/api/doctors")
                .then()
                .statusCode(422)
                .body("type", equalTo(UNPROCESSABLE))
                .body("errors.field", hasItem("clinicId"));
    }

    @Test
    void shouldRejectDuplicateLicenseOrProfile() {
        UUID clinicId = TestData.clinic();
        CreatedUser first = TestData.user("DOCTOR");
        Map<String, Object> firstBody = TestData.doctorBody(first.id(), clinicId);
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body(firstBody)
                .post("/api/doctors")
                .then()
                .statusCode(201);

        CreatedUser second = TestData.user("DOCTOR");
        Map<String, Object> sameLicense = TestData.doctorBody(second.id(), clinicId);
        sameLicense.put("licenseNumber", firstBody.get("licenseNumber"));
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body(sameLicense)
                .post("/api/doctors")
                .then()
                .statusCode(409)
                .body("type", equalTo(DUPLICATE))
                .body("detail", org.hamcrest.Matchers.containsString("license number"));

        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body(TestData.doctorBody(first.id(), clinicId))
                .post("/api/doctors")
                .then()
                .statusCode(409)
                .body("type", equalTo(DUPLICATE))
                .body("detail", org.hamcrest.Matchers.containsString("already has a doctor profile"));
    }

    @Test
    void shouldRejectInvalidFieldsWithTheirNames() {
        Map<String, Object> body = TestData.doctorBody(UUID.randomUUID(), UUID.randomUUID());
        body.put("yearsOfExperience", 81);
        body.put("bio", "x".repeat(2001));
        body.put("specialization", "");
        body.remove("licenseNumber");
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body(body)
                .post("/api/doctors")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("yearsOfExperience", "bio", "specialization", "licenseNumber"));
    }

    @Test
    void shouldLetOnlyAdminsCreateDoctors() {
        CreatedUser user = TestData.user("DOCTOR");
        given().auth()
                .oauth2(TestTokens.staff())
                .contentType("application/json")
                .body(TestData.doctorBody(user.id(), TestData.clinic()))
                .post("/api/doctors")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(user.token())
                .contentType("application/json")
                .body(TestData.doctorBody(user.id(), TestData.clinic()))
                .post("/api/doctors")
                .then()
                .statusCode(403);
    }

    @Test
    void shouldReadAndFilterDoctors() {
        UUID clinicId = TestData.clinic();
        CreatedUser cardiologist = TestData.doctorAt(clinicId);
        CreatedUser dermatologist = TestData.user("DOCTOR");
        Map<String, Object> body = TestData.doctorBody(dermatologist.id(), clinicId);
        body.put("specialization", "Dermatology");
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body(body)
                .post("/api/doctors")
                .then()
                .statusCode(201);
        UUID serviceId = TestData.medicalService();
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body(Map.of("serviceId", serviceId.toString()))
                .post("/api/doctors/" + dermatologist.id() + "/services")
                .then()
                .statusCode(201);

        given().auth()
                .oauth2(TestTokens.patient(UUID.randomUUID()))
                .queryParam("clinicId", clinicId.toString())
                .get("/api/doctors")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(2))
                .body(
                        "items.id",
                        hasItems(
                                cardiologist.id().toString(), dermatologist.id().toString()));
        given().auth()
                .oauth2(TestTokens.patient(UUID.randomUUID()))
                .queryParam("clinicId", clinicId.toString())
                .queryParam("specialization", "dermatology")
                .get("/api/doctors")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(dermatologist.id().toString()))
                .body("items[0].fullName", equalTo("Test DOCTOR"));
        given().auth()
                .oauth2(TestTokens.staff())
                .queryParam("serviceId", serviceId.toString())
                .get("/api/doctors")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(dermatologist.id().toString()));
        given().auth()
                .oauth2(TestTokens.doctor(UUID.randomUUID()))
                .get("/api/doctors/" + cardiologist.id())
                .then()
                .statusCode(200)
                .body("email", equalTo(cardiologist.email()))
                .body("clinicId", equalTo(clinicId.toString()));
    }

    @Test
    void shouldFilterDoctorsByActiveUser() {
        UUID clinicId = TestData.clinic();
        CreatedUser active = TestData.doctorAt(clinicId);
        CreatedUser leaving = TestData.doctorAt(clinicId);
        given().auth()
                .oauth2(TestTokens.admin())
                .delete("/api/users/" + leaving.id())
                .then()
                .statusCode(204);

        given().auth()
                .oauth2(TestTokens.patient(UUID.randomUUID()))
                .queryParam("clinicId", clinicId.toString())
                .queryParam("active", true)
                .get("/api/doctors")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(active.id().toString()));
        given().auth()
                .oauth2(TestTokens.staff())
                .get("/api/doctors/" + leaving.id())
                .then()
                .statusCode(200)
                .body("active", equalTo(false));
    }

    @Test
    void shouldRejectUnknownDoctor() {
        given().auth()
                .oauth2(TestTokens.staff())
                .get("/api/doctors/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
