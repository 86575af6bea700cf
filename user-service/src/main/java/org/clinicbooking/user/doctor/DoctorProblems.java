package org.clinicbooking.user.doctor;

import java.util.List;
import java.util.Map;
import org.clinicbooking.kit.problem.Problem;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.problem.ProblemType;

/**
 * Problems of doctor requests. An id in the path that matches nothing is 404; an id in the
 * body that cannot be used (an unknown clinic, a user who is not a doctor) is 422 with the field.
 */
final class DoctorProblems {

    private DoctorProblems() {}

    static ProblemException unusableReference(String field, String message) {
        return new ProblemException(
                ProblemType.UNPROCESSABLE,
                field + ": " + message,
                List.of(new Problem.FieldError(field, message)),
                Map.of());
    }

    static ProblemException duplicateLicense(String licenseNumber) {
        return new ProblemException(
                ProblemType.DUPLICATE, "A doctor with the license number " + licenseNumber + " already exists.");
    }
}
