package org.clinicbooking.audit.log;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads audit_entry rows straight from the database, as a test's independent check. */
final class AuditLogRows {

    private final Pool pool;

    AuditLogRows(Pool pool) {
        this.pool = pool;
    }

    List<Row> byEventId(String eventId) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery("SELECT * FROM audit_entry WHERE event_id = ?")
                .execute(Tuple.of(eventId))
                .await()
                .indefinitely()
                .forEach(rows::add);
        return rows;
    }

    /** Waits until the consumer has recorded the event, and returns its row; empty after the timeout. */
    Optional<Row> await(String eventId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Row> rows = byEventId(eventId);
            if (!rows.isEmpty()) {
                return Optional.of(rows.get(0));
            }
            if (System.nanoTime() > deadline) {
                return Optional.empty();
            }
            sleep(Duration.ofMillis(100));
        }
    }

    void execute(String sql, Tuple parameters) {
        pool.preparedQuery(sql).execute(parameters).await().indefinitely();
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for an audit entry", e);
        }
    }
}
