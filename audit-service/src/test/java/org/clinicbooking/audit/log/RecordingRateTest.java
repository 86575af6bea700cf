package org.clinicbooking.audit.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Sends a batch of events through Kafka and logs how fast the consumer records them. The rate
 * is logged, never asserted: it depends on the machine and on whatever else runs on it. The
 * batch is kept small because every later test run reads the test topics again from their start.
 */
@QuarkusTest
class RecordingRateTest {

    private static final Logger LOG = Logger.getLogger(RecordingRateTest.class);

    private static final int EVENTS = 200;

    @Inject
    Pool pool;

    @Test
    void shouldRecordEveryEventOfBatch() throws InterruptedException {
        UUID actorId = UUID.randomUUID();
        TestEvent[] batch = new TestEvent[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            batch[i] = TestEvent.on("test.clinical-events").actor(actorId, "DOCTOR");
        }

        long began = System.nanoTime();
        TestKafka.send(batch);
        long recorded = 0;
        long deadline = began + TestKafka.CONSUMER_TIMEOUT.toNanos();
        while (recorded < EVENTS && System.nanoTime() < deadline) {
            Thread.sleep(50);
            recorded = countByActor(actorId);
        }
        long millis = Duration.ofNanos(System.nanoTime() - began).toMillis();
        LOG.infof(
                "Consumer recorded %d events sent in one batch in %d ms (%.0f events/s, from first send to last entry)",
                recorded, millis, recorded * 1000.0 / Math.max(millis, 1));

        assertThat(recorded).isEqualTo(EVENTS);
    }

    private long countByActor(UUID actorId) {
        return pool.preparedQuery("SELECT COUNT(*) FROM audit_entry WHERE actor_id = ?")
                .execute(Tuple.of(actorId.toString()))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong(0);
    }
}
