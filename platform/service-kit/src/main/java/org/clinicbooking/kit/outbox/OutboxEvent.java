package org.clinicbooking.kit.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A domain event waiting in the outbox table, or already published. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "event_id", nullable = false, length = 36)
    String eventId;

    @Column(name = "event_type", nullable = false, length = 100)
    String eventType;

    @Column(name = "aggregate_type", nullable = false, length = 50)
    String aggregateType;

    @Column(name = "aggregate_id", nullable = false, length = 64)
    String aggregateId;

    @Column(name = "actor_id", length = 36)
    String actorId;

    @Column(name = "actor_role", nullable = false, length = 20)
    String actorRole;

    @Column(name = "trace_parent", length = 128)
    String traceParent;

    @Column(name = "payload", nullable = false, columnDefinition = "LONGTEXT")
    String payload;

    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;

    @Column(name = "published_at")
    Instant publishedAt;

    protected OutboxEvent() {}

    OutboxEvent(String eventId, DomainEvent event, String payload, String traceParent, Instant occurredAt) {
        this.eventId = eventId;
        this.eventType = event.type();
        this.aggregateType = event.aggregateType();
        this.aggregateId = event.aggregateId();
        this.actorId =
                event.actor().userId() == null ? null : event.actor().userId().toString();
        this.actorRole = event.actor().role();
        this.traceParent = traceParent;
        this.payload = payload;
        this.occurredAt = occurredAt;
    }

    public String eventId() {
        return eventId;
    }
}
