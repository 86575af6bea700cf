package org.clinicbooking.kit.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule violation that becomes a problem response. Services throw it (or fail a {@code Uni}
 * with it) and {@link ProblemMappers} turns it into {@code application/problem+json}.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of(), Map.of());
    }

    public ProblemException(
            ProblemType type, String detail, List<Problem.FieldError> errors, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.extensions = new LinkedHashMap<>(extensions);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " " + id + " does not exist.");
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(
                ProblemType.VALIDATION,
                field + ": " + message,
                List.of(new Problem.FieldError(field, message)),
                Map.of());
    }

    public ProblemType type() {
        return type;
    }

    public Problem toProblem() {
        return new Problem(type.uri(), type.title(), type.status(), getMessage(), errors, extensions);
    }
}
