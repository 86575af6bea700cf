package org.clinicbooking.billing.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.clinicbooking.billing.testing.BillingTest;
import org.clinicbooking.billing.testing.SchedulingEvents;
import org.clinicbooking.billing.testing.TestAppointment;
import org.clinicbooking.testkit.EventProbe;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SchedulingEventsConsumerTest extends BillingTest {

    private static final String DEAD_LETTERS = "test.billing-service.dlq";

    @Test
    void shouldDeadLetterMalformedRecords() {
        TestAppointment appointment = TestAppointment.booked("80.00");
        UUID id = appointment.id();
        String key = id.toString();

        try (EventProbe deadLetters = EventProbe.watch(bootstrapServers, DEAD_LETTERS)) {
            // All on one key, so they reach the consumer in this order.
            schedulingEvents.send(
                    key,
                    SchedulingEvents.headers(UUID.randomUUID().toString(), "clinic.appointment.booked", id),
                    "{not json");
            var withoutPatient = appointment.toResponse();
            withoutPatient.remove("patientId");
            schedulingEvents.publishRaw(id, "clinic.appointment.booked", SchedulingEvents.json(withoutPatient));
            RecordHeaders withoutId = SchedulingEvents.headers("not-a-uuid", "clinic.appointment.booked", id);
            schedulingEvents.send(key, withoutId, SchedulingEvents.json(appointment.toResponse()));
            schedulingEvents.publishRaw(id, "clinic.working-hours.changed", "{\"doctorId\":\"" + id + "\"}");
            schedulingEvents.publish("booked", appointment);

            database.awaitAppointment(id, "BOOKED");
            List<ConsumerRecord<String, String>> rejected =
                    deadLetters.await(r -> key.equals(r.key()), 3, Duration.ofSeconds(20));
            assertThat(rejected).hasSize(3);
            assertThat(rejected.get(0).value()).isEqualTo("{not json");
            assertThat(EventProbe.header(rejected.get(0), "dead-letter-reason")).contains("not valid JSON");
            assertThat(EventProbe.header(rejected.get(1), "dead-letter-reason")).contains("patientId");
            assertThat(EventProbe.header(rejected.get(2), "dead-letter-reason")).contains("ce_id");
            // The working-hours event is not billing's concern: skipped, not dead-lettered.
            assertThat(deadLetters.settle(r -> key.equals(r.key()), Duration.ofSeconds(2)))
                    .hasSize(3);
        }
    }

    @Test
    void shouldStoreEveryFieldBillingUses() {
        TestAppointment appointment = TestAppointment.booked("45.50", "USD");
        schedulingEvents.publish("booked", appointment);
        database.awaitAppointment(appointment.id(), "BOOKED");

        Row row = database.rows(
                        "SELECT * FROM appointment WHERE id = ?",
                        appointment.id().toString())
                .get(0);
        assertThat(row.getString("patient_id"))
                .isEqualTo(appointment.patientId().toString());
        assertThat(row.getString("doctor_id")).isEqualTo(appointment.doctorId().toString());
        assertThat(row.getString("clinic_id")).isEqualTo(appointment.clinicId().toString());
        assertThat(row.getString("service_id"))
                .isEqualTo(appointment.serviceId().toString());
        assertThat(row.getBigDecimal("price")).isEqualByComparingTo("45.50");
        assertThat(row.getString("currency")).isEqualTo("USD");
        assertThat(row.getLocalDateTime("start_at").toInstant(java.time.ZoneOffset.UTC))
                .isEqualTo(appointment.startAt());
    }

    @Test
    void shouldKeepNewerVersion() {
        TestAppointment booked = TestAppointment.booked("80.00");
        TestAppointment confirmed = booked.next("CONFIRMED");
        schedulingEvents.publish("confirmed", confirmed);
        schedulingEvents.publish("booked", booked);
        String marker = schedulingEvents.publish("confirmed", confirmed);

        database.awaitCount("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", 1, marker);
        Row row = database.rows(
                        "SELECT status, scheduling_version FROM appointment WHERE id = ?",
                        booked.id().toString())
                .get(0);
        assertThat(row.getString("status")).isEqualTo("CONFIRMED");
        assertThat(row.getLong("scheduling_version")).isEqualTo(1L);
    }
}
