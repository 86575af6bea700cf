package org.clinicbooking.scheduling.appointment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicbooking.scheduling.support.Api;
import org.clinicbooking.scheduling.support.ReadModel;
import org.clinicbooking.testkit.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which caller may book which patient, and when: patients within working time, staff also outside it. */
@QuarkusTest
class BookingRulesTest {

    private static final String UNPROCESSABLE = "https://clinic-booking.org/problems/unprocessable";

    @Inject
    Pool pool;

    ReadModel readModel;
    ReadModel.Practice practice;
    LocalDate day;

    @BeforeEach
    void setUp() {
        readModel = new ReadModel(pool);
        practice = readModel.practice("Africa/Nairobi", 30);
        day = Api.futureMonday();
        Api.openEveryDay(practice.doctorId(), "09:00", "17:00");
    }

    private String at(String localTime) {
        return day + "T" + localTime + ":00+03:00";
    }

    @Test
    void shouldRejectPatientBookingOutsideWorkingHours() {
        String patient = TestTokens.patient(UUID.randomUUID());

        Api.book(patient, Api.booking(null, practice, at("08:30")))
                .statusCode(422)
                .body("type", equalTo(UNPROCESSABLE))
                .body("detail", containsString("outside the working hours"));
        // Starts inside, ends after closing.
        Api.book(patient, Api.booking(null, practice, at("16:45"))).statusCode(422);
        Api.book(patient, Api.booking(null, practice, at("16:30"))).statusCode(201);
    }

    @Test
    void shouldRejectPatientBookingDuringTimeOff() {
        given().auth()
                .oauth2(TestTokens.doctor(practice.doctorId()))
                .contentType("application/json")
                .body(Map.of(
                        "periods",
                        List.of(Map.of("startAt", at("12:00"), "endAt", at("14:00"), "reason", "Conference"))))
                .put("/api/doctors/" + practice.doctorId() + "/time-off")
                .then()
                .statusCode(200);
        String patient = TestTokens.patient(UUID.randomUUID());

        Api.book(patient, Api.booking(null, practice, at("13:00")))
                .statusCode(422)
                .body("detail", containsString("away"));
        Api.book(patient, Api.booking(null, practice, at("11:45"))).statusCode(422);
        Api.book(patient, Api.booking(null, practice, at("11:30"))).statusCode(201);
        Api.book(patient, Api.booking(null, practice, at("14:00"))).statusCode(201);
    }

    @Test
    void shouldLetStaffBookAnyTime() {
        Api.book(TestTokens.staff(), Api.booking(readModel.patient(), practice, at("20:00")))
                .statusCode(201);
        Api.book(TestTokens.admin(), Api.booking(readModel.patient(), practice, "2021-06-01T10:00:00+03:00"))
                .statusCode(201)
                .body("startAt", equalTo("2021-06-01T07:00:00Z"));
    }

    @Test
    void shouldLetPatientBookOnlyForThemself() {
        UUID patientId = UUID.randomUUID();
        String token = TestTokens.patient(patientId);

        Api.book(token, Api.booking(UUID.randomUUID(), practice, at("10:00")))
                .statusCode(403)
                .contentType("application/problem+json");
        Api.book(token, Api.booking(patientId, practice, at("10:00")))
                .statusCode(201)
                .body("patientId", equalTo(patientId.toString()));
    }

    @Test
    void shouldRequireActivePatientForStaff() {
        Api.book(TestTokens.staff(), Api.booking(null, practice, at("10:00")))
                .statusCode(400)
                .body("errors[0].field", equalTo("patientId"));
        Api.book(TestTokens.staff(), Api.booking(UUID.randomUUID(), practice, at("10:00")))
                .statusCode(422)
                .body("errors[0].field", equalTo("patientId"));
        Api.book(TestTokens.staff(), Api.booking(practice.doctorId(), practice, at("10:00")))
                .statusCode(422)
                .body("errors[0].field", equalTo("patientId"));
    }

    @Test
    void shouldRejectBookingsByDoctors() {
        Api.book(TestTokens.doctor(practice.doctorId()), Api.booking(readModel.patient(), practice, at("10:00")))
                .statusCode(403);
    }

    @Test
    void shouldRejectInactiveDoctorAndService() {
        UUID inactiveDoctor = readModel.doctor(practice.clinicId(), false);
        readModel.offer(inactiveDoctor, practice.serviceId());
        Api.book(
                        TestTokens.staff(),
                        Api.booking(
                                readModel.patient(),
                                new ReadModel.Practice(practice.clinicId(), inactiveDoctor, practice.serviceId()),
                                at("10:00")))
                .statusCode(422)
                .body("errors[0].field", equalTo("doctorId"));

        UUID inactiveService = readModel.service(30, new BigDecimal("10.00"), "KES", false);
        readModel.offer(practice.doctorId(), inactiveService);
        Api.book(
                        TestTokens.staff(),
                        Api.booking(
                                readModel.patient(),
                                new ReadModel.Practice(practice.clinicId(), practice.doctorId(), inactiveService),
                                at("10:00")))
                .statusCode(422)
                .body("errors[0].field", equalTo("serviceId"));
    }

    @Test
    void shouldKeepThePriceOfTheBookingTime() {
        String id = Api.bookAsStaff(readModel.patient(), practice, at("10:00"));

        pool.preparedQuery("UPDATE medical_service SET price = 99.00 WHERE id = ?")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(practice.serviceId().toString()))
                .await()
                .indefinitely();

        given().auth()
                .oauth2(TestTokens.staff())
                .get("/api/appointments/" + id)
                .then()
                .statusCode(200)
                .body("price", equalTo("45.00"));
        var price = readModel
                .rows("SELECT price FROM appointment WHERE id = ?", id)
                .get(0)
                .getBigDecimal("price");
        assertThat(price).isEqualByComparingTo("45.00");
    }
}
