package org.clinicbooking.scheduling.availability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicbooking.scheduling.support.Api;
import org.clinicbooking.scheduling.support.ReadModel;
import org.clinicbooking.testkit.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Free slots: inside working hours, outside time off and outside active appointments. */
@QuarkusTest
class AvailabilityTest {

    @Inject
    Pool pool;

    ReadModel readModel;
    ReadModel.Practice practice;
    LocalDate monday;

    @BeforeEach
    void setUp() {
        readModel = new ReadModel(pool);
        practice = readModel.practice("Africa/Nairobi", 30);
        monday = Api.futureMonday();
        given().auth()
                .oauth2(TestTokens.staff())
                .contentType("application/json")
                .body(Map.of("intervals", List.of(Map.of("dayOfWeek", "MONDAY", "start", "09:00", "end", "12:00"))))
                .put("/api/doctors/" + practice.doctorId() + "/working-hours")
                .then()
                .statusCode(200);
    }

    private ValidatableResponse availability(String from, String to, String serviceId) {
        return given().auth()
                .oauth2(TestTokens.patient(UUID.randomUUID()))
                .queryParam("from", from)
                .queryParam("to", to)
                .queryParam("serviceId", serviceId)
                .get("/api/doctors/" + practice.doctorId() + "/availability")
                .then();
    }

    private String utc(String time) {
        return monday + "T" + time + ":00Z";
    }

    @Test
    void shouldOfferBackToBackSlots() {
        availability(
                        monday.toString(),
                        monday.plusDays(6).toString(),
                        practice.serviceId().toString())
                .statusCode(200)
                .body("doctorId", equalTo(practice.doctorId().toString()))
                .body("serviceId", equalTo(practice.serviceId().toString()))
                .body("timeZone", equalTo("Africa/Nairobi"))
                .body(
                        "slots.startAt",
                        contains(utc("06:00"), utc("06:30"), utc("07:00"), utc("07:30"), utc("08:00"), utc("08:30")))
                .body("slots[5].endAt", equalTo(utc("09:00")));
    }

    @Test
    void shouldLeaveOutBookedTimeAndTimeOff() {
        Api.bookAsStaff(readModel.patient(), practice, monday + "T10:00:00+03:00");
        String cancelled = Api.bookAsStaff(readModel.patient(), practice, monday + "T09:00:00+03:00");
        Api.changeStatus(TestTokens.staff(), cancelled, "CANCELLED").statusCode(200);
        given().auth()
                .oauth2(TestTokens.staff())
                .contentType("application/json")
                .body(Map.of(
                        "periods",
                        List.of(Map.of("startAt", monday + "T11:00:00+03:00", "endAt", monday + "T13:00:00+03:00"))))
                .put("/api/doctors/" + practice.doctorId() + "/time-off")
                .then()
                .statusCode(200);

        availability(monday.toString(), monday.toString(), practice.serviceId().toString())
                .statusCode(200)
                .body("slots.startAt", contains(utc("06:00"), utc("06:30"), utc("07:30")));
    }

    @Test
    void shouldRejectBadRanges() {
        String service = practice.serviceId().toString();
        availability(monday.toString(), monday.plusDays(31).toString(), service)
                .statusCode(400)
                .body("errors[0].field", equalTo("to"));
        availability(monday.toString(), monday.plusDays(30).toString(), service).statusCode(200);
        availability(monday.toString(), monday.minusDays(1).toString(), service).statusCode(400);
        availability("03/01/2030", monday.toString(), service).statusCode(400).body("errors[0].field", equalTo("from"));
        availability(monday.toString(), monday.toString(), null)
                .statusCode(400)
                .body("errors[0].field", equalTo("serviceId"));
    }

    @Test
    void shouldRejectUnknownDoctorAndServiceNotOffered() {
        given().auth()
                .oauth2(TestTokens.staff())
                .queryParam("from", monday.toString())
                .queryParam("to", monday.toString())
                .queryParam("serviceId", practice.serviceId().toString())
                .get("/api/doctors/" + UUID.randomUUID() + "/availability")
                .then()
                .statusCode(404);
        ReadModel.Practice other = readModel.practice("Africa/Nairobi", 30);
        availability(monday.toString(), monday.toString(), other.serviceId().toString())
                .statusCode(422);
    }
}
