package org.clinicbooking.kit.outbox;

import java.time.Instant;

/** An outbox row read by the relay. */
record PendingEvent(
        long id,
        String eventId,
        String eventType,
        String aggregateType,
        String aggregateId,
        String actorId,
        String actorRole,
        String traceParent,
        String payload,
        Instant occurredAt) {}
