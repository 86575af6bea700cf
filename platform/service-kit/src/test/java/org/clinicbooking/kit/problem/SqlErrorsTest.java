package org.clinicbooking.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.mysqlclient.MySQLException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {

    @Test
    void closedPoolIsTransient() {
        // What a consumer gets while the service shuts down: it must not dead-letter its record.
        Throwable closed = Future.failedFuture("Pool closed").cause();

        assertThat(SqlErrors.isTransient(closed)).isTrue();
        assertThat(SqlErrors.isTransient(new CompletionException(closed))).isTrue();
    }

    @Test
    void unreachableDatabaseIsTransient() {
        assertThat(SqlErrors.isTransient(new ConnectException("Connection refused")))
                .isTrue();
        assertThat(SqlErrors.isTransient(new TimeoutException("No answer"))).isTrue();
        assertThat(SqlErrors.isTransient(new MySQLException("Server shutdown in progress", 1053, "08S01")))
                .isTrue();
    }

    @Test
    void lockConflictIsTransient() {
        assertThat(SqlErrors.isTransient(new MySQLException("Deadlock found", 1213, "40001")))
                .isTrue();
        assertThat(SqlErrors.isLockConflict(new MySQLException("Lock wait timeout", 1205, "HY000")))
                .isTrue();
    }

    @Test
    void otherFailuresAreNotTransient() {
        assertThat(SqlErrors.isTransient(new MySQLException("Duplicate entry", 1062, "23000")))
                .isFalse();
        assertThat(SqlErrors.isTransient(new IllegalStateException("Pool is busy")))
                .isFalse();
        assertThat(SqlErrors.isDuplicateKey(new MySQLException("Duplicate entry", 1062, "23000")))
                .isTrue();
    }
}
