package org.clinicbooking.kit.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Remembers which events a consumer has applied. Call {@link #firstDelivery} inside the
 * consumer's transaction and apply the event only when it emits true: the id and the effect
 * then commit together, so a redelivery changes nothing.
 */
@ApplicationScoped
public class Inbox {

    // INSERT IGNORE works on MySQL and MariaDB and reports 0 affected rows for an id already stored.
    private static final String RECORD = "INSERT IGNORE INTO processed_event (event_id, event_type, processed_at)"
            + " VALUES (:eventId, :eventType, :processedAt)";

    private final Clock clock;

    public Inbox(Clock clock) {
        this.clock = clock;
    }

    public Uni<Boolean> firstDelivery(IncomingEvent event) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(RECORD)
                        .setParameter("eventId", event.id())
                        .setParameter("eventType", event.type())
                        .setParameter("processedAt", now)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
