package org.clinicbooking.billing.payment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import org.clinicbooking.billing.testing.BillingTest;
import org.clinicbooking.billing.testing.ConcurrentPosts;
import org.clinicbooking.billing.testing.ConcurrentPosts.Reply;
import org.clinicbooking.billing.testing.SchedulingEvents;
import org.clinicbooking.billing.testing.Seeds;
import org.clinicbooking.billing.testing.TestAppointment;
import org.clinicbooking.testkit.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OverpaymentTest extends BillingTest {

    @TestHTTPResource("/api/payments")
    URI payments;

    @Test
    void shouldRejectOverpaymentNamingAmountOwed() {
        TestAppointment appointment = seeds.book(TestAppointment.booked("100.00"));
        seeds.pay(appointment, "70.00");

        given().auth()
                .oauth2(TestTokens.staff())
                .contentType("application/json")
                .body(Seeds.paymentBody(appointment, "40.00"))
                .post("/api/payments")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "unprocessable"))
                .body("amountOwed", equalTo("30.00"))
                .body("currency", equalTo("KES"))
                .body("detail", containsString("30.00 KES"));

        // Paying exactly what is owed is allowed, and then nothing more is.
        seeds.pay(appointment, "30.00");
        given().auth()
                .oauth2(TestTokens.staff())
                .contentType("application/json")
                .body(Seeds.paymentBody(appointment, "0.01"))
                .post("/api/payments")
                .then()
                .statusCode(422)
                .body("amountOwed", equalTo("0.00"));
        assertThat(paidTotal(appointment)).isEqualTo("100.00");
    }

    @Test
    void shouldNeverExceedPriceUnderConcurrentPayments() throws Exception {
        TestAppointment appointment = seeds.book(TestAppointment.booked("100.00"));
        String body = SchedulingEvents.json(Seeds.paymentBody(appointment, "30.00"));

        // Six payments of 30 against a price of 100: only three fit.
        List<Reply> replies =
                ConcurrentPosts.send(6, i -> ConcurrentPosts.post(payments, TestTokens.staff(), body, null));

        assertThat(replies).extracting(Reply::status).containsOnly(201, 422);
        assertThat(replies).filteredOn(reply -> reply.status() == 201).hasSize(3);
        assertThat(replies)
                .filteredOn(reply -> reply.status() == 422)
                .extracting(Reply::body)
                .allMatch(problem -> problem.contains("\"amountOwed\":\"10.00\""));
        assertThat(paidTotal(appointment)).isEqualTo("90.00");
    }

    private String paidTotal(TestAppointment appointment) {
        return database.rows(
                        "SELECT COALESCE(SUM(amount), 0) FROM payment WHERE appointment_id = ? AND status = 'COMPLETED'",
                        appointment.id().toString())
                .get(0)
                .getBigDecimal(0)
                .setScale(2)
                .toPlainString();
    }
}
