package org.clinicbooking.kit.outbox;

import java.util.Objects;
import org.clinicbooking.kit.security.Actor;

/**
 * A change to one aggregate, as it is published.
 *
 * @param type the CloudEvents type, such as {@code clinic.appointment.booked}
 * @param aggregateType the aggregate's kind, such as {@code appointment}
 * @param aggregateId the aggregate's id: the CloudEvents subject and the Kafka key
 * @param data the event's JSON body; it must never hold a password, token or hash of either
 * @param actor who made the change
 */
public record DomainEvent(String type, String aggregateType, String aggregateId, Object data, Actor actor) {

    public DomainEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(actor, "actor");
    }
}
