package org.clinicbooking.scheduling.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicbooking.testkit.TestTokens;

/** The HTTP calls the tests repeat, with the request bodies the API expects. */
public final class Api {

    private Api() {}

    /** Returns a Monday a year or more ahead, so that patient bookings on it are in the future. */
    public static LocalDate futureMonday() {
        return LocalDate.now().plusYears(1).with(TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
    }

    /** Opens the doctor's practice from start to end (HH:mm, clinic time) on every day of the week. */
    public static void openEveryDay(UUID doctorId, String start, String end) {
        List<Map<String, String>> intervals = new ArrayList<>();
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            intervals.add(Map.of("dayOfWeek", day.name(), "start", start, "end", end));
        }
        given().auth()
                .oauth2(TestTokens.staff())
                .contentType("application/json")
                .body(Map.of("intervals", intervals))
                .put("/api/doctors/" + doctorId + "/working-hours")
                .then()
                .statusCode(200);
    }

    public static ValidatableResponse book(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .post("/api/appointments")
                .then();
    }

    /** Books for the patient as staff, which needs no working hours, and returns the appointment id. */
    public static String bookAsStaff(UUID patientId, ReadModel.Practice practice, String startAt) {
        return book(TestTokens.staff(), booking(patientId, practice, startAt))
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static Map<String, Object> booking(UUID patientId, ReadModel.Practice practice, String startAt) {
        Map<String, Object> body = new HashMap<>();
        if (patientId != null) {
            body.put("patientId", patientId.toString());
        }
        body.put("doctorId", practice.doctorId().toString());
        body.put("serviceId", practice.serviceId().toString());
        body.put("startAt", startAt);
        return body;
    }

    public static ValidatableResponse changeStatus(String token, String appointmentId, String status) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("status", status))
                .put("/api/appointments/" + appointmentId + "/status")
                .then();
    }
}
