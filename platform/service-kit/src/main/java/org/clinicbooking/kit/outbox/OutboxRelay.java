package org.clinicbooking.kit.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka in commit order and marks them published. One replica at a
 * time holds the {@link RelayLease}; a crash between the send and the mark makes the row go
 * out again, so delivery is at least once and consumers deduplicate by event id.
 */
@ApplicationScoped
@IfBuildProperty(name = "clinic.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** Rounds per tick: a backlog drains quickly, yet one tick never runs without bound. */
    private static final int MAX_ROUNDS_PER_TICK = 50;

    private static final Duration FAILURE_LOG_INTERVAL = Duration.ofSeconds(30);

    private static final String SELECT_PENDING = "SELECT id, event_id, event_type, aggregate_type, aggregate_id,"
            + " actor_id, actor_role, trace_parent, payload, occurred_at"
            + " FROM outbox_event WHERE published_at IS NULL ORDER BY id LIMIT ?";

    private static final String DELETE_OLD_PUBLISHED =
            "DELETE FROM outbox_event WHERE published_at < UTC_TIMESTAMP(6) - INTERVAL ? DAY LIMIT 5000";

    private final Pool pool;
    private final OutboxPublisher publisher;
    private final RelayLease lease;
    private final int batchSize;
    private final int retentionDays;
    private final AtomicLong lastFailureLog = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Duration pollInterval;
    private final Duration initialDelay;
    private Vertx vertx;
    private long timerId;
    private volatile boolean failing;

    public OutboxRelay(
            Pool pool,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "clinic.outbox.topic") String topic,
            @ConfigProperty(name = "clinic.outbox.source") String source,
            @ConfigProperty(name = "clinic.outbox.batch-size", defaultValue = "200") int batchSize,
            @ConfigProperty(name = "clinic.outbox.lease-seconds", defaultValue = "15") int leaseSeconds,
            @ConfigProperty(name = "clinic.outbox.send-timeout", defaultValue = "10s") Duration sendTimeout,
            @ConfigProperty(name = "clinic.outbox.retention-days", defaultValue = "7") int retentionDays,
            @ConfigProperty(name = "clinic.outbox.poll-interval", defaultValue = "0.2s") Duration pollInterval,
            @ConfigProperty(name = "clinic.outbox.initial-delay", defaultValue = "1s") Duration initialDelay) {
        this.pollInterval = pollInterval;
        this.initialDelay = initialDelay;
        this.pool = pool;
        this.publisher = new OutboxPublisher(kafkaConfig, topic, source, sendTimeout);
        this.lease = new RelayLease(pool, source, leaseSeconds);
        this.batchSize = batchSize;
        this.retentionDays = retentionDays;
    }

    /**
     * Starts polling the outbox. A Vert.x timer drives it because Quarkus' simple scheduler does
     * not run jobs more often than once a second, which would add up to a second of event lag.
     */
    void onStart(@Observes StartupEvent event, Vertx vertx) {
        timerId = vertx.setPeriodic(initialDelay.toMillis(), pollInterval.toMillis(), ignored -> tick());
        this.vertx = vertx;
    }

    private void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        relay().subscribe().with(done -> running.set(false), error -> running.set(false));
    }

    Uni<Void> relay() {
        return publishRounds(MAX_ROUNDS_PER_TICK)
                .invoke(this::recovered)
                .onFailure()
                .invoke(this::logFailure)
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** Publishes everything pending now and returns how many events went out; tests call it directly. */
    public Uni<Integer> publishPending() {
        return publishRounds(MAX_ROUNDS_PER_TICK);
    }

    @Scheduled(identity = "outbox-retention", every = "1h", delayed = "1m")
    Uni<Void> deleteOldPublished() {
        return pool.preparedQuery(DELETE_OLD_PUBLISHED)
                .execute(Tuple.of(retentionDays))
                .invoke(result -> {
                    if (result.rowCount() > 0) {
                        LOG.infof(
                                "Deleted %d published outbox events older than %d days",
                                result.rowCount(), retentionDays);
                    }
                })
                .replaceWithVoid();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (vertx != null) {
            vertx.cancelTimer(timerId);
        }
        try {
            lease.release().await().atMost(Duration.ofSeconds(2));
        } catch (RuntimeException e) {
            LOG.debugf("Outbox lease not released at shutdown: %s", e.getMessage());
        }
        publisher.close();
    }

    private Uni<Integer> publishRounds(int roundsLeft) {
        return lease.tryAcquire().chain(leader -> {
            if (!leader) {
                return Uni.createFrom().item(0);
            }
            return publishBatch().chain(published -> {
                if (published < batchSize || roundsLeft <= 1) {
                    return Uni.createFrom().item(published);
                }
                return publishRounds(roundsLeft - 1).map(more -> published + more);
            });
        });
    }

    private Uni<Integer> publishBatch() {
        return pool.preparedQuery(SELECT_PENDING)
                .execute(Tuple.of(batchSize))
                .map(rows -> {
                    List<PendingEvent> events = new ArrayList<>();
                    for (Row row : rows) {
                        events.add(toPendingEvent(row));
                    }
                    return events;
                })
                .chain(events -> events.isEmpty() ? Uni.createFrom().item(0) : sendAndMark(events));
    }

    private Uni<Integer> sendAndMark(List<PendingEvent> events) {
        return Uni.createFrom()
                .item(() -> publisher.sendInOrder(events))
                // KafkaProducer.send can block while it waits for metadata: keep it off the event loop.
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(OutboxPublisher.Outcome::await)
                .chain(outcome -> markPublished(outcome.publishedIds())
                        .invoke(() -> {
                            if (outcome.failure() != null) {
                                throw new OutboxPublishException(outcome.failure());
                            }
                        })
                        .replaceWith(outcome.publishedIds().size()));
    }

    private Uni<Void> markPublished(List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String placeholders = ids.stream().map(id -> "?").collect(Collectors.joining(", "));
        String sql = "UPDATE outbox_event SET published_at = UTC_TIMESTAMP(6) WHERE id IN (" + placeholders + ")";
        return pool.preparedQuery(sql)
                .execute(Tuple.from(new ArrayList<Object>(ids)))
                .replaceWithVoid();
    }

    private static PendingEvent toPendingEvent(Row row) {
        LocalDateTime occurredAt = row.getLocalDateTime("occurred_at");
        return new PendingEvent(
                row.getLong("id"),
                row.getString("event_id"),
                row.getString("event_type"),
                row.getString("aggregate_type"),
                row.getString("aggregate_id"),
                row.getString("actor_id"),
                row.getString("actor_role"),
                row.getString("trace_parent"),
                row.getString("payload"),
                occurredAt.toInstant(ZoneOffset.UTC));
    }

    private void logFailure(Throwable error) {
        long now = System.nanoTime();
        long last = lastFailureLog.get();
        if (!failing || now - last > FAILURE_LOG_INTERVAL.toNanos()) {
            lastFailureLog.set(now);
            LOG.warnf("Outbox relay could not publish, will retry: %s", error.getMessage());
        }
        failing = true;
    }

    private void recovered(int published) {
        if (failing) {
            failing = false;
            LOG.infof("Outbox relay publishing again; %d events sent in this round", published);
        }
    }

    /** Raised after the events that did go out were marked, so the round reports the failure. */
    static class OutboxPublishException extends RuntimeException {
        OutboxPublishException(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
