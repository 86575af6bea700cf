package org.clinicbooking.scheduling.appointment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.clinicbooking.scheduling.support.Api;
import org.clinicbooking.scheduling.support.ReadModel;
import org.clinicbooking.testkit.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where one active appointment ends and another may start. Staff book here, so working hours
 * play no part; the clinic is in UTC+03:00.
 */
@QuarkusTest
class BookingOverlapTest {

    private static final String CONFLICT = "https://clinic-booking.org/problems/booking-conflict";

    @Inject
    Pool pool;

    ReadModel readModel;
    ReadModel.Practice halfHour;
    ReadModel.Practice fullHour;
    LocalDate day;

    @BeforeEach
    void setUp() {
        readModel = new ReadModel(pool);
        halfHour = readModel.practice("Africa/Nairobi", 30);
        UUID hourService = readModel.service(60, new BigDecimal("80.00"), "KES", true);
        readModel.offer(halfHour.doctorId(), hourService);
        fullHour = new ReadModel.Practice(halfHour.clinicId(), halfHour.doctorId(), hourService);
        day = Api.futureMonday();
    }

    private String at(String localTime) {
        return day + "T" + localTime + ":00+03:00";
    }

    @Test
    void shouldAcceptTouchingAppointments() {
        Api.bookAsStaff(readModel.patient(), halfHour, at("10:00"));

        Api.bookAsStaff(readModel.patient(), halfHour, at("09:30"));
        Api.bookAsStaff(readModel.patient(), halfHour, at("10:30"));
    }

    @Test
    void shouldRejectSameStartWithConflictingTimes() {
        Api.bookAsStaff(readModel.patient(), halfHour, at("10:00"));

        Api.book(TestTokens.staff(), Api.booking(readModel.patient(), halfHour, at("10:00")))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(CONFLICT))
                .body("conflictingStartAt", equalTo(day + "T07:00:00Z"))
                .body("conflictingEndAt", equalTo(day + "T07:30:00Z"))
                .body("detail", containsString(day + "T07:00:00Z"))
                .body("detail", containsString(day + "T07:30:00Z"));
    }

    @Test
    void shouldRejectOverlapWithLongestAppointment() {
        UUID longest = readModel.service(480, new BigDecimal("900.00"), "KES", true);
        readModel.offer(halfHour.doctorId(), longest);
        var allDay = new ReadModel.Practice(halfHour.clinicId(), halfHour.doctorId(), longest);
        Api.bookAsStaff(readModel.patient(), allDay, at("08:00"));

        // A slot that ends just after the long appointment starts is the furthest from its end.
        Api.book(TestTokens.staff(), Api.booking(readModel.patient(), halfHour, at("07:45")))
                .statusCode(409)
                .body("type", equalTo(CONFLICT))
                .body("conflictingEndAt", equalTo(day + "T13:00:00Z"));
        Api.bookAsStaff(readModel.patient(), halfHour, at("16:00"));
    }

    @Test
    void shouldRejectLongerServiceInDatabase() {
        // The bounded overlap queries rely on this constraint.
        assertThatThrownBy(() -> readModel.service(481, new BigDecimal("900.00"), "KES", true))
                .hasMessageContaining("ck_medical_service_longest");
    }

    @Test
    void shouldRejectLongerAppointmentInDatabase() {
        String tooLong = "INSERT INTO appointment (id, patient_id, doctor_id, clinic_id, service_id, start_at, end_at,"
                + " status, price, currency, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?,"
                + " '2031-01-06 08:00:00', '2031-01-06 16:01:00', 'BOOKED', 1.00, 'KES', NOW(), NOW(), 0)";

        assertThatThrownBy(() -> readModel.execute(
                        tooLong,
                        UUID.randomUUID().toString(),
                        UUID.randomUUID().toString(),
                        halfHour.doctorId().toString(),
                        halfHour.clinicId().toString(),
                        halfHour.serviceId().toString()))
                .hasMessageContaining("ck_appointment_longest");
    }

    @Test
    void shouldRejectPartialOverlapOnEitherSide() {
        Api.bookAsStaff(readModel.patient(), halfHour, at("10:00"));

        Api.book(TestTokens.staff(), Api.booking(readModel.patient(), halfHour, at("09:45")))
                .statusCode(409)
                .body("type", equalTo(CONFLICT));
        Api.book(TestTokens.staff(), Api.booking(readModel.patient(), halfHour, at("10:15")))
                .statusCode(409)
                .body("type", equalTo(CONFLICT));
    }

    @Test
    void shouldRejectAppointmentContainingAnother() {
        Api.bookAsStaff(readModel.patient(), halfHour, at("10:15"));

        Api.book(TestTokens.staff(), Api.booking(readModel.patient(), fullHour, at("10:00")))
                .statusCode(409)
                .body("conflictingStartAt", equalTo(day + "T07:15:00Z"))
                .body("conflictingEndAt", equalTo(day + "T07:45:00Z"));
    }

    @Test
    void shouldRejectAppointmentContainedInAnother() {
        Api.bookAsStaff(readModel.patient(), fullHour, at("10:00"));

        Api.book(TestTokens.staff(), Api.booking(readModel.patient(), halfHour, at("10:15")))
                .statusCode(409)
                .body("conflictingStartAt", equalTo(day + "T07:00:00Z"))
                .body("conflictingEndAt", equalTo(day + "T08:00:00Z"));
    }

    @Test
    void shouldRejectPatientOverlapAcrossTwoDoctors() {
        UUID patientId = readModel.patient();
        ReadModel.Practice otherDoctor = readModel.practice("Africa/Nairobi", 30);
        Api.bookAsStaff(patientId, halfHour, at("10:00"));

        Api.book(TestTokens.staff(), Api.booking(patientId, otherDoctor, at("10:15")))
                .statusCode(409)
                .body("type", equalTo(CONFLICT))
                .body("detail", containsString("The patient"))
                .body("conflictingStartAt", equalTo(day + "T07:00:00Z"));
        Api.bookAsStaff(patientId, otherDoctor, at("10:30"));
    }

    @Test
    void shouldFreeTheTimeOfCancelledAppointment() {
        String first = Api.bookAsStaff(readModel.patient(), halfHour, at("10:00"));
        Api.changeStatus(TestTokens.staff(), first, "CANCELLED").statusCode(200);

        Api.bookAsStaff(readModel.patient(), halfHour, at("10:00"));
    }

    @Test
    void shouldKeepCompletedTimeBlocked() {
        String first = Api.bookAsStaff(readModel.patient(), halfHour, at("10:00"));
        Api.changeStatus(TestTokens.staff(), first, "CONFIRMED").statusCode(200);
        Api.changeStatus(TestTokens.staff(), first, "COMPLETED").statusCode(200);

        Api.book(TestTokens.staff(), Api.booking(readModel.patient(), halfHour, at("10:00")))
                .statusCode(409)
                .body("type", equalTo(CONFLICT));
    }
}
