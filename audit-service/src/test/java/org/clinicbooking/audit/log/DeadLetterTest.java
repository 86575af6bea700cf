package org.clinicbooking.audit.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.UUID;
import org.clinicbooking.testkit.EventProbe;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeadLetterTest {

    @Inject
    Pool pool;

    @Test
    void shouldDeadLetterPoisonAndCarryOn() {
        // One key for all three records keeps them on one partition, in this order.
        String key = UUID.randomUUID().toString();
        TestEvent notJson = TestEvent.on("test.clinical-events").key(key).data("this is not JSON {");
        TestEvent noCloudEventHeaders = TestEvent.on("test.clinical-events")
                .key(key)
                .without("ce_specversion")
                .without("ce_id")
                .without("ce_source")
                .without("ce_type")
                .without("ce_subject")
                .without("ce_time")
                .without("ce_aggregatetype")
                .without("ce_actorid")
                .without("ce_actorrole");
        TestEvent valid = TestEvent.on("test.clinical-events").key(key);

        try (EventProbe deadLetters = EventProbe.watch(TestKafka.bootstrapServers(), "test.audit-service.dlq")) {
            TestKafka.send(notJson, noCloudEventHeaders, valid);

            var dead = deadLetters.await(r -> key.equals(r.key()), 2, TestKafka.CONSUMER_TIMEOUT);
            assertThat(dead).hasSize(2);
            assertThat(dead.get(0).value()).isEqualTo("this is not JSON {");
            assertThat(EventProbe.header(dead.get(0), "dead-letter-reason")).contains("the data is not valid JSON");
            assertThat(EventProbe.header(dead.get(1), "dead-letter-reason")).contains("missing header ce_id");
        }

        AuditLogRows rows = new AuditLogRows(pool);
        assertThat(rows.await(valid.id(), TestKafka.CONSUMER_TIMEOUT)).isPresent();
        assertThat(rows.byEventId(notJson.id())).isEmpty();
    }

    @Test
    void shouldDeadLetterEventWithUnknownActorRole() {
        String key = UUID.randomUUID().toString();
        TestEvent unknownRole = TestEvent.on("test.clinical-events").key(key).actor(UUID.randomUUID(), "JANITOR");

        try (EventProbe deadLetters = EventProbe.watch(TestKafka.bootstrapServers(), "test.audit-service.dlq")) {
            TestKafka.send(unknownRole);

            var dead = deadLetters.await(r -> key.equals(r.key()), 1, TestKafka.CONSUMER_TIMEOUT);
            assertThat(dead).hasSize(1);
            assertThat(EventProbe.header(dead.get(0), "dead-letter-reason")).contains("ce_actorrole");
        }
        assertThat(new AuditLogRows(pool).byEventId(unknownRole.id())).isEmpty();
    }
}
