package org.clinicbooking.demodata.api;

/**
 * An error response of the API, read from its {@code application/problem+json} body (RFC 9457).
 * {@code type} is the last segment of the problem type URI, such as {@code booking-conflict},
 * or {@code none} when the body was no problem document.
 */
public record ApiProblem(int status, String type, String title, String detail) {

    private static final String TYPE_PREFIX = "https://clinic-booking.org/problems/";

    static String shortType(String typeUri) {
        if (typeUri == null || typeUri.isBlank()) {
            return "none";
        }
        return typeUri.startsWith(TYPE_PREFIX) ? typeUri.substring(TYPE_PREFIX.length()) : typeUri;
    }

    /** Returns whether the record to create exists already (409 with the problem type {@code duplicate}). */
    public boolean isDuplicate() {
        return status == 409 && "duplicate".equals(type);
    }

    @Override
    public String toString() {
        return status + " " + type + ": " + detail;
    }
}
