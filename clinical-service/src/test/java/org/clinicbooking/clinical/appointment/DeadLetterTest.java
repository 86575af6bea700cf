package org.clinicbooking.clinical.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicbooking.clinical.fixtures.SchedulingEvents;
import org.clinicbooking.clinical.fixtures.SchedulingServiceStub;
import org.clinicbooking.clinical.fixtures.TestAppointment;
import org.clinicbooking.testkit.EventProbe;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = SchedulingServiceStub.class, scope = TestResourceScope.GLOBAL)
class DeadLetterTest {

    private static final String DEAD_LETTER_TOPIC = "test.clinical-service.dlq";
    private static final int PARTITION = 2;

    @Inject
    SchedulingEvents scheduling;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void shouldDeadLetterMalformedRecordAndCarryOn() {
        String key = UUID.randomUUID().toString();
        Map<String, String> headers =
                SchedulingEvents.headers(UUID.randomUUID().toString(), "clinic.appointment.booked", key);

        try (EventProbe deadLetters = EventProbe.watch(bootstrapServers, DEAD_LETTER_TOPIC)) {
            scheduling.send(SchedulingEvents.record(PARTITION, key, "{not json", headers));
            TestAppointment next = TestAppointment.booked();
            scheduling.send(scheduling.record(UUID.randomUUID().toString(), next, PARTITION));

            var dead = deadLetters.await(record -> key.equals(record.key()), 1, Duration.ofSeconds(30));
            assertThat(dead).hasSize(1);
            ConsumerRecord<String, String> record = dead.get(0);
            assertThat(record.value()).isEqualTo("{not json");
            assertThat(EventProbe.header(record, "dead-letter-reason")).contains("not valid JSON");
            scheduling.awaitVersion(next.id(), next.version());
        }
    }

    @Test
    void shouldDeadLetterAppointmentEventWithoutStatus() {
        TestAppointment appointment = TestAppointment.booked();
        String key = appointment.id().toString();
        String withoutStatus = appointment.json().replace("\"status\":\"BOOKED\",", "");
        Map<String, String> headers =
                SchedulingEvents.headers(UUID.randomUUID().toString(), "clinic.appointment.booked", key);

        try (EventProbe deadLetters = EventProbe.watch(bootstrapServers, DEAD_LETTER_TOPIC)) {
            scheduling.send(SchedulingEvents.record(PARTITION, key, withoutStatus, headers));

            var dead = deadLetters.await(record -> key.equals(record.key()), 1, Duration.ofSeconds(30));
            assertThat(dead).hasSize(1);
            assertThat(EventProbe.header(dead.get(0), "dead-letter-reason")).contains("status");
        }
        assertThat(scheduling.readModelRow(appointment.id())).isNull();
    }
}
