package org.clinicbooking.kit.problem;

import io.vertx.mysqlclient.MySQLException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Recognises MySQL and MariaDB error codes anywhere in a cause chain. The code arrives as a
 * Vert.x {@link MySQLException} from native queries, and as a {@link SQLException} wrapped in
 * Hibernate's {@code ConstraintViolationException} when Hibernate Reactive flushes an entity.
 */
public final class SqlErrors {

    private static final int DUPLICATE_KEY = 1062;
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    private static final int DEADLOCK = 1213;

    /**
     * Server and client codes that mean "the database is briefly unreachable": too many
     * connections, shutdown in progress, can't connect, server gone away, connection lost.
     */
    private static final Set<Integer> UNAVAILABLE = Set.of(1040, 1053, 2002, 2003, 2006, 2013);

    /**
     * The message of the failure that Vert.x 4.5 returns for a connection requested from a closed
     * pool. A consumer still running while the service shuts down gets it, and must leave its
     * record unacknowledged for the next start instead of sending it to the dead-letter topic.
     */
    private static final String POOL_CLOSED = "Pool closed";

    private SqlErrors() {}

    public static boolean isDuplicateKey(Throwable error) {
        return hasErrorCode(error, DUPLICATE_KEY, null);
    }

    /** Returns whether the duplicate key is on the named unique index, so callers can name the clashing value. */
    public static boolean isDuplicateKey(Throwable error, String indexName) {
        return hasErrorCode(error, DUPLICATE_KEY, indexName);
    }

    /** Returns whether the failure is a deadlock or lock wait timeout, after which the transaction was rolled back and may be retried. */
    public static boolean isLockConflict(Throwable error) {
        return hasErrorCode(error, DEADLOCK, null) || hasErrorCode(error, LOCK_WAIT_TIMEOUT, null);
    }

    /** Returns whether the database was unreachable or dropped the connection, so the same work may succeed later. */
    public static boolean isUnavailable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause instanceof SocketException
                    || cause instanceof ClosedConnectionException
                    || cause instanceof TimeoutException
                    || POOL_CLOSED.equals(cause.getMessage())
                    || UNAVAILABLE.contains(errorCode(cause))) {
                return true;
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        return false;
    }

    /** Returns whether the failure is unrelated to the work itself, so retrying it is safe and may succeed. */
    public static boolean isTransient(Throwable error) {
        return isLockConflict(error) || isUnavailable(error);
    }

    private static boolean hasErrorCode(Throwable error, int code, String messagePart) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (errorCode(cause) == code && (messagePart == null || mentions(cause, messagePart))) {
                return true;
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        return false;
    }

    private static int errorCode(Throwable cause) {
        if (cause instanceof MySQLException sql) {
            return sql.getErrorCode();
        }
        if (cause instanceof SQLException sql) {
            return sql.getErrorCode();
        }
        return -1;
    }

    private static boolean mentions(Throwable cause, String messagePart) {
        return cause.getMessage() != null && cause.getMessage().contains(messagePart);
    }
}
