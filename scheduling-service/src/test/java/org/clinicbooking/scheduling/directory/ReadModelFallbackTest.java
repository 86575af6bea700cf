package org.clinicbooking.scheduling.directory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.clinicbooking.scheduling.support.Api;
import org.clinicbooking.scheduling.support.Eventually;
import org.clinicbooking.scheduling.support.ReadModel;
import org.clinicbooking.scheduling.support.UserEvents;
import org.clinicbooking.scheduling.support.UserServiceStub;
import org.clinicbooking.testkit.TestTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A doctor, clinic, service and patient created a moment ago, whose events have not arrived:
 * the booking fetches them from user-service (WireMock here) with the caller's token and succeeds.
 */
@QuarkusTest
class ReadModelFallbackTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @UserServiceStub.Inject
    WireMockServer userService;

    ReadModel readModel;
    UUID clinicId;
    UUID doctorId;
    UUID serviceId;
    UUID patientId;
    LocalDate day;

    @BeforeEach
    void setUp() {
        readModel = new ReadModel(pool);
        clinicId = UUID.randomUUID();
        doctorId = UUID.randomUUID();
        serviceId = UUID.randomUUID();
        patientId = UUID.randomUUID();
        day = Api.futureMonday();
    }

    private String doctorJson(boolean active) {
        return "{\"id\":\"" + doctorId + "\",\"clinicId\":\"" + clinicId + "\",\"fullName\":\"Dr Otieno\","
                + "\"email\":\"o@example.org\",\"specialization\":\"GP\",\"licenseNumber\":\"L1\","
                + "\"yearsOfExperience\":3,\"bio\":null,\"active\":" + active + "}";
    }

    private String serviceJson() {
        return "{\"id\":\"" + serviceId + "\",\"code\":\"GP45\",\"name\":\"Consultation\",\"description\":null,"
                + "\"durationMinutes\":45,\"price\":\"12.50\",\"currency\":\"USD\",\"active\":true}";
    }

    private void stubAll() {
        userService.stubFor(get(urlEqualTo("/api/doctors/" + doctorId)).willReturn(okJson(doctorJson(true))));
        userService.stubFor(get(urlEqualTo("/api/clinics/" + clinicId))
                .willReturn(
                        okJson("{\"id\":\"" + clinicId + "\",\"name\":\"Kisumu\",\"address\":\"A\",\"city\":\"Kisumu\","
                                + "\"phone\":null,\"timeZone\":\"Africa/Nairobi\"}")));
        userService.stubFor(
                get(urlEqualTo("/api/medical-services/" + serviceId)).willReturn(okJson(serviceJson())));
        userService.stubFor(get(urlEqualTo("/api/doctors/" + doctorId + "/services"))
                .willReturn(okJson("[" + serviceJson() + "]")));
        userService.stubFor(get(urlEqualTo("/api/users/" + patientId))
                .willReturn(okJson("{\"id\":\"" + patientId + "\",\"email\":\"p@example.org\",\"fullName\":\"P\","
                        + "\"phone\":null,\"role\":\"PATIENT\",\"dateOfBirth\":null,\"active\":true,"
                        + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":\"2026-01-01T00:00:00Z\"}")));
    }

    private ReadModel.Practice practice() {
        return new ReadModel.Practice(clinicId, doctorId, serviceId);
    }

    @Test
    void shouldFetchMissingRecordsWithCallerToken() {
        stubAll();
        String staff = TestTokens.staff();

        Api.book(staff, Api.booking(patientId, practice(), day + "T09:00:00+03:00"))
                .statusCode(201)
                .body("endAt", equalTo(day + "T06:45:00Z"))
                .body("price", equalTo("12.50"))
                .body("currency", equalTo("USD"));

        for (String path : new String[] {
            "/api/doctors/" + doctorId,
            "/api/clinics/" + clinicId,
            "/api/medical-services/" + serviceId,
            "/api/doctors/" + doctorId + "/services",
            "/api/users/" + patientId
        }) {
            userService.verify(
                    1,
                    getRequestedFor(urlEqualTo(path)).withHeader("Authorization", WireMock.equalTo("Bearer " + staff)));
        }
        assertThat(readModel.count(
                        "SELECT COUNT(*) FROM doctor WHERE id = ? AND event_time IS NULL", doctorId.toString()))
                .isEqualTo(1);

        // The second booking reads the stored records and sends user-service no request.
        Api.book(staff, Api.booking(patientId, practice(), day + "T10:00:00+03:00"))
                .statusCode(201);
        userService.verify(1, getRequestedFor(urlEqualTo("/api/doctors/" + doctorId)));
    }

    @Test
    void shouldLetLaterEventsOverwriteFetchedRecords() {
        stubAll();
        Api.book(TestTokens.staff(), Api.booking(patientId, practice(), day + "T09:00:00+03:00"))
                .statusCode(201);

        try (UserEvents events = new UserEvents(bootstrapServers)) {
            String created = events.send("clinic.doctor.created", doctorId, Instant.now(), doctorJson(true));
            String deactivated =
                    events.send("clinic.doctor.updated", doctorId, Instant.now().plusSeconds(1), doctorJson(false));
            Eventually.await(
                    "both doctor events are applied",
                    () -> readModel.count(
                                    "SELECT COUNT(*) FROM processed_event WHERE event_id IN (?, ?)",
                                    created,
                                    deactivated)
                            == 2);
        }

        assertThat(readModel
                        .rows("SELECT active FROM doctor WHERE id = ?", doctorId.toString())
                        .get(0)
                        .getBoolean(0))
                .isFalse();
        Api.book(TestTokens.staff(), Api.booking(patientId, practice(), day + "T11:00:00+03:00"))
                .statusCode(422)
                .body("errors[0].field", equalTo("doctorId"));
    }

    @Test
    void shouldFailWith503WhenUserServiceFails() {
        userService.stubFor(get(urlEqualTo("/api/doctors/" + doctorId))
                .willReturn(aResponse().withStatus(500)));

        Api.book(TestTokens.patient(patientId), Api.booking(null, practice(), day + "T09:00:00+03:00"))
                .statusCode(503)
                .body("type", equalTo("https://clinic-booking.org/problems/dependency-unavailable"));
    }
}
