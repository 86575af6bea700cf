package org.clinicbooking.billing.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes records to {@code test.scheduling-events} the way scheduling-service's outbox does:
 * CloudEvents in binary mode, the appointment id as key, so records about one appointment are
 * consumed in the order they were sent.
 */
public final class SchedulingEvents implements AutoCloseable {

    public static final String TOPIC = "test.scheduling-events";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaProducer<String, String> producer;

    public SchedulingEvents(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(config);
    }

    /** Publishes {@code clinic.appointment.<change>} with the appointment as data; returns the event id. */
    public String publish(String change, TestAppointment appointment) {
        String eventId = UUID.randomUUID().toString();
        publish(change, appointment, eventId);
        return eventId;
    }

    /** Publishes with a given event id, to deliver one event twice. */
    public void publish(String change, TestAppointment appointment, String eventId) {
        send(
                appointment.id().toString(),
                headers(eventId, "clinic.appointment." + change, appointment.id()),
                json(appointment.toResponse()));
    }

    /** Publishes an event of any type about the appointment, with any data. */
    public void publishRaw(UUID appointmentId, String type, String data) {
        send(appointmentId.toString(), headers(UUID.randomUUID().toString(), type, appointmentId), data);
    }

    /** Sends a record as it is, for records that are not valid events. */
    public void send(String key, RecordHeaders headers, String value) {
        try {
            producer.send(new ProducerRecord<>(TOPIC, null, key, value, headers))
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing to " + TOPIC, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Publishing to " + TOPIC + " failed", e);
        }
    }

    /** Builds the ce_ headers of contracts.md for an appointment event by a staff member. */
    public static RecordHeaders headers(String eventId, String type, UUID appointmentId) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, "ce_specversion", "1.0");
        add(headers, "ce_id", eventId);
        add(headers, "ce_source", "scheduling-service");
        add(headers, "ce_type", type);
        add(headers, "ce_subject", appointmentId.toString());
        add(headers, "ce_time", Instant.now().toString());
        add(headers, "content-type", "application/json");
        add(headers, "ce_aggregatetype", "appointment");
        add(headers, "ce_actorid", UUID.randomUUID().toString());
        add(headers, "ce_actorrole", "STAFF");
        return headers;
    }

    public static String json(Map<String, Object> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
