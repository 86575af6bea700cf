package org.clinicbooking.scheduling.directory;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.clinicbooking.scheduling.support.Api;
import org.clinicbooking.scheduling.support.Eventually;
import org.clinicbooking.scheduling.support.ReadModel;
import org.clinicbooking.scheduling.support.UserEvents;
import org.clinicbooking.scheduling.support.UserServiceStub;
import org.clinicbooking.testkit.EventProbe;
import org.clinicbooking.testkit.TestTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The read model follows user-service's events: once, in order, and past bad records. */
@QuarkusTest
class UserEventsConsumerTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @UserServiceStub.Inject
    WireMockServer userService;

    ReadModel readModel;
    UserEvents events;
    Instant now;

    @BeforeEach
    void setUp() {
        readModel = new ReadModel(pool);
        events = new UserEvents(bootstrapServers);
        now = Instant.now();
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    private String doctorData(UUID doctorId, UUID clinicId, boolean active) {
        return "{\"id\":\"" + doctorId + "\",\"clinicId\":\"" + clinicId + "\",\"fullName\":\"Dr Wanjiru Kamau\","
                + "\"email\":\"wk@example.org\",\"specialization\":\"Cardiology\",\"licenseNumber\":\"L-"
                + doctorId + "\",\"yearsOfExperience\":12,\"bio\":null,\"active\":" + active + "}";
    }

    private boolean doctorActive(UUID doctorId) {
        return readModel
                .rows("SELECT active FROM doctor WHERE id = ?", doctorId.toString())
                .get(0)
                .getBoolean(0);
    }

    private boolean processed(String eventId) {
        return readModel.count("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", eventId) == 1;
    }

    /** Sends an event of a type this service ignores and waits until it is recorded: every earlier event on that key is then applied. */
    private void awaitEarlierEventsOf(UUID key) {
        String marker = events.send("clinic.doctor.profile-viewed", key, now, "{\"id\":\"" + key + "\"}");
        Eventually.await("the marker event is processed", () -> processed(marker));
    }

    @Test
    void shouldBookFromEventBuiltReadModel() {
        UUID clinicId = UUID.randomUUID();
        UUID doctorId = UUID.randomUUID();
        UUID serviceId = UUID.randomUUID();
        UUID patientId = UUID.randomUUID();
        events.send(
                "clinic.clinic.created",
                clinicId,
                now,
                "{\"id\":\"" + clinicId + "\",\"name\":\"Westlands Clinic\",\"address\":\"Ring Road\","
                        + "\"city\":\"Nairobi\",\"phone\":\"+254700000000\",\"timeZone\":\"Africa/Nairobi\"}");
        events.send("clinic.doctor.created", doctorId, now, doctorData(doctorId, clinicId, true));
        events.send(
                "clinic.medical-service.created",
                serviceId,
                now,
                "{\"id\":\"" + serviceId + "\",\"code\":\"ECG-" + serviceId + "\",\"name\":\"ECG\","
                        + "\"description\":null,\"durationMinutes\":20,\"price\":\"30.00\",\"currency\":\"USD\","
                        + "\"active\":true}");
        events.send(
                "clinic.doctor-service.linked",
                doctorId,
                now,
                "{\"doctorId\":\"" + doctorId + "\",\"serviceId\":\"" + serviceId + "\"}");
        events.send(
                "clinic.user.registered",
                patientId,
                now,
                "{\"id\":\"" + patientId + "\",\"email\":\"p@example.org\",\"fullName\":\"Amani\",\"phone\":null,"
                        + "\"role\":\"PATIENT\",\"dateOfBirth\":\"1990-01-01\",\"active\":true,"
                        + "\"createdAt\":\"" + now + "\",\"updatedAt\":\"" + now + "\"}");
        Eventually.await(
                "the read model has the doctor's offer and the patient",
                () -> readModel.count(
                                        "SELECT COUNT(*) FROM doctor_service WHERE doctor_id = ? AND offered = TRUE",
                                        doctorId.toString())
                                == 1
                        && readModel.count("SELECT COUNT(*) FROM user_account WHERE id = ?", patientId.toString()) == 1
                        && readModel.count("SELECT COUNT(*) FROM clinic WHERE id = ?", clinicId.toString()) == 1
                        && readModel.count("SELECT COUNT(*) FROM medical_service WHERE id = ?", serviceId.toString())
                                == 1);

        Api.book(
                        TestTokens.staff(),
                        Api.booking(
                                patientId,
                                new ReadModel.Practice(clinicId, doctorId, serviceId),
                                Api.futureMonday() + "T09:00:00+03:00"))
                .statusCode(201)
                .body("endAt", equalTo(Api.futureMonday() + "T06:20:00Z"))
                .body("price", equalTo("30.00"))
                .body("currency", equalTo("USD"));
        userService.verify(0, anyRequestedFor(urlPathMatching(".*(" + doctorId + "|" + patientId + ").*")));
    }

    @Test
    void shouldIgnoreRedeliveredAndOlderEvents() {
        UUID clinicId = UUID.randomUUID();
        UUID doctorId = UUID.randomUUID();
        String created = events.send("clinic.doctor.created", doctorId, now, doctorData(doctorId, clinicId, true));
        Eventually.await("the doctor is stored", () -> processed(created));

        events.sendWithId(created, "clinic.doctor.created", doctorId, now, doctorData(doctorId, clinicId, false));
        events.send("clinic.doctor.updated", doctorId, now.minusSeconds(60), doctorData(doctorId, clinicId, false));
        awaitEarlierEventsOf(doctorId);

        assertThat(doctorActive(doctorId)).isTrue();
        assertThat(readModel.count("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", created))
                .isEqualTo(1);

        String newer = events.send(
                "clinic.doctor.updated", doctorId, now.plusSeconds(60), doctorData(doctorId, clinicId, false));
        Eventually.await("the newer update is applied", () -> processed(newer));
        assertThat(doctorActive(doctorId)).isFalse();
    }

    @Test
    void shouldDeadLetterMalformedEvents() {
        UUID clinicId = UUID.randomUUID();
        UUID doctorId = UUID.randomUUID();
        try (EventProbe deadLetters = EventProbe.watch(bootstrapServers, "test.scheduling-service.dlq")) {
            String notJson = events.send("clinic.doctor.created", doctorId, now, "{not json");
            String lacksClinic = events.send(
                    "clinic.doctor.created", doctorId, now, "{\"id\":\"" + doctorId + "\",\"active\":true}");
            String good = events.send("clinic.doctor.created", doctorId, now, doctorData(doctorId, clinicId, true));

            Eventually.await("the good event is applied", () -> processed(good));
            assertThat(doctorActive(doctorId)).isTrue();
            for (String rejected : new String[] {notJson, lacksClinic}) {
                var records = deadLetters.await(
                        record -> rejected.equals(EventProbe.header(record, "ce_id")),
                        1,
                        java.time.Duration.ofSeconds(30));
                assertThat(records).hasSize(1);
                assertThat(EventProbe.header(records.get(0), "dead-letter-reason"))
                        .contains("Malformed event");
                assertThat(processed(rejected)).isFalse();
            }
        }
    }

    @Test
    void shouldHandleUnlinkAndUnknownTypes() {
        ReadModel.Practice practice = readModel.practice("Africa/Nairobi", 30);
        String link = "{\"doctorId\":\"" + practice.doctorId() + "\",\"serviceId\":\"" + practice.serviceId() + "\"}";
        String unlinked = events.send("clinic.doctor-service.unlinked", practice.doctorId(), now, link);
        Eventually.await("the unlink is applied", () -> processed(unlinked));

        Api.book(TestTokens.staff(), Api.booking(readModel.patient(), practice, Api.futureMonday() + "T09:00:00Z"))
                .statusCode(422)
                .body("errors[0].field", equalTo("serviceId"));

        String unknown = events.send("clinic.user.password-changed", UUID.randomUUID(), now, "{\"x\":1}");
        Eventually.await("the unknown event is recorded", () -> processed(unknown));
    }
}
