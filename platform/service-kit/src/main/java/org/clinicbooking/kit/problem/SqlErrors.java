package org.clinicbooking.kit.problem;

import io.vertx.mysqlclient.MySQLException;
import java.sql.SQLException;

/**
 * Recognises MySQL and MariaDB error codes anywhere in a cause chain. The code arrives as a
 * Vert.x {@link MySQLException} from native queries, and as a {@link SQLException} wrapped in
 * Hibernate's {@code ConstraintViolationException} when Hibernate Reactive flushes an entity.
 */
public final class SqlErrors {

    private static final int DUPLICATE_KEY = 1062;
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    private static final int DEADLOCK = 1213;

    private SqlErrors() {}

    public static boolean isDuplicateKey(Throwable error) {
        return hasErrorCode(error, DUPLICATE_KEY, null);
    }

    /** Whether the duplicate key is on the named unique index, so callers can say which value clashed. */
    public static boolean isDuplicateKey(Throwable error, String indexName) {
        return hasErrorCode(error, DUPLICATE_KEY, indexName);
    }

    /** A deadlock or lock wait timeout: the transaction was rolled back and may be retried. */
    public static boolean isLockConflict(Throwable error) {
        return hasErrorCode(error, DEADLOCK, null) || hasErrorCode(error, LOCK_WAIT_TIMEOUT, null);
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
