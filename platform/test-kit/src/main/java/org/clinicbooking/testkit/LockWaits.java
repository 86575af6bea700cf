package org.clinicbooking.testkit;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Waits until a request under test waits for a row lock that the test's own open transaction
 * holds, so the test can then commit and know the request read the row before the commit.
 *
 * <p>It reads {@code SHOW ENGINE INNODB STATUS} because MariaDB 10.11's
 * {@code information_schema.innodb_trx} was seen reporting such a transaction as RUNNING, with no
 * query, for the whole wait.
 */
public final class LockWaits {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private LockWaits() {}

    /**
     * Polls until some transaction waits for a lock on {@code table}.
     *
     * @param innodbStatus runs {@code SHOW ENGINE INNODB STATUS} and returns its {@code Status} column
     * @param table the table as the status names it, with schema and backquotes: {@code `user_service_test`.`clinic`}
     * @param request the request under test; the wait fails at once if it finishes first
     * @throws AssertionError when the request finished without waiting, or no wait showed within 20 s
     */
    public static void await(Supplier<String> innodbStatus, String table, Future<?> request) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (String transaction : innodbStatus.get().split("---TRANSACTION")) {
                if (transaction.contains("LOCK WAIT") && transaction.contains(table)) {
                    return;
                }
            }
            if (request.isDone()) {
                throw new AssertionError(
                        "The request finished without waiting for a lock on " + table + ": " + request.get());
            }
            Thread.sleep(20);
        }
        throw new AssertionError(
                "No transaction waited for a lock on " + table + " within " + TIMEOUT.toSeconds() + " s");
    }
}
