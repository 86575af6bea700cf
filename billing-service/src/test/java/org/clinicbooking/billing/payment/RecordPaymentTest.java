package org.clinicbooking.billing.payment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Row;
import java.util.Map;
import org.clinicbooking.billing.testing.BillingTest;
import org.clinicbooking.billing.testing.Seeds;
import org.clinicbooking.billing.testing.TestAppointment;
import org.clinicbooking.testkit.EventProbe;
import org.clinicbooking.testkit.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RecordPaymentTest extends BillingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldRecordPaymentAndPublishOneEvent() throws Exception {
        TestAppointment appointment = seeds.book(TestAppointment.booked("100.00"));
        Map<String, Object> body = Seeds.paymentBody(appointment, "40");
        body.put("externalReference", "MPESA-QX81");

        try (EventProbe probe = EventProbe.watch(bootstrapServers, BILLING_EVENTS)) {
            Response response = given().auth()
                    .oauth2(TestTokens.staff())
                    .contentType("application/json")
                    .body(body)
                    .post("/api/payments");
            response.then()
                    .statusCode(201)
                    .contentType("application/json")
                    .body("appointmentId", equalTo(appointment.id().toString()))
                    .body("patientId", equalTo(appointment.patientId().toString()))
                    .body("amount", equalTo("40.00"))
                    .body("currency", equalTo("KES"))
                    .body("method", equalTo("MOBILE_MONEY"))
                    .body("status", equalTo("COMPLETED"))
                    .body("externalReference", equalTo("MPESA-QX81"));
            String id = response.path("id");
            assertThat(response.header("Location")).endsWith("/api/payments/" + id);

            Row row = database.rows("SELECT amount, status, recorded_by FROM payment WHERE id = ?", id)
                    .get(0);
            assertThat(row.getBigDecimal("amount")).isEqualByComparingTo("40.00");
            assertThat(row.getString("status")).isEqualTo("COMPLETED");

            var events = probe.awaitEvents("clinic.payment.recorded", id, 1);
            assertThat(events).hasSize(1);
            Map<String, String> headers = EventProbe.headers(events.get(0));
            assertThat(headers).containsEntry("ce_source", "billing-service");
            assertThat(headers).containsEntry("ce_actorrole", "STAFF");
            assertThat(headers).containsEntry("ce_actorid", row.getString("recorded_by"));
            JsonNode data = JSON.readTree(events.get(0).value());
            assertThat(data.get("amount").asText()).isEqualTo("40.00");
            assertThat(data.get("appointmentId").asText())
                    .isEqualTo(appointment.id().toString());
            assertThat(data.has("idempotencyKey")).isFalse();
        }
    }

    @Test
    void shouldShowPaymentAndBalanceToStaff() {
        TestAppointment appointment = seeds.book(TestAppointment.booked("100.00"));
        String id = seeds.pay(appointment, "30.50");

        given().auth()
                .oauth2(TestTokens.admin())
                .get("/api/payments/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("amount", equalTo("30.50"))
                .body("externalReference", nullValue());
        given().auth()
                .oauth2(TestTokens.staff())
                .queryParam("appointmentId", appointment.id().toString())
                .get("/api/payments/balance")
                .then()
                .statusCode(200)
                .body("appointmentId", equalTo(appointment.id().toString()))
                .body("currency", equalTo("KES"))
                .body("price", equalTo("100.00"))
                .body("paid", equalTo("30.50"))
                .body("refunded", equalTo("0.00"))
                .body("owed", equalTo("69.50"));
    }

    @Test
    void shouldRejectPaymentForCancelledAppointment() {
        TestAppointment appointment = seeds.book(TestAppointment.booked("100.00"));
        TestAppointment cancelled = appointment.next("CANCELLED");
        schedulingEvents.publish("cancelled", cancelled);
        database.awaitAppointment(appointment.id(), "CANCELLED");

        given().auth()
                .oauth2(TestTokens.staff())
                .contentType("application/json")
                .body(Seeds.paymentBody(appointment, "10.00"))
                .post("/api/payments")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "conflict"))
                .body("detail", org.hamcrest.Matchers.containsString("cancelled"));
        assertThat(paymentsOf(appointment)).isZero();
    }

    @Test
    void shouldRejectPaymentInAnotherCurrency() {
        TestAppointment appointment = seeds.book(TestAppointment.booked("100.00", "KES"));
        Map<String, Object> body = Seeds.paymentBody(appointment, "10.00");
        body.put("currency", "USD");

        given().auth()
                .oauth2(TestTokens.staff())
                .contentType("application/json")
                .body(body)
                .post("/api/payments")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "unprocessable"))
                .body("errors[0].field", equalTo("currency"))
                .body("detail", org.hamcrest.Matchers.containsString("KES"));
        assertThat(paymentsOf(appointment)).isZero();
    }

    @Test
    void shouldRejectInvalidAmounts() {
        TestAppointment appointment = seeds.book(TestAppointment.booked("100.00"));
        for (Object amount : new Object[] {"0", "-5.00", "1.005", 0.001, "12345678901.00", "ten"}) {
            Map<String, Object> body = Seeds.paymentBody(appointment, "1");
            body.put("amount", amount);
            given().auth()
                    .oauth2(TestTokens.staff())
                    .contentType("application/json")
                    .body(body)
                    .post("/api/payments")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "validation"))
                    .body("errors[0].field", equalTo("amount"));
        }
        assertThat(paymentsOf(appointment)).isZero();
    }

    @Test
    void shouldAcceptAmountAsJsonNumber() {
        TestAppointment appointment = seeds.book(TestAppointment.booked("100.00"));
        Map<String, Object> body = Seeds.paymentBody(appointment, "unused");
        body.put("amount", new java.math.BigDecimal("19.99"));

        given().auth()
                .oauth2(TestTokens.staff())
                .contentType("application/json")
                .body(body)
                .post("/api/payments")
                .then()
                .statusCode(201)
                .body("amount", equalTo("19.99"));
    }

    private long paymentsOf(TestAppointment appointment) {
        return database.count(
                "SELECT COUNT(*) FROM payment WHERE appointment_id = ?",
                appointment.id().toString());
    }
}
