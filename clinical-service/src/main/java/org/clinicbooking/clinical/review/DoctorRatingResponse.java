package org.clinicbooking.clinical.review;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A doctor's rating summary.
 *
 * @param average the mean rating rounded to 2 decimals, null when {@code count} is 0
 */
public record DoctorRatingResponse(UUID doctorId, BigDecimal average, int count) {

    public static DoctorRatingResponse of(UUID doctorId, DoctorRating rating) {
        if (rating == null) {
            return new DoctorRatingResponse(doctorId, null, 0);
        }
        return new DoctorRatingResponse(doctorId, rating.average(), rating.reviewCount());
    }
}
