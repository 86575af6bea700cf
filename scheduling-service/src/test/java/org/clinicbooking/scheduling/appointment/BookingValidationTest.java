package org.clinicbooking.scheduling.appointment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.clinicbooking.scheduling.support.Api;
import org.clinicbooking.scheduling.support.ReadModel;
import org.clinicbooking.testkit.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Booking requests that are malformed or name things that do not exist. */
@QuarkusTest
class BookingValidationTest {

    private static final String VALIDATION = "https://clinic-booking.org/problems/validation";
    private static final String UNPROCESSABLE = "https://clinic-booking.org/problems/unprocessable";

    @Inject
    Pool pool;

    ReadModel readModel;
    ReadModel.Practice practice;
    LocalDate day;
    String patientToken;

    @BeforeEach
    void setUp() {
        readModel = new ReadModel(pool);
        practice = readModel.practice("Africa/Nairobi", 30);
        day = Api.futureMonday();
        Api.openEveryDay(practice.doctorId(), "09:00", "17:00");
        patientToken = TestTokens.patient(UUID.randomUUID());
    }

    private Map<String, Object> booking(String startAt) {
        return Api.booking(null, practice, startAt);
    }

    @Test
    void shouldRejectStartWithoutOffset() {
        Api.book(patientToken, booking(day + "T10:00:00"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(VALIDATION))
                .body("errors[0].field", equalTo("startAt"))
                .body("errors[0].message", containsString("offset"));
    }

    @Test
    void shouldRejectMalformedInstants() {
        for (String malformed : new String[] {"tomorrow", day + "T25:00:00Z", "2030-02-30T10:00:00Z", "1700000000"}) {
            Api.book(patientToken, booking(malformed))
                    .statusCode(400)
                    .body("type", equalTo(VALIDATION))
                    .body("errors[0].field", equalTo("startAt"));
        }
    }

    @Test
    void shouldRejectEndBeforeStart() {
        Map<String, Object> body = booking(day + "T10:00:00+03:00");
        body.put("endAt", day + "T09:30:00+03:00");

        Api.book(patientToken, body).statusCode(400).body("errors[0].field", equalTo("endAt"));
    }

    @Test
    void shouldRejectZeroLengthAndWrongEnd() {
        Map<String, Object> zeroLength = booking(day + "T10:00:00+03:00");
        zeroLength.put("endAt", day + "T10:00:00+03:00");
        Api.book(patientToken, zeroLength).statusCode(400).body("errors[0].field", equalTo("endAt"));

        Map<String, Object> tooLong = booking(day + "T10:00:00+03:00");
        tooLong.put("endAt", day + "T10:45:00+03:00");
        Api.book(patientToken, tooLong)
                .statusCode(400)
                .body("errors[0].field", equalTo("endAt"))
                .body("errors[0].message", containsString("30 minutes"));
    }

    @Test
    void shouldAcceptMatchingEndInAnyOffset() {
        Map<String, Object> body = booking(day + "T10:00:00+03:00");
        body.put("endAt", day + "T07:30:00Z");

        Api.book(patientToken, body).statusCode(201).body("endAt", equalTo(day + "T07:30:00Z"));
    }

    @Test
    void shouldRejectPastStartForPatient() {
        Api.book(patientToken, booking("2020-01-06T10:00:00+03:00"))
                .statusCode(400)
                .body("errors[0].field", equalTo("startAt"))
                .body("errors[0].message", equalTo("must be in the future"));
    }

    @Test
    void shouldRejectUnknownDoctor() {
        Map<String, Object> body = booking(day + "T10:00:00+03:00");
        body.put("doctorId", UUID.randomUUID().toString());

        Api.book(patientToken, body)
                .statusCode(422)
                .body("type", equalTo(UNPROCESSABLE))
                .body("errors[0].field", equalTo("doctorId"));
    }

    @Test
    void shouldRejectUnknownService() {
        Map<String, Object> body = booking(day + "T10:00:00+03:00");
        body.put("serviceId", UUID.randomUUID().toString());

        Api.book(patientToken, body)
                .statusCode(422)
                .body("type", equalTo(UNPROCESSABLE))
                .body("errors[0].field", equalTo("serviceId"));
    }

    @Test
    void shouldRejectServiceTheDoctorDoesNotOffer() {
        ReadModel.Practice other = readModel.practice("Africa/Nairobi", 30);
        Map<String, Object> body = booking(day + "T10:00:00+03:00");
        body.put("serviceId", other.serviceId().toString());

        Api.book(patientToken, body)
                .statusCode(422)
                .body("detail", containsString("does not offer"))
                .body("errors[0].field", equalTo("serviceId"));
    }

    @Test
    void shouldRejectMissingAndMistypedFields() {
        given().auth()
                .oauth2(patientToken)
                .contentType("application/json")
                .body(Map.of("startAt", day + "T10:00:00+03:00"))
                .post("/api/appointments")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("doctorId"))
                .body("errors.field", hasItem("serviceId"));

        Map<String, Object> badId = booking(day + "T10:00:00+03:00");
        badId.put("doctorId", "not-a-uuid");
        Api.book(patientToken, badId).statusCode(400).body("errors[0].field", equalTo("doctorId"));

        Map<String, Object> unknownField = booking(day + "T10:00:00+03:00");
        unknownField.put("status", "COMPLETED");
        Api.book(patientToken, unknownField).statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void shouldRequireToken() {
        given().contentType("application/json")
                .body(booking(day + "T10:00:00+03:00"))
                .post("/api/appointments")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }
}
