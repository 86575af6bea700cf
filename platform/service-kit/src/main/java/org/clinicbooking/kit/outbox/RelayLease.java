package org.clinicbooking.kit.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.UUID;

/**
 * A lease in the database that lets one replica at a time run the relay. The holder renews it
 * on every round; when a replica dies its lease runs out and another takes over. Database time
 * is used on both sides, so clock skew between replicas does not matter.
 */
class RelayLease {

    private static final String ACQUIRE = "UPDATE outbox_relay_lease"
            + " SET holder = ?, expires_at = UTC_TIMESTAMP(6) + INTERVAL ? SECOND"
            + " WHERE name = 'outbox' AND (holder = ? OR holder IS NULL OR expires_at < UTC_TIMESTAMP(6))";

    private static final String RELEASE =
            "UPDATE outbox_relay_lease SET holder = NULL, expires_at = UTC_TIMESTAMP(6) WHERE name = 'outbox' AND holder = ?";

    private final Pool pool;
    private final String holder;
    private final int seconds;

    RelayLease(Pool pool, String replicaName, int seconds) {
        this.pool = pool;
        this.holder = replicaName + "/" + UUID.randomUUID();
        this.seconds = seconds;
    }

    /** Takes or renews the lease; emits whether this replica holds it now. */
    Uni<Boolean> tryAcquire() {
        return pool.preparedQuery(ACQUIRE)
                .execute(Tuple.of(holder, seconds, holder))
                .map(result -> result.rowCount() == 1);
    }

    Uni<Void> release() {
        return pool.preparedQuery(RELEASE).execute(Tuple.of(holder)).replaceWithVoid();
    }

    String holder() {
        return holder;
    }
}
