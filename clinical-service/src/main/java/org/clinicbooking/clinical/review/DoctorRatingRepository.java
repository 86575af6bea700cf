package org.clinicbooking.clinical.review;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

@ApplicationScoped
public class DoctorRatingRepository implements PanacheRepositoryBase<DoctorRating, UUID> {

    // An increment in the database, not a read-modify-write in Java: concurrent reviews of one
    // doctor queue on the row lock and none of their ratings is lost.
    private static final String ADD_RATING =
            "INSERT INTO doctor_rating (doctor_id, review_count, rating_total, updated_at)"
                    + " VALUES (:doctorId, 1, :rating, :now)"
                    + " ON DUPLICATE KEY UPDATE review_count = review_count + 1, rating_total = rating_total + :rating,"
                    + " updated_at = :now";

    /** Adds one rating to the doctor's totals. Call it in the transaction that stores the review. */
    Uni<Void> add(UUID doctorId, int rating, Instant now) {
        return getSession()
                .chain(session -> session.createNativeQuery(ADD_RATING)
                        .setParameter("doctorId", doctorId.toString())
                        .setParameter("rating", rating)
                        .setParameter("now", LocalDateTime.ofInstant(now, ZoneOffset.UTC))
                        .executeUpdate())
                .replaceWithVoid();
    }
}
