package org.clinicbooking.audit.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DuplicateEventTest {

    @Inject
    Pool pool;

    @Inject
    AuditRecorder recorder;

    @Test
    void shouldRecordRedeliveredEventOnce() {
        String subjectId = UUID.randomUUID().toString();
        TestEvent event = TestEvent.on("test.clinical-events").subject("review", subjectId);
        // Same key, so the same partition: once the follow-up is recorded, both deliveries were consumed.
        TestEvent followUp = TestEvent.on("test.clinical-events").subject("review", subjectId);

        TestKafka.send(event, event, followUp);

        AuditLogRows rows = new AuditLogRows(pool);
        assertThat(rows.await(followUp.id(), TestKafka.CONSUMER_TIMEOUT)).isPresent();
        assertThat(rows.byEventId(event.id())).hasSize(1);
    }

    @Test
    void shouldIgnoreSecondAppendOfEvent() {
        AuditEntryContent content = new AuditEntryContent(
                UUID.randomUUID().toString(),
                "clinic.payment.recorded",
                "billing-service",
                "payment",
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                "STAFF",
                Instant.now(),
                Instant.now(),
                "{\"amount\":\"45.00\"}");

        var first = recorder.record(content).await().indefinitely();
        var second = recorder.record(content).await().indefinitely();

        assertThat(first).isPresent();
        assertThat(second).isEmpty();
        assertThat(new AuditLogRows(pool).byEventId(content.eventId())).hasSize(1);
    }
}
