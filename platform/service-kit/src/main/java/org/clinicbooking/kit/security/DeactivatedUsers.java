package org.clinicbooking.kit.security;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.clinicbooking.kit.inbox.IncomingEvent;
import org.clinicbooking.kit.inbox.MalformedEventException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The users whose tokens this service rejects before they expire, because user-service has
 * deactivated them. Each service stores their ids in its own {@code deactivated_user} table
 * (Flyway location {@code db/security}), in the transaction that learns of the deactivation.
 * Every replica keeps the ids in memory and reloads them every
 * {@code clinic.deactivated-users.refresh-interval}, so it learns of rows another replica stored,
 * and {@link DeactivatedUserCheck} needs no query per request.
 *
 * <p>Ids are only added, never removed, because user-service has no way to reactivate a user.
 */
@ApplicationScoped
public class DeactivatedUsers {

    /** The type of the event user-service publishes to {@code user-events}. Its data is the user. */
    public static final String DEACTIVATED_EVENT = "clinic.user.deactivated";

    private static final Logger LOG = Logger.getLogger(DeactivatedUsers.class);

    private static final String SELECT_ALL = "SELECT user_id FROM deactivated_user";

    // INSERT IGNORE keeps the first deactivation time when a user is recorded again, as by a replayed event.
    private static final String INSERT_NAMED =
            "INSERT IGNORE INTO deactivated_user (user_id, deactivated_at)" + " VALUES (:userId, :deactivatedAt)";
    private static final String INSERT_POSITIONAL =
            "INSERT IGNORE INTO deactivated_user (user_id, deactivated_at) VALUES (?, ?)";

    private final Pool pool;
    private final Duration refreshInterval;
    private final Set<UUID> userIds = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean reloading = new AtomicBoolean();
    private volatile boolean loaded;
    private volatile boolean failing;
    private Vertx vertx;
    private long timerId;

    public DeactivatedUsers(
            Pool pool,
            @ConfigProperty(name = "clinic.deactivated-users.refresh-interval", defaultValue = "2s")
                    Duration refreshInterval) {
        this.pool = pool;
        this.refreshInterval = refreshInterval;
    }

    /** Loads the ids at once and then every refresh interval. */
    void onStart(@Observes StartupEvent event, Vertx vertx) {
        this.vertx = vertx;
        timerId = vertx.setPeriodic(1, refreshInterval.toMillis(), ignored -> tick());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (vertx != null) {
            vertx.cancelTimer(timerId);
        }
    }

    /**
     * Emits whether the user is deactivated. Until the first load has succeeded, each call loads
     * the ids itself and fails when the database cannot be read, so a replica that has just
     * started never accepts a deactivated user's token.
     */
    public Uni<Boolean> isDeactivated(UUID userId) {
        if (loaded) {
            return Uni.createFrom().item(userIds.contains(userId));
        }
        return reload().map(ignored -> userIds.contains(userId));
    }

    /**
     * Stores a deactivation in the current Hibernate Reactive transaction. Every replica, this one
     * included, rejects the user's tokens after its next reload. Call {@link #remember} once the
     * transaction has committed to reject them here at once.
     */
    public Uni<Void> record(UUID userId, Instant deactivatedAt) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(INSERT_NAMED)
                        .setParameter("userId", userId.toString())
                        .setParameter("deactivatedAt", utc(deactivatedAt))
                        .executeUpdate())
                .invoke(inserted -> logRecorded(userId, inserted))
                .replaceWithVoid();
    }

    /** Stores a deactivation with the reactive SQL client, for a service that writes without Hibernate. */
    public Uni<Void> record(SqlClient transaction, UUID userId, Instant deactivatedAt) {
        return transaction
                .preparedQuery(INSERT_POSITIONAL)
                .execute(Tuple.of(userId.toString(), utc(deactivatedAt)))
                .invoke(result -> logRecorded(userId, result.rowCount()))
                .replaceWithVoid();
    }

    /**
     * Stores the deactivation that a {@value #DEACTIVATED_EVENT} event reports, in the current
     * Hibernate Reactive transaction, such as the one {@code Inbox.process} opens.
     *
     * @throws MalformedEventException when the data's {@code id} is missing, not a UUID or not the subject
     */
    public Uni<Void> record(IncomingEvent event) {
        UUID userId = event.uuid("id");
        if (!userId.toString().equals(event.subject())) {
            throw new MalformedEventException(
                    event.type() + " " + event.id() + " has subject " + event.subject() + " but data.id " + userId);
        }
        return record(userId, event.time());
    }

    /** Rejects the user's tokens on this replica at once. Call it after the deactivation has committed. */
    public void remember(UUID userId) {
        userIds.add(userId);
    }

    private void tick() {
        if (!reloading.compareAndSet(false, true)) {
            return;
        }
        reload().subscribe().with(ignored -> reloading.set(false), error -> {
            reloading.set(false);
            if (!failing) {
                failing = true;
                LOG.warnf("Could not reload the deactivated users, will retry: %s", error.getMessage());
            }
        });
    }

    private Uni<Void> reload() {
        return pool.query(SELECT_ALL)
                .execute()
                .invoke(rows -> {
                    for (Row row : rows) {
                        userIds.add(UUID.fromString(row.getString(0)));
                    }
                    loaded = true;
                    if (failing) {
                        failing = false;
                        LOG.infof("Reloaded the deactivated users again: %d in all", userIds.size());
                    }
                })
                .replaceWithVoid();
    }

    private static void logRecorded(UUID userId, int inserted) {
        if (inserted == 1) {
            LOG.infof("Recorded the deactivation of user %s: their tokens are rejected from now on", userId);
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
