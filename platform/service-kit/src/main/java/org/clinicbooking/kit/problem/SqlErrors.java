package org.clinicbooking.kit.problem;

import io.vertx.mysqlclient.MySQLException;

/** Recognises MySQL and MariaDB error codes anywhere in a cause chain. */
public final class SqlErrors {

    private static final int DUPLICATE_KEY = 1062;
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    private static final int DEADLOCK = 1213;

    private SqlErrors() {}

    public static boolean isDuplicateKey(Throwable error) {
        return hasErrorCode(error, DUPLICATE_KEY);
    }

    /** A deadlock or lock wait timeout: the transaction was rolled back and may be retried. */
    public static boolean isLockConflict(Throwable error) {
        return hasErrorCode(error, DEADLOCK) || hasErrorCode(error, LOCK_WAIT_TIMEOUT);
    }

    /** Whether the duplicate key is on the named unique index, so callers can say which value clashed. */
    public static boolean isDuplicateKey(Throwable error, String indexName) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof MySQLException sql
                    && sql.getErrorCode() == DUPLICATE_KEY
                    && sql.getMessage() != null
                    && sql.getMessage().contains(indexName)) {
                return true;
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        return false;
    }

    private static boolean hasErrorCode(Throwable error, int code) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof MySQLException sql && sql.getErrorCode() == code) {
                return true;
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        return false;
    }
}
