package org.clinicbooking.billing.refund;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicbooking.billing.testing.BillingTest;
import org.clinicbooking.billing.testing.Seeds;
import org.clinicbooking.billing.testing.TestAppointment;
import org.clinicbooking.testkit.EventProbe;
import org.clinicbooking.testkit.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CancellationRefundTest extends BillingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldRefundOnceWhenCancellationIsDeliveredTwice() throws Exception {
        TestAppointment appointment = seeds.book(TestAppointment.booked("100.00"));
        String deposit = seeds.pay(appointment, "60.00");
        String rest = seeds.pay(appointment, "15.50");
        TestAppointment cancelled = appointment.next("CANCELLED");
        String cancellationId = UUID.randomUUID().toString();

        try (EventProbe probe = EventProbe.watch(bootstrapServers, BILLING_EVENTS)) {
            schedulingEvents.publish("cancelled", cancelled, cancellationId);
            schedulingEvents.publish("cancelled", cancelled, cancellationId);
            // A later event about the same appointment travels on the same partition, so once it
            // is applied the duplicate before it has been consumed too.
            String marker = schedulingEvents.publish("cancelled", cancelled);
            database.awaitCount("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", 1, marker);

            for (String payment : List.of(deposit, rest)) {
                assertThat(database.count("SELECT COUNT(*) FROM refund WHERE payment_id = ?", payment))
                        .isEqualTo(1);
                given().auth()
                        .oauth2(TestTokens.staff())
                        .get("/api/payments/" + payment)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("REFUNDED"));
            }
            List<ConsumerRecord<String, String>> refunded = probe.settle(
                    r -> "clinic.payment.refunded".equals(EventProbe.header(r, "ce_type"))
                            && r.value().contains(appointment.id().toString()),
                    Duration.ofSeconds(4));
            assertThat(refunded).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(deposit, rest);

            ConsumerRecord<String, String> depositRefund = refunded.stream()
                    .filter(r -> r.key().equals(deposit))
                    .findFirst()
                    .orElseThrow();
            assertThat(EventProbe.headers(depositRefund)).containsEntry("ce_actorrole", "SYSTEM");
            assertThat(EventProbe.headers(depositRefund)).doesNotContainKey("ce_actorid");
            JsonNode data = JSON.readTree(depositRefund.value());
            assertThat(data.get("paymentId").asText()).isEqualTo(deposit);
            assertThat(data.get("appointmentId").asText())
                    .isEqualTo(appointment.id().toString());
            assertThat(data.get("patientId").asText())
                    .isEqualTo(appointment.patientId().toString());
            assertThat(data.get("amount").asText()).isEqualTo("60.00");
            assertThat(data.get("currency").asText()).isEqualTo("KES");
            assertThat(data.get("reason").asText()).isEqualTo("APPOINTMENT_CANCELLED");
            assertThat(data.get("refundId").asText())
                    .isEqualTo(database.rows("SELECT id FROM refund WHERE payment_id = ?", deposit)
                            .get(0)
                            .getString("id"));
            assertThat(data.get("refundedAt").asText()).isNotBlank();
        }

        given().auth()
                .oauth2(TestTokens.patient(appointment.patientId()))
                .queryParam("appointmentId", appointment.id().toString())
                .get("/api/payments/balance")
                .then()
                .statusCode(200)
                .body("price", equalTo("100.00"))
                .body("paid", equalTo("75.50"))
                .body("refunded", equalTo("75.50"))
                .body("owed", equalTo("0.00"));
    }

    @Test
    void shouldCancelUnpaidAppointmentWithoutRefunds() {
        TestAppointment appointment = seeds.book(TestAppointment.booked("100.00"));
        schedulingEvents.publish("cancelled", appointment.next("CANCELLED"));
        database.awaitAppointment(appointment.id(), "CANCELLED");

        given().auth()
                .oauth2(TestTokens.staff())
                .queryParam("appointmentId", appointment.id().toString())
                .get("/api/payments/balance")
                .then()
                .statusCode(200)
                .body("paid", equalTo("0.00"))
                .body("refunded", equalTo("0.00"))
                .body("owed", equalTo("0.00"));
        given().auth()
                .oauth2(TestTokens.staff())
                .contentType("application/json")
                .body(Seeds.paymentBody(appointment, "10.00"))
                .post("/api/payments")
                .then()
                .statusCode(409);
    }
}
