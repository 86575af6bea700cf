package org.clinicbooking.scheduling.appointment;

import jakarta.persistence.OptimisticLockException;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.problem.ProblemType;
import org.hibernate.StaleStateException;

/** Recognises a failed {@code @Version} check anywhere in a cause chain and turns it into a 409. */
final class OptimisticConflicts {

    private OptimisticConflicts() {}

    static boolean isOptimisticConflict(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof StaleStateException || cause instanceof OptimisticLockException) {
                return true;
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        return false;
    }

    static Throwable concurrentUpdate(Throwable error) {
        return new ProblemException(
                ProblemType.CONCURRENT_UPDATE,
                "Another request changed this appointment at the same time. Reload it and try again.");
    }
}
