package org.clinicbooking.audit.log;

import java.time.Instant;
import java.util.UUID;

/** Audit entry contents for tests that record through {@link AuditRecorder} directly. */
final class SampleContent {

    private SampleContent() {}

    static AuditEntryContent any() {
        return of(
                "clinic.appointment.confirmed",
                "appointment",
                UUID.randomUUID().toString(),
                UUID.randomUUID(),
                Instant.now());
    }

    static AuditEntryContent of(
            String eventType, String subjectType, String subjectId, UUID actorId, Instant occurredAt) {
        return new AuditEntryContent(
                UUID.randomUUID().toString(),
                eventType,
                "scheduling-service",
                subjectType,
                subjectId,
                actorId.toString(),
                "DOCTOR",
                occurredAt,
                Instant.now(),
                "{\"id\":\"" + subjectId + "\",\"status\":\"CONFIRMED\"}");
    }
}
