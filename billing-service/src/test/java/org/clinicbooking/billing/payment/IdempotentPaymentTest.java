package org.clinicbooking.billing.payment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicbooking.billing.testing.BillingTest;
import org.clinicbooking.billing.testing.ConcurrentPosts;
import org.clinicbooking.billing.testing.ConcurrentPosts.Reply;
import org.clinicbooking.billing.testing.SchedulingEvents;
import org.clinicbooking.billing.testing.Seeds;
import org.clinicbooking.billing.testing.TestAppointment;
import org.clinicbooking.testkit.EventProbe;
import org.clinicbooking.testkit.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotentPaymentTest extends BillingTest {

    @TestHTTPResource("/api/payments")
    URI payments;

    @Test
    void shouldRecordOnePaymentForTenConcurrentRetries() throws Exception {
        TestAppointment appointment = seeds.book(TestAppointment.booked("100.00"));
        String key = "retry-" + UUID.randomUUID();
        String token = TestTokens.staff();
        String body = SchedulingEvents.json(Seeds.paymentBody(appointment, "25.00"));

        try (EventProbe probe = EventProbe.watch(bootstrapServers, BILLING_EVENTS)) {
            List<Reply> replies = ConcurrentPosts.send(10, i -> ConcurrentPosts.post(payments, token, body, key));

            assertThat(replies).extracting(Reply::status).containsOnly(201);
            assertThat(replies)
                    .extracting(Reply::body)
                    .containsOnly(replies.get(0).body());
            assertThat(database.count(
                            "SELECT COUNT(*) FROM payment WHERE appointment_id = ?",
                            appointment.id().toString()))
                    .isEqualTo(1);
            assertThat(database.count("SELECT COUNT(*) FROM payment WHERE idempotency_key = ?", key))
                    .isEqualTo(1);
            assertThat(database.count("SELECT COUNT(*) FROM idempotency_record WHERE idempotency_key = ?", key))
                    .isEqualTo(1);

            String paymentId = given().auth()
                    .oauth2(token)
                    .queryParam("appointmentId", appointment.id().toString())
                    .get("/api/payments")
                    .then()
                    .statusCode(200)
                    .body("totalItems", equalTo(1))
                    .extract()
                    .path("items[0].id");
            assertThat(replies.get(0).body()).contains(paymentId);
            var recorded = probe.settle(
                    r -> "clinic.payment.recorded".equals(EventProbe.header(r, "ce_type"))
                            && r.value().contains(appointment.id().toString()),
                    Duration.ofSeconds(4));
            assertThat(recorded).hasSize(1);
            assertThat(recorded.get(0).key()).isEqualTo(paymentId);
        }
    }

    @Test
    void shouldReplayFirstResponseToRetry() {
        TestAppointment appointment = seeds.book(TestAppointment.booked("100.00"));
        String key = UUID.randomUUID().toString();
        String token = TestTokens.staff();
        Map<String, Object> body = Seeds.paymentBody(appointment, "25.00");

        String first = post(token, key, body).then().statusCode(201).extract().asString();
        // "25" is the same amount as "25.00", so this is the same request.
        body.put("amount", 25);
        var replay = post(token, key, body);

        replay.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(replay.asString()).isEqualTo(first);
        assertThat(database.count(
                        "SELECT COUNT(*) FROM payment WHERE appointment_id = ?",
                        appointment.id().toString()))
                .isEqualTo(1);
    }

    @Test
    void shouldRejectSameKeyWithDifferentBody() {
        TestAppointment appointment = seeds.book(TestAppointment.booked("100.00"));
        String key = UUID.randomUUID().toString();
        String token = TestTokens.staff();
        post(token, key, Seeds.paymentBody(appointment, "25.00")).then().statusCode(201);

        post(token, key, Seeds.paymentBody(appointment, "30.00"))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "unprocessable"))
                .body("detail", org.hamcrest.Matchers.containsString(key));
        // The same body from another staff member is another request too.
        post(TestTokens.staff(), key, Seeds.paymentBody(appointment, "25.00"))
                .then()
                .statusCode(422)
                .body("type", equalTo(PROBLEMS + "unprocessable"));

        assertThat(database.count(
                        "SELECT COUNT(*) FROM payment WHERE appointment_id = ?",
                        appointment.id().toString()))
                .isEqualTo(1);
    }

    @Test
    void shouldRejectMalformedKey() {
        TestAppointment appointment = seeds.book(TestAppointment.booked("100.00"));

        post(TestTokens.staff(), "has spaces", Seeds.paymentBody(appointment, "25.00"))
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
        post(TestTokens.staff(), "k".repeat(101), Seeds.paymentBody(appointment, "25.00"))
                .then()
                .statusCode(400);
    }

    private static io.restassured.response.Response post(String token, String key, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .header("Idempotency-Key", key)
                .contentType("application/json")
                .body(body)
                .post("/api/payments");
    }
}
