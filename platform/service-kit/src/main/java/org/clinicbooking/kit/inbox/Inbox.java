package org.clinicbooking.kit.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicbooking.kit.problem.SqlErrors;
import org.jboss.logging.Logger;

/**
 * Remembers which events a consumer has applied. Call {@link #firstDelivery} inside the
 * consumer's transaction and apply the event only when it emits true: the id and the effect
 * then commit together, so a redelivery changes nothing.
 */
@ApplicationScoped
public class Inbox {

    // INSERT IGNORE works on MySQL and MariaDB and reports 0 affected rows for an id already stored.
    private static final String RECORD = "INSERT IGNORE INTO processed_event (event_id, event_type, processed_at)"
            + " VALUES (:eventId, :eventType, :processedAt)";

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(200);
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(10);

    /**
     * How long one attempt may take before it counts as failed and is retried. A query in flight
     * when MariaDB restarts can stay unanswered forever on the reactive client, and without this
     * bound its partition would stall until the service restarts.
     */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(30);

    private final Clock clock;
    private final ObjectMapper json;

    public Inbox(Clock clock, ObjectMapper json) {
        this.clock = clock;
        this.json = json;
    }

    /**
     * Applies a Kafka record once in effect: parses it, and in one transaction records its id
     * and runs the handler unless the id was seen before. A malformed record fails at once (the
     * channel's dead-letter strategy takes it). A transient database failure (lock conflict,
     * database down, no response within 30 s) is retried with back-off for as long as it lasts, on
     * the same partition, so an outage delays events but neither loses nor reorders them.
     *
     * <p>Call it from an {@code @Incoming} method without {@code @WithTransaction}: each retry needs
     * a fresh session and transaction.
     */
    public Uni<Void> process(ConsumerRecord<String, String> record, Function<IncomingEvent, Uni<Void>> handler) {
        return process(record, type -> true, handler);
    }

    /**
     * Like {@link #process(ConsumerRecord, Function)}, but skips events whose type the consumer
     * does not use without writing anything, so they cost no row in {@code processed_event}.
     */
    public Uni<Void> process(
            ConsumerRecord<String, String> record,
            Predicate<String> usedTypes,
            Function<IncomingEvent, Uni<Void>> handler) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(record, json);
        } catch (MalformedEventException e) {
            return Uni.createFrom().failure(e);
        }
        if (!usedTypes.test(event.type())) {
            return Uni.createFrom().voidItem();
        }
        Context context = Vertx.currentContext();
        Executor onContext =
                context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run());
        return Uni.createFrom()
                .deferred(() -> Panache.withTransaction(() -> firstDelivery(event)
                        .chain(first ->
                                first ? handler.apply(event) : Uni.createFrom().voidItem())))
                .ifNoItem()
                .after(ATTEMPT_TIMEOUT)
                .failWith(() -> new TimeoutException("The database did not respond within " + ATTEMPT_TIMEOUT))
                // Hibernate Reactive sessions live on the Vert.x context; resubscribe there after each back-off.
                .runSubscriptionOn(onContext)
                .onFailure(SqlErrors::isTransient)
                .invoke(error -> LOG.warnf(
                        "Event %s (%s) not applied, will retry: %s", event.id(), event.type(), error.getMessage()))
                .onFailure(SqlErrors::isTransient)
                .retry()
                .withBackOff(FIRST_RETRY_DELAY, MAX_RETRY_DELAY)
                .indefinitely();
    }

    public Uni<Boolean> firstDelivery(IncomingEvent event) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(RECORD)
                        .setParameter("eventId", event.id())
                        .setParameter("eventType", event.type())
                        .setParameter("processedAt", now)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
