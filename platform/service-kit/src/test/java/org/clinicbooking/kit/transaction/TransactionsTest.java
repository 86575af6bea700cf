package org.clinicbooking.kit.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import io.vertx.mysqlclient.MySQLException;
import jakarta.persistence.OptimisticLockException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.problem.ProblemType;
import org.clinicbooking.kit.problem.SqlErrors;
import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.Test;

/** Tests the retry policy alone, with plain Unis in place of transactions. The services' tests run it on MariaDB. */
class TransactionsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void conflictsAreRecognisedInCauseChains() {
        var stale = new StaleObjectStateException("Clinic", "42");
        var deadlock = new MySQLException("Deadlock found", 1213, "40001");

        assertThat(Transactions.isOptimisticLockFailure(new CompletionException(stale)))
                .isTrue();
        assertThat(Transactions.isOptimisticLockFailure(new OptimisticLockException("Row was updated")))
                .isTrue();
        assertThat(Transactions.isOptimisticLockFailure(deadlock)).isFalse();
        assertThat(Transactions.isConflict(new CompletionException(deadlock))).isTrue();
        assertThat(Transactions.isConflict(new IllegalStateException("other"))).isFalse();
    }

    @Test
    void conflictRunsTheWorkAgainUntilItSucceeds() {
        AtomicInteger attempts = new AtomicInteger();

        String result = Transactions.retrying(
                        "update of clinic 42",
                        () -> attempts.incrementAndGet() < 4
                                ? Uni.createFrom().failure(new StaleObjectStateException("Clinic", "42"))
                                : Uni.createFrom().item("saved"),
                        Transactions::isConflict)
                .await()
                .atMost(WAIT);

        assertThat(result).isEqualTo("saved");
        assertThat(attempts).hasValue(4);
    }

    @Test
    void retriesStopAfterTheMaximum() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> Transactions.retrying(
                                "update of clinic 42",
                                () -> {
                                    attempts.incrementAndGet();
                                    return Uni.createFrom()
                                            .failure(new MySQLException("Deadlock found", 1213, "40001"));
                                },
                                Transactions::isConflict)
                        .await()
                        .atMost(WAIT))
                .isInstanceOf(MySQLException.class);
        assertThat(attempts).hasValue(1 + Transactions.MAX_RETRIES);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> Transactions.retrying(
                                "status change of appointment 7",
                                () -> {
                                    attempts.incrementAndGet();
                                    return Uni.createFrom()
                                            .failure(new ProblemException(
                                                    ProblemType.INVALID_TRANSITION, "Already CONFIRMED."));
                                },
                                Transactions::isConflict)
                        .await()
                        .atMost(WAIT))
                .isInstanceOf(ProblemException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void lockConflictModeLetsOptimisticFailuresThrough() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> Transactions.retrying(
                                "payment for appointment 7",
                                () -> {
                                    attempts.incrementAndGet();
                                    return Uni.createFrom().failure(new StaleObjectStateException("Payment", "1"));
                                },
                                SqlErrors::isLockConflict)
                        .await()
                        .atMost(WAIT))
                .isInstanceOf(StaleObjectStateException.class);
        assertThat(attempts).hasValue(1);
    }
}
