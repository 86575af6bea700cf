package org.clinicbooking.kit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes domain events to the outbox table. Call {@link #append} inside the transaction that
 * makes the change ({@code @WithTransaction}): the event then commits or rolls back with it.
 */
@ApplicationScoped
@IfBuildProperty(name = "clinic.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class Outbox {

    private final ObjectMapper json;
    private final Clock clock;

    public Outbox(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** Adds the event to the current transaction and returns the event id it will be published with. */
    public Uni<String> append(DomainEvent event) {
        return Panache.currentTransaction().chain(transaction -> {
            if (transaction == null) {
                return Uni.createFrom()
                        .failure(new IllegalStateException(
                                "Outbox.append needs an open transaction (@WithTransaction)"));
            }
            OutboxEvent row = new OutboxEvent(
                    UUID.randomUUID().toString(),
                    event,
                    serialize(event.data()),
                    currentTraceParent(),
                    clock.instant());
            return Panache.getSession().chain(session -> session.persist(row)).replaceWith(row.eventId());
        });
    }

    private String serialize(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data cannot be written as JSON: " + data.getClass(), e);
        }
    }

    private static String currentTraceParent() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get("traceparent");
    }
}
