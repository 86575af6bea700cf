package org.clinicbooking.billing.payment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.clinicbooking.billing.testing.BillingTest;
import org.clinicbooking.billing.testing.Seeds;
import org.clinicbooking.billing.testing.TestAppointment;
import org.clinicbooking.testkit.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PaymentAccessTest extends BillingTest {

    @Test
    void shouldLetOnlyStaffAndAdminsRecordPayments() {
        TestAppointment appointment = seeds.book(TestAppointment.booked("100.00"));

        for (String token :
                List.of(TestTokens.patient(appointment.patientId()), TestTokens.doctor(appointment.doctorId()))) {
            given().auth()
                    .oauth2(token)
                    .contentType("application/json")
                    .body(Seeds.paymentBody(appointment, "10.00"))
                    .post("/api/payments")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "forbidden"));
        }
        given().contentType("application/json")
                .body(Seeds.paymentBody(appointment, "10.00"))
                .post("/api/payments")
                .then()
                .statusCode(401)
                .body("type", equalTo(PROBLEMS + "unauthorized"));
        seeds.pay(appointment, "10.00");
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/json")
                .body(Seeds.paymentBody(appointment, "10.00"))
                .post("/api/payments")
                .then()
                .statusCode(201);

        assertThat(database.count(
                        "SELECT COUNT(*) FROM payment WHERE appointment_id = ?",
                        appointment.id().toString()))
                .isEqualTo(2);
    }

    @Test
    void shouldForbidPatientReadingAnotherPatientsPayment() {
        TestAppointment mine = seeds.book(TestAppointment.booked("100.00"));
        TestAppointment theirs = seeds.book(TestAppointment.booked("100.00"));
        String myPayment = seeds.pay(mine, "10.00");
        String theirPayment = seeds.pay(theirs, "10.00");
        String me = TestTokens.patient(mine.patientId());

        given().auth().oauth2(me).get("/api/payments/" + myPayment).then().statusCode(200);
        given().auth()
                .oauth2(me)
                .get("/api/payments/" + theirPayment)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "forbidden"));
        given().auth()
                .oauth2(me)
                .queryParam("appointmentId", theirs.id().toString())
                .get("/api/payments/balance")
                .then()
                .statusCode(403);
    }

    @Test
    void shouldListOnlyPatientsOwnPayments() {
        UUID patient = UUID.randomUUID();
        TestAppointment first = seeds.book(TestAppointment.booked("100.00").forPatient(patient));
        TestAppointment second = seeds.book(TestAppointment.booked("50.00").forPatient(patient));
        TestAppointment someoneElses = seeds.book(TestAppointment.booked("100.00"));
        String older = seeds.pay(first, "10.00");
        String newer = seeds.pay(second, "20.00");
        seeds.pay(someoneElses, "30.00");
        String token = TestTokens.patient(patient);

        given().auth()
                .oauth2(token)
                .get("/api/payments")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.id", org.hamcrest.Matchers.contains(newer, older));
        given().auth()
                .oauth2(token)
                .queryParam("patientId", someoneElses.patientId().toString())
                .get("/api/payments")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(token)
                .queryParam("appointmentId", someoneElses.id().toString())
                .get("/api/payments")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
    }

    @Test
    void shouldShowDoctorOnlyPaymentsOfOwnAppointments() {
        UUID doctor = UUID.randomUUID();
        TestAppointment own = seeds.book(TestAppointment.booked("100.00").withDoctor(doctor));
        TestAppointment other = seeds.book(TestAppointment.booked("100.00"));
        String ownPayment = seeds.pay(own, "10.00");
        String otherPayment = seeds.pay(other, "10.00");
        String token = TestTokens.doctor(doctor);

        given().auth()
                .oauth2(token)
                .get("/api/payments")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(ownPayment));
        given().auth().oauth2(token).get("/api/payments/" + ownPayment).then().statusCode(200);
        given().auth().oauth2(token).get("/api/payments/" + otherPayment).then().statusCode(403);
        given().auth()
                .oauth2(token)
                .queryParam("appointmentId", own.id().toString())
                .get("/api/payments/balance")
                .then()
                .statusCode(200)
                .body("owed", equalTo("90.00"));
        given().auth()
                .oauth2(token)
                .queryParam("appointmentId", other.id().toString())
                .get("/api/payments/balance")
                .then()
                .statusCode(403);
    }

    @Test
    void shouldFilterStaffListingAndValidatePaging() {
        TestAppointment appointment = seeds.book(TestAppointment.booked("100.00"));
        seeds.pay(appointment, "10.00");
        seeds.pay(appointment, "10.00");
        String staff = TestTokens.staff();

        given().auth()
                .oauth2(staff)
                .queryParam("patientId", appointment.patientId().toString())
                .queryParam("status", "COMPLETED")
                .queryParam("size", 1)
                .get("/api/payments")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(2))
                .body("totalPages", equalTo(2))
                .body("items.size()", equalTo(1));
        given().auth()
                .oauth2(staff)
                .queryParam("patientId", appointment.patientId().toString())
                .queryParam("status", "REFUNDED")
                .get("/api/payments")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
        given().auth()
                .oauth2(staff)
                .queryParam("size", 101)
                .get("/api/payments")
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation"));
        given().auth()
                .oauth2(staff)
                .queryParam("status", "PAID")
                .get("/api/payments")
                .then()
                .statusCode(400);
        given().auth().oauth2(staff).get("/api/payments/not-a-uuid").then().statusCode(400);
        given().auth()
                .oauth2(staff)
                .get("/api/payments/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("type", equalTo(PROBLEMS + "not-found"));
        given().auth()
                .oauth2(staff)
                .get("/api/payments/balance")
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation"));
    }
}
