package org.clinicbooking.scheduling.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;
import org.clinicbooking.scheduling.support.Api;
import org.clinicbooking.scheduling.support.ReadModel;
import org.clinicbooking.testkit.EventProbe;
import org.clinicbooking.testkit.TestTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BookingTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    ReadModel readModel;
    ReadModel.Practice practice;
    LocalDate monday;

    @BeforeEach
    void setUp() {
        readModel = new ReadModel(pool);
        practice = readModel.practice("Africa/Nairobi", 30);
        monday = Api.futureMonday();
        Api.openEveryDay(practice.doctorId(), "09:00", "17:00");
    }

    @Test
    void shouldBookAndPublishOneEvent() {
        UUID patientId = UUID.randomUUID();
        try (EventProbe probe = EventProbe.watch(bootstrapServers, "test.scheduling-events")) {
            String id = Api.book(TestTokens.patient(patientId), Api.booking(null, practice, monday + "T10:00:00+03:00"))
                    .statusCode(201)
                    .header("Location", notNullValue())
                    .body("patientId", equalTo(patientId.toString()))
                    .body("doctorId", equalTo(practice.doctorId().toString()))
                    .body("clinicId", equalTo(practice.clinicId().toString()))
                    .body("startAt", equalTo(monday + "T07:00:00Z"))
                    .body("endAt", equalTo(monday + "T07:30:00Z"))
                    .body("status", equalTo("BOOKED"))
                    .body("price", equalTo("45.00"))
                    .body("currency", equalTo("KES"))
                    .extract()
                    .path("id");

            var rows = readModel.rows("SELECT status, price, currency FROM appointment WHERE id = ?", id);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).getString("status")).isEqualTo("BOOKED");
            assertThat(rows.get(0).getBigDecimal("price")).isEqualByComparingTo("45.00");

            var events = probe.awaitEvents("clinic.appointment.booked", id, 1);
            assertThat(events).hasSize(1);
            assertThat(EventProbe.headers(events.get(0)))
                    .containsEntry("ce_actorid", patientId.toString())
                    .containsEntry("ce_actorrole", "PATIENT")
                    .containsEntry("ce_source", "scheduling-service");
            assertThat(events.get(0).value()).contains("\"startAt\":\"" + monday + "T07:00:00Z\"");
        }
    }
}
