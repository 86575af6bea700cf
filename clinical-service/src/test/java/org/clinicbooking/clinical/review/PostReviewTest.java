package org.clinicbooking.clinical.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicbooking.clinical.fixtures.Database;
import org.clinicbooking.clinical.fixtures.SchedulingEvents;
import org.clinicbooking.clinical.fixtures.SchedulingServiceStub;
import org.clinicbooking.clinical.fixtures.TestAppointment;
import org.clinicbooking.testkit.EventProbe;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = SchedulingServiceStub.class, scope = TestResourceScope.GLOBAL)
class PostReviewTest {

    private static final String PROBLEMS = "https://clinic-booking.org/problems/";

    @Inject
    SchedulingEvents scheduling;

    @Inject
    Database database;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void shouldAcceptOneReviewPerAppointment() {
        UUID patientId = UUID.randomUUID();
        UUID doctorId = UUID.randomUUID();
        TestAppointment appointment = scheduling.seed(TestAppointment.completed(patientId, doctorId));

        try (EventProbe probe = EventProbe.watch(bootstrapServers, "test.clinical-events")) {
            String id = Reviews.post(appointment, 4)
                    .statusCode(201)
                    .body("appointmentId", equalTo(appointment.id().toString()))
                    .body("doctorId", equalTo(doctorId.toString()))
                    .body("patientId", equalTo(patientId.toString()))
                    .body("rating", equalTo(4))
                    .body("showName", equalTo(false))
                    .extract()
                    .path("id");

            List<Row> rows = database.rows("SELECT doctor_id, patient_id, rating FROM review WHERE id = ?", id);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).getString("doctor_id")).isEqualTo(doctorId.toString());
            assertThat(rows.get(0).getInteger("rating")).isEqualTo(4);

            var events = probe.awaitEvents("clinic.review.posted", id, 1);
            assertThat(events).hasSize(1);
            var headers = EventProbe.headers(events.get(0));
            assertThat(headers).containsEntry("ce_actorid", patientId.toString());
            assertThat(headers).containsEntry("ce_actorrole", "PATIENT");
            assertThat(events.get(0).value()).contains("\"rating\":4");
        }

        Reviews.post(appointment, 5)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "duplicate"));
        assertThat(database.count(
                        "SELECT COUNT(*) FROM review WHERE appointment_id = ?",
                        appointment.id().toString()))
                .isEqualTo(1);
    }

    @Test
    void shouldRejectReviewBeforeCompletion() {
        TestAppointment appointment = scheduling.seed(
                TestAppointment.booked(UUID.randomUUID(), UUID.randomUUID()).next("CONFIRMED"));
        // WireMock answers 404 to the refresh, so the read model's CONFIRMED remains.

        Reviews.post(appointment, 5)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "conflict"));
        assertThat(database.count(
                        "SELECT COUNT(*) FROM review WHERE appointment_id = ?",
                        appointment.id().toString()))
                .isZero();
    }

    @Test
    void shouldRejectReviewOfCancelledAppointment() {
        TestAppointment appointment = scheduling.seed(
                TestAppointment.booked(UUID.randomUUID(), UUID.randomUUID()).next("CANCELLED"));

        Reviews.post(appointment, 5).statusCode(409).body("type", equalTo(PROBLEMS + "conflict"));
    }

    @Test
    void shouldRejectReviewByAnotherPatient() {
        TestAppointment appointment = scheduling.seed(TestAppointment.completed(UUID.randomUUID(), UUID.randomUUID()));

        Reviews.post(UUID.randomUUID(), Reviews.review(appointment.id(), 5))
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "forbidden"));
    }

    @Test
    void shouldRejectRatingsOutsideOneToFive() {
        TestAppointment appointment = scheduling.seed(TestAppointment.completed(UUID.randomUUID(), UUID.randomUUID()));

        for (int rating : new int[] {0, 6}) {
            Reviews.post(appointment, rating)
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "validation"))
                    .body("errors.field", contains("rating"));
        }
        assertThat(database.count(
                        "SELECT COUNT(*) FROM review WHERE appointment_id = ?",
                        appointment.id().toString()))
                .isZero();
    }

    @Test
    void shouldRejectCommentOver2000Characters() {
        TestAppointment appointment = scheduling.seed(TestAppointment.completed(UUID.randomUUID(), UUID.randomUUID()));
        Map<String, Object> body = Reviews.review(appointment.id(), 5);
        body.put("comment", "a".repeat(2001));

        Reviews.post(appointment.patientId(), body).statusCode(400).body("errors.field", contains("comment"));

        body.put("comment", "a".repeat(2000));
        Reviews.post(appointment.patientId(), body).statusCode(201);
    }
}
