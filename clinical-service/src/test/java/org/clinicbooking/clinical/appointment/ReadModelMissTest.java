package org.clinicbooking.clinical.appointment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.clinicbooking.clinical.fixtures.SchedulingEvents;
import org.clinicbooking.clinical.fixtures.SchedulingServiceStub;
import org.clinicbooking.clinical.fixtures.TestAppointment;
import org.clinicbooking.testkit.TestTokens;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = SchedulingServiceStub.class, scope = TestResourceScope.GLOBAL)
class ReadModelMissTest {

    private static final String PROBLEMS = "https://clinic-booking.org/problems/";

    @Inject
    SchedulingEvents scheduling;

    @Test
    void shouldAskSchedulingWithCallersToken() {
        UUID doctorId = UUID.randomUUID();
        TestAppointment appointment = TestAppointment.completed(UUID.randomUUID(), doctorId);
        String path = "/api/appointments/" + appointment.id();
        SchedulingServiceStub.server()
                .stubFor(get(urlEqualTo(path))
                        .willReturn(aResponse()
                                .withHeader("Content-Type", "application/json")
                                .withBody(appointment.json())));
        String token = TestTokens.doctor(doctorId);

        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(prescription(appointment.id()))
                .post("/api/prescriptions")
                .then()
                .statusCode(201)
                .body("patientId", Matchers.equalTo(appointment.patientId().toString()));

        SchedulingServiceStub.server()
                .verify(1, getRequestedFor(urlEqualTo(path)).withHeader("Authorization", equalTo("Bearer " + token)));
        Row row = scheduling.readModelRow(appointment.id());
        assertThat(row).isNotNull();
        assertThat(row.getString("status")).isEqualTo("COMPLETED");
        assertThat(row.getString("doctor_id")).isEqualTo(doctorId.toString());
    }

    @Test
    void shouldReturnNotFoundForUnknownAppointment() {
        given().auth()
                .oauth2(TestTokens.doctor(UUID.randomUUID()))
                .contentType("application/json")
                .body(prescription(UUID.randomUUID()))
                .post("/api/prescriptions")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", Matchers.equalTo(PROBLEMS + "not-found"));
    }

    @Test
    void shouldReturnUnavailableWhenSchedulingFails() {
        UUID appointmentId = UUID.randomUUID();
        SchedulingServiceStub.server()
                .stubFor(get(urlEqualTo("/api/appointments/" + appointmentId))
                        .willReturn(aResponse().withStatus(500)));

        given().auth()
                .oauth2(TestTokens.doctor(UUID.randomUUID()))
                .contentType("application/json")
                .body(prescription(appointmentId))
                .post("/api/prescriptions")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", Matchers.equalTo(PROBLEMS + "dependency-unavailable"));
        assertThat(scheduling.readModelRow(appointmentId)).isNull();
    }

    private static Map<String, Object> prescription(UUID appointmentId) {
        return Map.of(
                "appointmentId", appointmentId.toString(),
                "medication", "Metformin 500 mg tablet",
                "dosage", "1 tablet",
                "frequency", "twice a day",
                "durationDays", 30);
    }
}
