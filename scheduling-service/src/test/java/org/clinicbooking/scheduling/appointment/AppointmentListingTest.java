package org.clinicbooking.scheduling.appointment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;
import org.clinicbooking.scheduling.support.Api;
import org.clinicbooking.scheduling.support.ReadModel;
import org.clinicbooking.testkit.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Listing and reading appointments: each role gets only the appointments it may read. */
@QuarkusTest
class AppointmentListingTest {

    @Inject
    Pool pool;

    ReadModel readModel;
    ReadModel.Practice practice;
    ReadModel.Practice otherPractice;
    LocalDate day;
    UUID patientId;
    String first;
    String second;
    String withOtherDoctor;
    String ofOtherPatient;

    @BeforeEach
    void setUp() {
        readModel = new ReadModel(pool);
        practice = readModel.practice("Africa/Nairobi", 30);
        otherPractice = readModel.practice("Africa/Nairobi", 30);
        day = Api.futureMonday();
        patientId = readModel.patient();
        first = Api.bookAsStaff(patientId, practice, day + "T09:00:00+03:00");
        second = Api.bookAsStaff(patientId, practice, day.plusDays(1) + "T09:00:00+03:00");
        withOtherDoctor = Api.bookAsStaff(patientId, otherPractice, day.plusDays(2) + "T09:00:00+03:00");
        ofOtherPatient = Api.bookAsStaff(readModel.patient(), practice, day + "T10:00:00+03:00");
        Api.changeStatus(TestTokens.staff(), second, "CONFIRMED").statusCode(200);
    }

    @Test
    void shouldShowPatientOnlyOwn() {
        given().auth()
                .oauth2(TestTokens.patient(patientId))
                .get("/api/appointments")
                .then()
                .statusCode(200)
                .body("items.id", contains(first, second, withOtherDoctor))
                .body("totalItems", equalTo(3));

        UUID otherPatient = UUID.fromString(readModel
                .rows("SELECT patient_id FROM appointment WHERE id = ?", ofOtherPatient)
                .get(0)
                .getString(0));
        given().auth()
                .oauth2(TestTokens.patient(patientId))
                .queryParam("patientId", otherPatient.toString())
                .get("/api/appointments")
                .then()
                .statusCode(200)
                .body("items.patientId", everyItem(equalTo(patientId.toString())));
    }

    @Test
    void shouldShowDoctorOnlyTheirOwn() {
        given().auth()
                .oauth2(TestTokens.doctor(practice.doctorId()))
                .queryParam("doctorId", otherPractice.doctorId().toString())
                .get("/api/appointments")
                .then()
                .statusCode(200)
                .body("items.id", contains(first, ofOtherPatient, second));
    }

    @Test
    void shouldFilterAndPageForStaff() {
        String staff = TestTokens.staff();
        given().auth()
                .oauth2(staff)
                .queryParam("doctorId", practice.doctorId().toString())
                .queryParam("status", "CONFIRMED")
                .get("/api/appointments")
                .then()
                .statusCode(200)
                .body("items.id", contains(second));

        given().auth()
                .oauth2(staff)
                .queryParam("patientId", patientId.toString())
                .queryParam("from", day.plusDays(1) + "T00:00:00+03:00")
                .queryParam("to", day.plusDays(2) + "T00:00:00+03:00")
                .get("/api/appointments")
                .then()
                .body("items.id", contains(second));

        given().auth()
                .oauth2(staff)
                .queryParam("clinicId", otherPractice.clinicId().toString())
                .get("/api/appointments")
                .then()
                .body("items.id", contains(withOtherDoctor));

        given().auth()
                .oauth2(staff)
                .queryParam("patientId", patientId.toString())
                .queryParam("size", 2)
                .queryParam("page", 1)
                .get("/api/appointments")
                .then()
                .body("items.id", contains(withOtherDoctor))
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2))
                .body("page", equalTo(1));
    }

    @Test
    void shouldRejectInvalidFilters() {
        String staff = TestTokens.staff();
        given().auth()
                .oauth2(staff)
                .queryParam("status", "DONE")
                .get("/api/appointments")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().auth()
                .oauth2(staff)
                .queryParam("from", "2030-01-01T00:00:00")
                .get("/api/appointments")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().auth()
                .oauth2(staff)
                .queryParam("doctorId", "x")
                .get("/api/appointments")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(staff)
                .queryParam("size", 101)
                .get("/api/appointments")
                .then()
                .statusCode(400);
    }

    @Test
    void shouldReadOnlyOwnAppointment() {
        given().auth()
                .oauth2(TestTokens.patient(patientId))
                .get("/api/appointments/" + first)
                .then()
                .statusCode(200)
                .body("id", equalTo(first));
        given().auth()
                .oauth2(TestTokens.doctor(practice.doctorId()))
                .get("/api/appointments/" + first)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.patient(patientId))
                .get("/api/appointments/" + ofOtherPatient)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.doctor(otherPractice.doctorId()))
                .get("/api/appointments/" + first)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.staff())
                .get("/api/appointments/" + UUID.randomUUID())
                .then()
                .statusCode(404);
    }
}
