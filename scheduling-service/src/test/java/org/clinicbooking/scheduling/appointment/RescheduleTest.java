package org.clinicbooking.scheduling.appointment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.clinicbooking.scheduling.support.Api;
import org.clinicbooking.scheduling.support.ReadModel;
import org.clinicbooking.testkit.EventProbe;
import org.clinicbooking.testkit.TestTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Moving an appointment keeps its id and checks every booking rule again. */
@QuarkusTest
class RescheduleTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    ReadModel readModel;
    ReadModel.Practice practice;
    LocalDate day;
    UUID patientId;
    String patient;

    @BeforeEach
    void setUp() {
        readModel = new ReadModel(pool);
        practice = readModel.practice("Africa/Nairobi", 30);
        day = Api.futureMonday();
        Api.openEveryDay(practice.doctorId(), "09:00", "17:00");
        patientId = UUID.randomUUID();
        patient = TestTokens.patient(patientId);
    }

    private String at(String localTime) {
        return day + "T" + localTime + ":00+03:00";
    }

    private String bookOwn(String localTime) {
        return Api.book(patient, Api.booking(null, practice, at(localTime)))
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static ValidatableResponse reschedule(String token, String id, String startAt) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("startAt", startAt))
                .post("/api/appointments/" + id + "/reschedule")
                .then();
    }

    @Test
    void shouldMoveOwnAppointmentAndKeepItsId() {
        String id = bookOwn("10:00");
        try (EventProbe probe = EventProbe.watch(bootstrapServers, "test.scheduling-events")) {
            reschedule(patient, id, at("14:00"))
                    .statusCode(200)
                    .body("id", equalTo(id))
                    .body("startAt", equalTo(day + "T11:00:00Z"))
                    .body("endAt", equalTo(day + "T11:30:00Z"))
                    .body("status", equalTo("BOOKED"))
                    .body("version", equalTo(1));

            var events = probe.awaitEvents("clinic.appointment.rescheduled", id, 1);
            assertThat(events).hasSize(1);
            assertThat(events.get(0).value()).contains("\"startAt\":\"" + day + "T11:00:00Z\"");
        }
        assertThat(readModel.count("SELECT COUNT(*) FROM appointment WHERE patient_id = ?", patientId.toString()))
                .isEqualTo(1);
    }

    @Test
    void shouldIgnoreOnlyItsOwnTime() {
        String id = bookOwn("10:00");
        Api.bookAsStaff(readModel.patient(), practice, at("11:00"));

        reschedule(patient, id, at("10:15")).statusCode(200);
        reschedule(patient, id, at("10:45"))
                .statusCode(409)
                .body("type", equalTo("https://clinic-booking.org/problems/booking-conflict"))
                .body("conflictingStartAt", equalTo(day + "T08:00:00Z"));
    }

    @Test
    void shouldApplyWorkingHoursToPatientsOnly() {
        String id = bookOwn("10:00");

        reschedule(patient, id, at("18:00")).statusCode(422);
        reschedule(patient, id, "2021-01-04T10:00:00+03:00").statusCode(400);
        reschedule(TestTokens.staff(), id, at("18:00")).statusCode(200).body("startAt", equalTo(day + "T15:00:00Z"));
    }

    @Test
    void shouldRejectDisallowedReschedules() {
        String id = bookOwn("10:00");

        reschedule(TestTokens.doctor(practice.doctorId()), id, at("12:00")).statusCode(403);
        reschedule(TestTokens.patient(UUID.randomUUID()), id, at("12:00")).statusCode(404);
        reschedule(patient, id, day + "T12:00:00").statusCode(400).body("errors[0].field", equalTo("startAt"));

        Api.changeStatus(patient, id, "CANCELLED").statusCode(200);
        reschedule(patient, id, at("12:00"))
                .statusCode(409)
                .body("type", equalTo("https://clinic-booking.org/problems/conflict"));
    }
}
