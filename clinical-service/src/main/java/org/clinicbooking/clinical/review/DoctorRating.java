package org.clinicbooking.clinical.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The running totals of one doctor's ratings. Read through Hibernate and written only by
 * {@link DoctorRatingRepository#add}, an atomic increment.
 */
@Entity
@Table(name = "doctor_rating")
public class DoctorRating {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "doctor_id", length = 36)
    private UUID doctorId;

    @Column(name = "review_count", nullable = false)
    private int reviewCount;

    @Column(name = "rating_total", nullable = false)
    private long ratingTotal;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected DoctorRating() {}

    public int reviewCount() {
        return reviewCount;
    }

    /** Computes the mean rating rounded half up to 2 decimals, or returns null before the first review. */
    public BigDecimal average() {
        if (reviewCount == 0) {
            return null;
        }
        return BigDecimal.valueOf(ratingTotal).divide(BigDecimal.valueOf(reviewCount), 2, RoundingMode.HALF_UP);
    }
}
