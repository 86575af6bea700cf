package org.clinicbooking.kit.problem;

/**
 * The problem types every service returns. The URIs are identifiers, stable across releases;
 * they are not meant to be dereferenced.
 */
public enum ProblemType {
    VALIDATION("validation", "Invalid request", 400),
    MALFORMED_REQUEST("malformed-request", "Malformed request", 400),
    UNAUTHORIZED("unauthorized", "Authentication required", 401),
    FORBIDDEN("forbidden", "Forbidden", 403),
    NOT_FOUND("not-found", "Not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
    CONFLICT("conflict", "Conflict", 409),
    DUPLICATE("duplicate", "Already exists", 409),
    BOOKING_CONFLICT("booking-conflict", "Time slot not available", 409),
    INVALID_TRANSITION("invalid-transition", "Status change not allowed", 409),
    CONCURRENT_UPDATE("concurrent-update", "Changed by another request", 409),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    UNPROCESSABLE("unprocessable", "Request cannot be processed", 422),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests", 429),
    INTERNAL("internal", "Internal error", 500),
    DEPENDENCY_UNAVAILABLE("dependency-unavailable", "A service this request needs is unavailable", 503);

    private static final String BASE = "https://clinic-booking.org/problems/";

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return BASE + slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }
}
