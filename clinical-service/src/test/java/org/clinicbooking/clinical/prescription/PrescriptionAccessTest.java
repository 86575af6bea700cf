package org.clinicbooking.clinical.prescription;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.clinicbooking.clinical.fixtures.SchedulingEvents;
import org.clinicbooking.clinical.fixtures.SchedulingServiceStub;
import org.clinicbooking.clinical.fixtures.TestAppointment;
import org.clinicbooking.testkit.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = SchedulingServiceStub.class, scope = TestResourceScope.GLOBAL)
class PrescriptionAccessTest {

    @Inject
    SchedulingEvents scheduling;

    @Test
    void shouldRejectPatientReadingAnotherPatientsPrescription() {
        UUID patientId = UUID.randomUUID();
        UUID doctorId = UUID.randomUUID();
        String id = issue(scheduling.seed(TestAppointment.completed(patientId, doctorId)));

        given().auth()
                .oauth2(TestTokens.patient(UUID.randomUUID()))
                .get("/api/prescriptions/" + id)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://clinic-booking.org/problems/forbidden"));
        given().auth()
                .oauth2(TestTokens.doctor(UUID.randomUUID()))
                .get("/api/prescriptions/" + id)
                .then()
                .statusCode(403);

        given().auth()
                .oauth2(TestTokens.patient(patientId))
                .get("/api/prescriptions/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        given().auth()
                .oauth2(TestTokens.doctor(doctorId))
                .get("/api/prescriptions/" + id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.staff())
                .get("/api/prescriptions/" + id)
                .then()
                .statusCode(200);
    }

    @Test
    void shouldAnswerNotFoundForUnknownId() {
        given().auth()
                .oauth2(TestTokens.staff())
                .get("/api/prescriptions/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("type", equalTo("https://clinic-booking.org/problems/not-found"));
    }

    @Test
    void shouldListOnlyPatientsOwnPrescriptions() {
        UUID patientId = UUID.randomUUID();
        UUID doctorId = UUID.randomUUID();
        String first = issue(scheduling.seed(TestAppointment.completed(patientId, doctorId)));
        String second = issue(scheduling.seed(TestAppointment.completed(patientId, doctorId)));
        issue(scheduling.seed(TestAppointment.completed(UUID.randomUUID(), doctorId)));

        given().auth()
                .oauth2(TestTokens.patient(patientId))
                .get("/api/prescriptions")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.id", contains(second, first))
                .body("items.patientId", everyItem(equalTo(patientId.toString())));

        given().auth()
                .oauth2(TestTokens.patient(patientId))
                .queryParam("patientId", UUID.randomUUID())
                .get("/api/prescriptions")
                .then()
                .statusCode(403);
    }

    @Test
    void shouldPageDoctorsOwnPrescriptions() {
        UUID patientId = UUID.randomUUID();
        UUID doctorId = UUID.randomUUID();
        UUID otherDoctorId = UUID.randomUUID();
        TestAppointment appointment = scheduling.seed(TestAppointment.completed(patientId, doctorId));
        String first = issue(appointment);
        String second = issue(appointment);
        issue(scheduling.seed(TestAppointment.completed(patientId, otherDoctorId)));

        given().auth()
                .oauth2(TestTokens.doctor(doctorId))
                .queryParam("patientId", patientId)
                .queryParam("size", 1)
                .get("/api/prescriptions")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(2))
                .body("totalPages", equalTo(2))
                .body("items.id", contains(second));
        given().auth()
                .oauth2(TestTokens.doctor(doctorId))
                .queryParam("appointmentId", appointment.id())
                .queryParam("size", 1)
                .queryParam("page", 1)
                .get("/api/prescriptions")
                .then()
                .statusCode(200)
                .body("items.id", contains(first));

        given().auth()
                .oauth2(TestTokens.staff())
                .queryParam("patientId", patientId)
                .get("/api/prescriptions")
                .then()
                .statusCode(200)
                .body("items", hasSize(3));
    }

    @Test
    void shouldRejectPageSizeAboveLimit() {
        given().auth()
                .oauth2(TestTokens.staff())
                .queryParam("size", 101)
                .get("/api/prescriptions")
                .then()
                .statusCode(400)
                .body("errors.field", contains("size"));
    }

    private static String issue(TestAppointment appointment) {
        return given().auth()
                .oauth2(TestTokens.doctor(appointment.doctorId()))
                .contentType("application/json")
                .body(IssuePrescriptionTest.prescription(appointment.id()))
                .post("/api/prescriptions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
