package org.clinicbooking.billing.payment;

import java.sql.SQLException;
import org.clinicbooking.kit.problem.SqlErrors;

/**
 * Recognises a duplicate-key error (MySQL and MariaDB code 1062) however it arrives.
 * {@link SqlErrors#isDuplicateKey(Throwable)} looks for the Vert.x {@code MySQLException}, but
 * a failed Hibernate Reactive flush reports Hibernate's {@code ConstraintViolationException}
 * caused by a plain {@link SQLException} that contains the code, so both are checked here.
 */
final class DuplicateKeys {

    private static final int DUPLICATE_KEY = 1062;

    private DuplicateKeys() {}

    static boolean isDuplicateKey(Throwable error) {
        if (SqlErrors.isDuplicateKey(error)) {
            return true;
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == DUPLICATE_KEY) {
                return true;
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        return false;
    }
}
