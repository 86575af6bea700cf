package org.clinicbooking.kit.transaction;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.persistence.OptimisticLockException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.clinicbooking.kit.problem.SqlErrors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;

/**
 * Runs a unit of work in a transaction of its own, and runs it again in a new transaction when it
 * lost a race with a concurrent transaction. Use it for changes the client sent without a
 * version, such as a full replacement (PUT) or an idempotent command: those should be applied one
 * after another, the last writer winning, instead of failing with 409 {@code concurrent-update}.
 *
 * <p>Each attempt opens a new Hibernate Reactive session, so it reads the committed state again
 * and checks every rule again on that state. A change that the new state no longer allows then
 * fails with that rule's own problem. Call these methods outside any session, that is not from a
 * method annotated {@code @WithSession} or {@code @WithTransaction}: Panache would reuse that
 * session and its stale entities.
 */
public final class Transactions {

    private static final Logger LOG = Logger.getLogger(Transactions.class);

    /**
     * Attempts after the first. With the back-off below they wait about 1.3 s in total: 10, 20,
     * 40, 80 and 160 ms, then 200 ms each. In ConcurrentClinicUpdateTest (user-service), 20
     * simultaneous updates of one clinic, repeated 8 times on a 2-core machine, needed at most 7.
     */
    static final int MAX_RETRIES = 10;

    /** The back-off doubles from the first delay up to the maximum, each delay varied by up to half. */
    static final Duration FIRST_BACK_OFF = Duration.ofMillis(10);

    static final Duration MAX_BACK_OFF = Duration.ofMillis(200);

    private static final double JITTER = 0.5;

    private Transactions() {}

    /**
     * Runs {@code work} in a new transaction, and again in a new transaction after an optimistic
     * lock failure (a stale {@code @Version}, or a row another transaction deleted) or a lock
     * conflict (deadlock, lock wait timeout), at most {@value #MAX_RETRIES} more times.
     *
     * @param operation what the work does, with the ids involved, for the log: "update of clinic 42"
     */
    public static <T> Uni<T> retryingConflicts(String operation, Supplier<Uni<T>> work) {
        return retrying(operation, () -> Panache.withTransaction(work), Transactions::isConflict);
    }

    /**
     * Like {@link #retryingConflicts}, but retries lock conflicts only. For work whose
     * {@code @Version} check, if any, must fail the request rather than run again.
     */
    public static <T> Uni<T> retryingLockConflicts(String operation, Supplier<Uni<T>> work) {
        return retrying(operation, () -> Panache.withTransaction(work), SqlErrors::isLockConflict);
    }

    /** Returns whether the failure is an optimistic lock failure or a lock conflict anywhere in its cause chain. */
    public static boolean isConflict(Throwable error) {
        return isOptimisticLockFailure(error) || SqlErrors.isLockConflict(error);
    }

    /**
     * Returns whether an UPDATE or DELETE of an entity matched no row, because another transaction
     * changed its version or deleted it since this one read it.
     */
    public static boolean isOptimisticLockFailure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return true;
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        return false;
    }

    /** Runs {@code attempt} and retries it with back-off while it fails with a {@code retryable} error. */
    static <T> Uni<T> retrying(String operation, Supplier<Uni<T>> attempt, Predicate<Throwable> retryable) {
        // Hibernate Reactive sessions live on the Vert.x context, and the back-off ends on a
        // worker thread, so each attempt is subscribed on the caller's context.
        Context context = Vertx.currentContext();
        Executor onContext =
                context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run());
        return Uni.createFrom().deferred(() -> {
            AtomicInteger failures = new AtomicInteger();
            return Uni.createFrom()
                    .deferred(attempt::get)
                    .runSubscriptionOn(onContext)
                    .onFailure(retryable)
                    .invoke(error -> logFailure(operation, failures.incrementAndGet(), error))
                    .onFailure(retryable)
                    .retry()
                    .withBackOff(FIRST_BACK_OFF, MAX_BACK_OFF)
                    .withJitter(JITTER)
                    .atMost(MAX_RETRIES);
        });
    }

    private static void logFailure(String operation, int failures, Throwable error) {
        String reason = isOptimisticLockFailure(error) ? "an optimistic lock failure" : "a lock conflict";
        if (failures > MAX_RETRIES) {
            LOG.warnf(
                    "Giving up the %s after %d attempts, the last one failed with %s: %s",
                    operation, failures, reason, error);
            return;
        }
        LOG.infof(
                "Retrying the %s in a new transaction after %s (retry %d of %d)",
                operation, reason, failures, MAX_RETRIES);
    }
}
