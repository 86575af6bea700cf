package org.clinicbooking.audit.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;

/**
 * An audit entry as the API shows it.
 *
 * @param payload the event's JSON data. When the stored text is no longer valid JSON, which only
 *     tampering can cause and verification reports, it is that text as a JSON string.
 */
public record AuditEntryResponse(
        long id,
        String eventId,
        String eventType,
        String source,
        String subjectType,
        String subjectId,
        String actorId,
        String actorRole,
        Instant occurredAt,
        Instant recordedAt,
        JsonNode payload,
        String previousHash,
        String hash) {

    static AuditEntryResponse of(AuditEntry entry, ObjectMapper json) {
        AuditEntryContent content = entry.content();
        return new AuditEntryResponse(
                entry.id(),
                content.eventId(),
                content.eventType(),
                content.source(),
                content.subjectType(),
                content.subjectId(),
                content.actorId(),
                content.actorRole(),
                content.occurredAt(),
                content.recordedAt(),
                payload(content.payload(), json),
                entry.previousHash(),
                entry.hash());
    }

    private static JsonNode payload(String stored, ObjectMapper json) {
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(stored);
        }
    }
}
