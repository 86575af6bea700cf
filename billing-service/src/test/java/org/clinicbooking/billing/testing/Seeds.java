package org.clinicbooking.billing.testing;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import org.clinicbooking.testkit.TestTokens;

/** Puts appointments and payments in place through the same paths production uses. */
public final class Seeds {

    private final SchedulingEvents events;
    private final Database database;

    public Seeds(SchedulingEvents events, Database database) {
        this.events = events;
        this.database = database;
    }

    /** Publishes the appointment's booking and waits until the read model contains it. */
    public TestAppointment book(TestAppointment appointment) {
        events.publish("booked", appointment);
        database.awaitAppointment(appointment.id(), appointment.status());
        return appointment;
    }

    /** Records a payment as staff and returns its id. */
    public String pay(TestAppointment appointment, String amount) {
        return given().auth()
                .oauth2(TestTokens.staff())
                .contentType("application/json")
                .body(paymentBody(appointment, amount))
                .post("/api/payments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static Map<String, Object> paymentBody(TestAppointment appointment, String amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("appointmentId", appointment.id().toString());
        body.put("amount", amount);
        body.put("currency", appointment.currency());
        body.put("method", "MOBILE_MONEY");
        return body;
    }
}
