package org.clinicbooking.audit.log;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Builds Kafka records the way the kit's outbox publishes them: CloudEvents 1.0 in binary mode,
 * the attributes and extensions as {@code ce_} headers, JSON data as the value and the subject
 * as the key. Every attribute starts with a valid value and can be changed or removed.
 */
final class TestEvent {

    private final String topic;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String key;
    private String value = "{\"note\":\"test event\"}";

    private TestEvent(String topic) {
        this.topic = topic;
        String subject = UUID.randomUUID().toString();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_source", "clinical-service");
        headers.put("ce_type", "clinic.review.posted");
        headers.put("ce_subject", subject);
        headers.put("ce_time", Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
        headers.put("content-type", "application/json");
        headers.put("ce_aggregatetype", "review");
        headers.put("ce_actorid", UUID.randomUUID().toString());
        headers.put("ce_actorrole", "PATIENT");
        this.key = subject;
    }

    /** Starts a valid event on the given topic, such as {@code test.clinical-events}. */
    static TestEvent on(String topic) {
        return new TestEvent(topic);
    }

    TestEvent id(String id) {
        return header("ce_id", id);
    }

    TestEvent type(String type) {
        return header("ce_type", type);
    }

    TestEvent source(String source) {
        return header("ce_source", source);
    }

    /** Sets the subject and, as the outbox does, the Kafka key. */
    TestEvent subject(String aggregateType, String subjectId) {
        key = subjectId;
        header("ce_aggregatetype", aggregateType);
        return header("ce_subject", subjectId);
    }

    TestEvent actor(UUID actorId, String role) {
        header("ce_actorrole", role);
        return actorId == null ? without("ce_actorid") : header("ce_actorid", actorId.toString());
    }

    TestEvent time(Instant time) {
        return header("ce_time", time.toString());
    }

    TestEvent key(String key) {
        this.key = key;
        return this;
    }

    TestEvent data(String json) {
        this.value = json;
        return this;
    }

    TestEvent header(String name, String headerValue) {
        headers.put(name, headerValue);
        return this;
    }

    TestEvent without(String name) {
        headers.remove(name);
        return this;
    }

    String id() {
        return headers.get("ce_id");
    }

    String subjectId() {
        return headers.get("ce_subject");
    }

    ProducerRecord<String, String> record() {
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((name, headerValue) -> recordHeaders.add(name, headerValue.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(topic, null, key, value, recordHeaders);
    }
}
