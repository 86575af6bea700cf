package org.clinicbooking.clinical.review;

import org.clinicbooking.kit.outbox.DomainEvent;
import org.clinicbooking.kit.security.Actor;

/** The events of the review aggregate. Their data is the whole {@link ReviewResponse}, patient id included. */
final class ReviewEvents {

    static final String POSTED = "clinic.review.posted";

    private ReviewEvents() {}

    static DomainEvent posted(Review review, Actor actor) {
        return new DomainEvent(POSTED, "review", review.id().toString(), ReviewResponse.of(review), actor);
    }
}
