package org.clinicbooking.kit.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure a request can meet into an RFC 9457 problem. Unexpected errors are
 * logged with a reference, and their response contains no class names or stack traces.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response validation(ResteasyReactiveViolationException e) {
        return violations(e);
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream()
                .map(error -> error.field() + " " + error.message())
                .collect(Collectors.joining("; ", "", "."));
        return respond(new Problem(
                ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(), 400, detail, errors, Map.of()));
    }

    // Quarkus ships mappers for these Jackson subtypes; naming them here makes ours win.
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unparsableJson(JsonParseException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = jsonPath(unknown);
            return fieldProblem(field, "is not a known field");
        }
        if (e instanceof InvalidFormatException invalid) {
            return fieldProblem(jsonPath(invalid), invalidValueMessage(invalid));
        }
        if (e instanceof MismatchedInputException mismatched
                && !jsonPath(mismatched).isEmpty()) {
            return fieldProblem(jsonPath(mismatched), "has the wrong type");
        }
        if (e instanceof JsonMappingException mapping && !jsonPath(mapping).isEmpty()) {
            return fieldProblem(jsonPath(mapping), "has an invalid value");
        }
        String where = e instanceof JsonParseException parse && parse.getLocation() != null
                ? " at line " + parse.getLocation().getLineNr() + ", column "
                        + parse.getLocation().getColumnNr()
                : "";
        return respond(Problem.of(ProblemType.MALFORMED_REQUEST, "The body is not valid JSON" + where + "."));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(ProblemType.FORBIDDEN, "Your role does not allow this request."));
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e) {
        return concurrentUpdate();
    }

    @ServerExceptionMapper
    public Response optimisticLock(jakarta.persistence.OptimisticLockException e) {
        return concurrentUpdate();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 404 && e.getCause() != null) {
            // JAX-RS returns 404 when a path or query parameter cannot be converted (a bad UUID,
            // date or number). That is a malformed request, not a missing resource.
            return respond(
                    Problem.of(ProblemType.MALFORMED_REQUEST, "A path or query parameter has an invalid value."));
        }
        ProblemType type = switch (status) {
            case 400 -> ProblemType.MALFORMED_REQUEST;
            case 401 -> ProblemType.UNAUTHORIZED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> null;
        };
        if (type == null) {
            return status >= 500
                    ? unexpected(e)
                    : respond(new Problem(
                            "about:blank", "HTTP " + status, status, "The request failed.", List.of(), Map.of()));
        }
        if (type == ProblemType.UNAUTHORIZED) {
            return unauthenticated();
        }
        return respond(Problem.of(type, defaultDetail(type)));
    }

    /**
     * Handles the error Quarkus REST raises when a chunked body (one without Content-Length)
     * grows past {@code quarkus.http.limits.max-body-size}. Quarkus has sent its own empty 413
     * by then, so this only keeps a client's oversized body from being logged as a server error.
     */
    @ServerExceptionMapper
    public Response unreadableBody(java.io.IOException e) {
        // The message of the IOException thrown by VertxInputStream in resteasy-reactive-vertx 3.33.2.
        if (!"Request too large".equals(e.getMessage())) {
            return unexpected(e);
        }
        LOG.info("Rejected a chunked request body over the size limit");
        return respond(
                Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than this service accepts."));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause != cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem(problem);
            }
            cause = cause.getCause();
        }
        if (cause instanceof ProblemException problem) {
            return problem(problem);
        }
        if (SqlErrors.isDuplicateKey(e)) {
            return respond(Problem.of(ProblemType.DUPLICATE, "The request conflicts with an existing record."));
        }
        if (SqlErrors.isLockConflict(e)) {
            return concurrentUpdate();
        }
        if (SqlErrors.isUnavailable(e)) {
            LOG.warnf("Database unavailable: %s", e.getMessage());
            return respond(Problem.of(
                    ProblemType.DEPENDENCY_UNAVAILABLE,
                    "The database is unavailable at the moment. Try again shortly."));
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, reference %s", reference);
        return respond(Problem.of(
                ProblemType.INTERNAL,
                "An unexpected error occurred. Quote reference " + reference + " when reporting it."));
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    private static Response unauthenticated() {
        Problem problem = Problem.of(
                ProblemType.UNAUTHORIZED, "A valid bearer token is required. Log in at POST /api/auth/login.");
        return Response.status(401)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(problem)
                .build();
    }

    private static Response concurrentUpdate() {
        return respond(Problem.of(
                ProblemType.CONCURRENT_UPDATE,
                "Another request changed this record at the same time. Reload it and try again."));
    }

    private static Response fieldProblem(String field, String message) {
        String name = field.isEmpty() ? "body" : field;
        return respond(new Problem(
                ProblemType.VALIDATION.uri(),
                ProblemType.VALIDATION.title(),
                400,
                name + " " + message + ".",
                List.of(new Problem.FieldError(name, message)),
                Map.of()));
    }

    private static String invalidValueMessage(InvalidFormatException e) {
        Class<?> target = e.getTargetType();
        if (target != null && target.isEnum()) {
            String allowed = Arrays.stream(target.getEnumConstants())
                    .map(Object::toString)
                    .collect(Collectors.joining(", "));
            return "must be one of " + allowed;
        }
        String typeName = target == null ? "value" : target.getSimpleName();
        return "is not a valid " + typeName;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Drops the method and body parameter nodes, so the client sees its own field names. */
    private static String fieldName(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getName() != null) {
                names.add(node.getIndex() == null ? node.getName() : node.getName() + "[" + node.getIndex() + "]");
            }
        }
        if (!names.isEmpty()) {
            return String.join(".", names);
        }
        return parameter == null ? "request" : parameter;
    }

    private static String defaultDetail(ProblemType type) {
        return switch (type) {
            case NOT_FOUND -> "No resource exists at this path.";
            case METHOD_NOT_ALLOWED -> "This path does not accept that HTTP method.";
            case NOT_ACCEPTABLE -> "This resource cannot be returned in the requested media type.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json.";
            case PAYLOAD_TOO_LARGE -> "The request body is larger than the service accepts.";
            case FORBIDDEN -> "You may not do this.";
            default -> "The request could not be read.";
        };
    }
}
