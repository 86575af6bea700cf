package org.clinicbooking.user.doctor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DoctorServiceLinkTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void shouldLinkService() {
        UUID doctorId = TestData.doctor().id();
        UUID serviceId = TestData.medicalService();
        try (EventProbe probe = EventProbe.watch(bootstrapServers, "test.user-events")) {
            link(doctorId, serviceId).then().statusCode(201).body("id", equalTo(serviceId.toString()));

            assertThat(TestData.count(
                            pool,
                            "SELECT COUNT(*) FROM doctor_service_link WHERE doctor_id = ? AND service_id = ?",
                            doctorId.toString(),
                            serviceId.toString()))
                    .isEqualTo(1);
            var event = Events.exactlyOne(probe, "clinic.doctor-service.linked", doctorId.toString());
            assertThat(event.value())
                    .isEqualTo("{\"doctorId\":\"" + doctorId + "\",\"serviceId\":\"" + serviceId + "\"}");
        }

        given().auth()
                .oauth2(TestTokens.patient(UUID.randomUUID()))
                .get("/api/doctors/" + doctorId + "/services")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].id", equalTo(serviceId.toString()))
                .body("[0].price", equalTo("45.00"));
    }

    @Test
    void shouldRejectLinkingTheSamePairTwice() {
        UUID doctorId = TestData.doctor().id();
        UUID serviceId = TestData.medicalService();
        link(doctorId, serviceId).then().statusCode(201);

        link(doctorId, serviceId)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://clinic-booking.org/problems/duplicate"));
    }

    @Test
    void shouldKeepPairsUniqueInTheDatabase() {
        UUID doctorId = TestData.doctor().id();
        UUID serviceId = TestData.medicalService();
        link(doctorId, serviceId).then().statusCode(201);

        assertThatThrownBy(() -> pool.preparedQuery(
                                "INSERT INTO doctor_service_link (id, doctor_id, service_id, linked_at)"
                                        + " VALUES (?, ?, ?, UTC_TIMESTAMP(6))")
                        .execute(Tuple.of(UUID.randomUUID().toString(), doctorId.toString(), serviceId.toString()))
                        .await()
                        .indefinitely())
                .hasMessageContaining("uq_doctor_service_link_pair");
    }

    @Test
    void shouldUnlinkService() {
        UUID doctorId = TestData.doctor().id();
        UUID serviceId = TestData.medicalService();
        link(doctorId, serviceId).then().statusCode(201);
        try (EventProbe probe = EventProbe.watch(bootstrapServers, "test.user-events")) {
            given().auth()
                    .oauth2(TestTokens.admin())
                    .delete("/api/doctors/" + doctorId + "/services/" + serviceId)
                    .then()
                    .statusCode(204);

            var event = Events.exactlyOne(probe, "clinic.doctor-service.unlinked", doctorId.toString());
            assertThat(event.value()).contains(serviceId.toString());
        }
        given().auth()
                .oauth2(TestTokens.staff())
                .get("/api/doctors/" + doctorId + "/services")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        given().auth()
                .oauth2(TestTokens.admin())
                .delete("/api/doctors/" + doctorId + "/services/" + serviceId)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRejectUnusableDoctorOrService() {
        UUID doctorId = TestData.doctor().id();
        link(UUID.randomUUID(), TestData.medicalService()).then().statusCode(404);
        link(doctorId, UUID.randomUUID())
                .then()
                .statusCode(422)
                .body("type", equalTo("https://clinic-booking.org/problems/unprocessable"))
                .body("errors[0].field", equalTo("serviceId"));

        Map<String, Object> inactive = TestData.medicalServiceBody();
        inactive.put("active", false);
        link(doctorId, TestData.medicalService(inactive))
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("serviceId"));
        given().auth()
                .oauth2(TestTokens.staff())
                .get("/api/doctors/" + UUID.randomUUID() + "/services")
                .then()
                .statusCode(404);
    }

    @Test
    void shouldLetOnlyAdminsLinkAndUnlink() {
        UUID doctorId = TestData.doctor().id();
        UUID serviceId = TestData.medicalService();
        given().auth()
                .oauth2(TestTokens.staff())
                .contentType("application/json")
                .body(Map.of("serviceId", serviceId.toString()))
                .post("/api/doctors/" + doctorId + "/services")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.doctor(doctorId))
                .delete("/api/doctors/" + doctorId + "/services/" + serviceId)
                .then()
                .statusCode(403);
    }

    @Test
    void shouldRequireServiceIdInBody() {
        UUID doctorId = TestData.doctor().id();
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body("{}")
                .post("/api/doctors/" + doctorId + "/services")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("serviceId"));
    }

    @Test
    void shouldUnlinkOnceUnderSimultaneousRequests() throws Exception {
        UUID doctorId = TestData.doctor().id();
        UUID serviceId = TestData.medicalService();
        link(doctorId, serviceId).then().statusCode(201);
        int requests = 10;

        List<Reply> replies = Simultaneous.send(
                requests,
                i -> given().auth()
                        .oauth2(TestTokens.admin())
                        .delete("/api/doctors/" + doctorId + "/services/" + serviceId));

        // The first unlink wins, and the others find no link any more, as they would one after another.
        assertThat(replies).filteredOn(reply -> reply.status() == 204).hasSize(1);
        assertThat(replies)
                .filteredOn(reply -> reply.status() != 204)
                .extracting(Reply::problemType)
                .containsOnly("not-found");
        assertThat(TestData.count(
                        pool,
                        "SELECT COUNT(*) FROM outbox_event WHERE event_type = 'clinic.doctor-service.unlinked'"
                                + " AND aggregate_id = ?",
                        doctorId.toString()))
                .isEqualTo(1);
    }

    private static io.restassured.response.Response link(UUID doctorId, UUID serviceId) {
        return given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body(Map.of("serviceId", serviceId.toString()))
                .post("/api/doctors/" + doctorId + "/services");
    }
}
