package org.clinicbooking.kit.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.clinicbooking.kit.outbox.CloudEventHeaders;

/**
 * A CloudEvent read from a Kafka record in binary mode. {@link #from} rejects a record that is
 * not a valid event of this platform with {@link MalformedEventException}, which sends it to the
 * consumer's dead-letter topic.
 */
public record IncomingEvent(
        String id,
        String type,
        String source,
        String subject,
        String aggregateType,
        Instant time,
        String actorId,
        String actorRole,
        String traceParent,
        String rawData,
        JsonNode data) {

    public static IncomingEvent from(ConsumerRecord<String, String> record, ObjectMapper json) {
        String id = required(record, CloudEventHeaders.ID);
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("ce_id is not a UUID: " + abbreviate(id));
        }
        String specVersion = required(record, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_VALUE.equals(specVersion)) {
            throw new MalformedEventException("unsupported ce_specversion " + abbreviate(specVersion));
        }
        Instant time;
        try {
            time = Instant.parse(required(record, CloudEventHeaders.TIME));
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("ce_time is not an RFC 3339 instant");
        }
        if (record.value() == null) {
            throw new MalformedEventException("the record has no data");
        }
        JsonNode data;
        try {
            data = json.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("the data is not valid JSON");
        }
        if (data == null || !data.isObject()) {
            throw new MalformedEventException("the data is not a JSON object");
        }
        return new IncomingEvent(
                id,
                required(record, CloudEventHeaders.TYPE),
                required(record, CloudEventHeaders.SOURCE),
                required(record, CloudEventHeaders.SUBJECT),
                optional(record, CloudEventHeaders.AGGREGATE_TYPE),
                time,
                optional(record, CloudEventHeaders.ACTOR_ID),
                optional(record, CloudEventHeaders.ACTOR_ROLE),
                optional(record, CloudEventHeaders.TRACE_PARENT),
                record.value(),
                data);
    }

    /** Reads a field of the data that the event's schema requires. */
    public String text(String field) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull()) {
            throw new MalformedEventException(type + " lacks the field " + field);
        }
        return value.asText();
    }

    /** Reads a UUID field of the data that the event's schema requires. */
    public UUID uuid(String field) {
        try {
            return UUID.fromString(text(field));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(type + " has a field " + field + " that is not a UUID");
        }
    }

    private static String required(ConsumerRecord<String, String> record, String name) {
        String value = optional(record, name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("missing header " + name);
        }
        return value;
    }

    private static String optional(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
