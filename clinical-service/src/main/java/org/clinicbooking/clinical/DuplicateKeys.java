package org.clinicbooking.clinical;

import java.sql.SQLException;
import org.clinicbooking.kit.problem.SqlErrors;

/**
 * Recognises a MySQL or MariaDB duplicate-key error (code 1062) on a named unique index.
 *
 * <p>The kit's {@link SqlErrors} finds the reactive client's {@code MySQLException} only. A
 * failed insert that Hibernate Reactive flushes reaches the caller as Hibernate's
 * {@code ConstraintViolationException} around a plain {@link SQLException} that carries the
 * code and the server's message, with no {@code MySQLException} in the chain (seen with
 * Quarkus 3.33.2 on MariaDB 10.11). This class checks both forms.
 */
public final class DuplicateKeys {

    private static final int DUPLICATE_KEY = 1062;

    private DuplicateKeys() {}

    public static boolean isDuplicateKey(Throwable error, String indexName) {
        if (SqlErrors.isDuplicateKey(error, indexName)) {
            return true;
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
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
}
