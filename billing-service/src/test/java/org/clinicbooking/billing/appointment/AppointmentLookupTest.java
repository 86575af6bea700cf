package org.clinicbooking.billing.appointment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.clinicbooking.billing.testing.BillingTest;
import org.clinicbooking.billing.testing.SchedulingEvents;
import org.clinicbooking.billing.testing.SchedulingServiceStub;
import org.clinicbooking.billing.testing.Seeds;
import org.clinicbooking.billing.testing.TestAppointment;
import org.clinicbooking.testkit.TestTokens;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

// GLOBAL: every test class runs with the stub, so Quarkus boots once for the whole suite.
@WithTestResource(value = SchedulingServiceStub.class, scope = TestResourceScope.GLOBAL)
@QuarkusTest
class AppointmentLookupTest extends BillingTest {

    @Test
    void shouldFetchUnknownAppointmentOverHttp() {
        TestAppointment appointment = TestAppointment.booked("60.00");
        String token = TestTokens.staff();
        String path = "/api/appointments/" + appointment.id();
        WireMockServer scheduling = SchedulingServiceStub.server();
        scheduling.stubFor(get(urlEqualTo(path))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(SchedulingEvents.json(appointment.toResponse()))));

        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Seeds.paymentBody(appointment, "60.00"))
                .post("/api/payments")
                .then()
                .statusCode(201)
                .body("patientId", Matchers.equalTo(appointment.patientId().toString()));

        assertThat(database.count(
                        "SELECT COUNT(*) FROM appointment WHERE id = ? AND price = 60.00",
                        appointment.id().toString()))
                .isEqualTo(1);
        // The read model now contains the appointment, so the balance needs no second call.
        given().auth()
                .oauth2(token)
                .queryParam("appointmentId", appointment.id().toString())
                .get("/api/payments/balance")
                .then()
                .statusCode(200)
                .body("owed", Matchers.equalTo("0.00"));
        scheduling.verify(1, getRequestedFor(urlEqualTo(path)));
    }

    @Test
    void shouldReturnNotFoundForUnknownAppointment() {
        TestAppointment appointment = TestAppointment.booked("60.00");
        SchedulingServiceStub.server()
                .stubFor(get(urlEqualTo("/api/appointments/" + appointment.id()))
                        .willReturn(aResponse()
                                .withStatus(404)
                                .withHeader("Content-Type", "application/problem+json")
                                .withBody("{\"status\":404}")));

        given().auth()
                .oauth2(TestTokens.staff())
                .contentType("application/json")
                .body(Seeds.paymentBody(appointment, "60.00"))
                .post("/api/payments")
                .then()
                .statusCode(404)
                .body("type", Matchers.equalTo(PROBLEMS + "not-found"))
                .body("detail", Matchers.containsString(appointment.id().toString()));
        assertThat(database.count(
                        "SELECT COUNT(*) FROM appointment WHERE id = ?",
                        appointment.id().toString()))
                .isZero();
    }

    @Test
    void shouldReturnUnavailableWhenSchedulingFails() {
        TestAppointment appointment = TestAppointment.booked("60.00");
        SchedulingServiceStub.server()
                .stubFor(get(urlEqualTo("/api/appointments/" + appointment.id()))
                        .willReturn(aResponse().withStatus(500)));

        given().auth()
                .oauth2(TestTokens.staff())
                .contentType("application/json")
                .body(Seeds.paymentBody(appointment, "60.00"))
                .post("/api/payments")
                .then()
                .statusCode(503)
                .body("type", Matchers.equalTo(PROBLEMS + "dependency-unavailable"));
    }

    @Test
    void shouldForbidWhatSchedulingForbids() {
        TestAppointment appointment = TestAppointment.booked("60.00");
        SchedulingServiceStub.server()
                .stubFor(get(urlEqualTo("/api/appointments/" + appointment.id()))
                        .willReturn(aResponse().withStatus(403)));

        given().auth()
                .oauth2(TestTokens.patient(java.util.UUID.randomUUID()))
                .queryParam("appointmentId", appointment.id().toString())
                .get("/api/payments/balance")
                .then()
                .statusCode(403)
                .body("type", Matchers.equalTo(PROBLEMS + "forbidden"));
    }
}
