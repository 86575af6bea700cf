package org.clinicbooking.clinical.review;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.clinicbooking.clinical.fixtures.TestAppointment;
import org.clinicbooking.testkit.TestTokens;

/** Posts reviews the way a patient's client does. */
final class Reviews {

    private Reviews() {}

    static Map<String, Object> review(UUID appointmentId, int rating) {
        Map<String, Object> body = new HashMap<>();
        body.put("appointmentId", appointmentId.toString());
        body.put("rating", rating);
        body.put("comment", "Listened carefully and explained the treatment.");
        return body;
    }

    /** Posts a review of the appointment as its own patient. */
    static ValidatableResponse post(TestAppointment appointment, int rating) {
        return post(appointment.patientId(), review(appointment.id(), rating));
    }

    static ValidatableResponse post(UUID patientId, Map<String, Object> body) {
        return given().auth()
                .oauth2(TestTokens.patient(patientId))
                .contentType("application/json")
                .body(body)
                .post("/api/reviews")
                .then();
    }
}
