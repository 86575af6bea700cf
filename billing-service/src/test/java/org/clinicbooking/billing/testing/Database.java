package org.clinicbooking.billing.testing;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads the test schema directly, to assert on the rows a request or an event left. */
public final class Database {

    /** Long enough for the consumer to work through what earlier runs left on the test topic. */
    private static final Duration EVENT_WAIT = Duration.ofSeconds(60);

    private final Pool pool;

    public Database(Pool pool) {
        this.pool = pool;
    }

    public List<Row> rows(String sql, Object... parameters) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(sql)
                .execute(Tuple.from(parameters))
                .await()
                .atMost(Duration.ofSeconds(10))
                .forEach(rows::add);
        return rows;
    }

    public long count(String sql, Object... parameters) {
        return rows(sql, parameters).get(0).getLong(0);
    }

    /** Waits until the read model contains the appointment in the given status, or fails. */
    public void awaitAppointment(Object appointmentId, String status) {
        awaitCount("SELECT COUNT(*) FROM appointment WHERE id = ? AND status = ?", 1, appointmentId.toString(), status);
    }

    /** Waits until the query counts {@code expected}, or fails with the last count. */
    public void awaitCount(String sql, long expected, Object... parameters) {
        long deadline = System.nanoTime() + EVENT_WAIT.toNanos();
        long actual = count(sql, parameters);
        while (actual != expected && System.nanoTime() < deadline) {
            sleep(100);
            actual = count(sql, parameters);
        }
        if (actual != expected) {
            throw new AssertionError("Expected " + expected + " from [" + sql + "] but found " + actual + " after "
                    + EVENT_WAIT.toSeconds() + " s");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
