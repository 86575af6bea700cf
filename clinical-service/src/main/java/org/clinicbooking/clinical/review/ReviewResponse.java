package org.clinicbooking.clinical.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * A review. The author and the {@code clinic.review.posted} event see it whole. The doctor's
 * public list leaves {@code patientId} out unless the patient chose {@code showName}.
 */
public record ReviewResponse(
        UUID id,
        UUID appointmentId,
        UUID doctorId,
        @JsonInclude(JsonInclude.Include.NON_NULL) UUID patientId,
        int rating,
        String comment,
        boolean showName,
        Instant createdAt) {

    public static ReviewResponse of(Review review) {
        return new ReviewResponse(
                review.id(),
                review.appointmentId(),
                review.doctorId(),
                review.patientId(),
                review.rating(),
                review.comment(),
                review.showName(),
                review.createdAt());
    }

    /** Hides the patient's id unless the patient chose showName. Names live in user-service, so even then only the id is shown. */
    public static ReviewResponse publicView(Review review) {
        ReviewResponse whole = of(review);
        if (review.showName()) {
            return whole;
        }
        return new ReviewResponse(
                whole.id(),
                whole.appointmentId(),
                whole.doctorId(),
                null,
                whole.rating(),
                whole.comment(),
                whole.showName(),
                whole.createdAt());
    }
}
