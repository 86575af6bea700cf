package org.clinicbooking.clinical.prescription;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicbooking.clinical.fixtures.Database;
import org.clinicbooking.clinical.fixtures.SchedulingEvents;
import org.clinicbooking.clinical.fixtures.SchedulingServiceStub;
import org.clinicbooking.clinical.fixtures.TestAppointment;
import org.clinicbooking.testkit.EventProbe;
import org.clinicbooking.testkit.TestTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = SchedulingServiceStub.class, scope = TestResourceScope.GLOBAL)
class IssuePrescriptionTest {

    private static final String PROBLEMS = "https://clinic-booking.org/problems/";

    @Inject
    SchedulingEvents scheduling;

    @Inject
    Database database;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void shouldIssuePrescriptionForOwnCompletedAppointment() {
        UUID doctorId = UUID.randomUUID();
        UUID patientId = UUID.randomUUID();
        TestAppointment appointment = scheduling.seed(TestAppointment.completed(patientId, doctorId));

        try (EventProbe probe = EventProbe.watch(bootstrapServers, "test.clinical-events")) {
            String id = given().auth()
                    .oauth2(TestTokens.doctor(doctorId))
                    .contentType("application/json")
                    .body(prescription(appointment.id()))
                    .post("/api/prescriptions")
                    .then()
                    .statusCode(201)
                    .body("appointmentId", equalTo(appointment.id().toString()))
                    .body("doctorId", equalTo(doctorId.toString()))
                    .body("patientId", equalTo(patientId.toString()))
                    .body("medication", equalTo("Amoxicillin 500 mg capsule"))
                    .body("rxNormCode", equalTo("0308182"))
                    .body("durationDays", equalTo(7))
                    .extract()
                    .path("id");

            List<Row> rows = database.rows(
                    "SELECT appointment_id, doctor_id, patient_id, rx_norm_code, duration_days FROM prescription WHERE id = ?",
                    id);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).getString("appointment_id"))
                    .isEqualTo(appointment.id().toString());
            assertThat(rows.get(0).getString("patient_id")).isEqualTo(patientId.toString());
            assertThat(rows.get(0).getString("rx_norm_code")).isEqualTo("0308182");
            assertThat(rows.get(0).getInteger("duration_days")).isEqualTo(7);

            var events = probe.awaitEvents("clinic.prescription.issued", id, 1);
            assertThat(events).hasSize(1);
            var headers = EventProbe.headers(events.get(0));
            assertThat(headers).containsEntry("ce_source", "clinical-service");
            assertThat(headers).containsEntry("ce_subject", id);
            assertThat(headers).containsEntry("ce_actorid", doctorId.toString());
            assertThat(headers).containsEntry("ce_actorrole", "DOCTOR");
            assertThat(events.get(0).value()).contains("\"patientId\":\"" + patientId + "\"");
            assertThat(events.get(0).value()).contains("\"medication\":\"Amoxicillin 500 mg capsule\"");
        }
    }

    @Test
    void shouldRejectAnotherDoctorsAppointment() {
        TestAppointment appointment = scheduling.seed(TestAppointment.completed(UUID.randomUUID(), UUID.randomUUID()));

        given().auth()
                .oauth2(TestTokens.doctor(UUID.randomUUID()))
                .contentType("application/json")
                .body(prescription(appointment.id()))
                .post("/api/prescriptions")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "forbidden"));

        assertThat(database.count(
                        "SELECT COUNT(*) FROM prescription WHERE appointment_id = ?",
                        appointment.id().toString()))
                .isZero();
    }

    @Test
    void shouldRejectBookedAppointmentAfterAskingScheduling() {
        UUID doctorId = UUID.randomUUID();
        TestAppointment appointment = scheduling.seed(TestAppointment.booked(UUID.randomUUID(), doctorId));
        String path = "/api/appointments/" + appointment.id();
        // scheduling-service confirms the status is still BOOKED.
        SchedulingServiceStub.server()
                .stubFor(get(urlEqualTo(path))
                        .willReturn(aResponse()
                                .withHeader("Content-Type", "application/json")
                                .withBody(appointment.json())));

        given().auth()
                .oauth2(TestTokens.doctor(doctorId))
                .contentType("application/json")
                .body(prescription(appointment.id()))
                .post("/api/prescriptions")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "conflict"));

        SchedulingServiceStub.server().verify(1, getRequestedFor(urlEqualTo(path)));
        assertThat(database.count(
                        "SELECT COUNT(*) FROM prescription WHERE appointment_id = ?",
                        appointment.id().toString()))
                .isZero();
    }

    @Test
    void shouldIssueWhenSchedulingAlreadyConfirmedIt() {
        UUID doctorId = UUID.randomUUID();
        TestAppointment booked = scheduling.seed(TestAppointment.booked(UUID.randomUUID(), doctorId));
        TestAppointment confirmed = booked.next("CONFIRMED");
        // The confirmation event is still in flight: only scheduling-service has the new status.
        SchedulingServiceStub.server()
                .stubFor(get(urlEqualTo("/api/appointments/" + booked.id()))
                        .willReturn(aResponse()
                                .withHeader("Content-Type", "application/json")
                                .withBody(confirmed.json())));

        given().auth()
                .oauth2(TestTokens.doctor(doctorId))
                .contentType("application/json")
                .body(prescription(booked.id()))
                .post("/api/prescriptions")
                .then()
                .statusCode(201);

        Row row = scheduling.readModelRow(booked.id());
        assertThat(row.getString("status")).isEqualTo("CONFIRMED");
        assertThat(row.getLong("version")).isEqualTo(confirmed.version());
    }

    @Test
    void shouldRejectPatientIssuingPrescription() {
        UUID patientId = UUID.randomUUID();
        TestAppointment appointment = scheduling.seed(TestAppointment.completed(patientId, UUID.randomUUID()));

        given().auth()
                .oauth2(TestTokens.patient(patientId))
                .contentType("application/json")
                .body(prescription(appointment.id()))
                .post("/api/prescriptions")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    static Map<String, Object> prescription(UUID appointmentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("appointmentId", appointmentId.toString());
        body.put("medication", "Amoxicillin 500 mg capsule");
        body.put("rxNormCode", "0308182");
        body.put("dosage", "1 capsule");
        body.put("frequency", "3 times a day");
        body.put("durationDays", 7);
        body.put("instructions", "Take with food.");
        return body;
    }
}
