package org.clinicbooking.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
 * Publishes {@code clinic.user.deactivated} to {@code test.user-events} the way user-service's
 * outbox relay does: CloudEvents 1.0 in binary mode, the user id as key, the user's public view
 * with {@code active: false} as data.
 */
public final class UserDeactivations implements AutoCloseable {

    public static final String TOPIC = "test.user-events";
    public static final String TYPE = "clinic.user.deactivated";

    private final KafkaProducer<String, String> producer;

    public UserDeactivations(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(config);
    }

    /** Publishes the deactivation of the user with a fresh event id and returns that id. */
    public String publish(UUID userId, String role, Instant time) {
        String eventId = UUID.randomUUID().toString();
        publish(eventId, userId, role, time);
        return eventId;
    }

    /** Publishes with the given event id: the same id twice is a redelivery. */
    public void publish(String eventId, UUID userId, String role, Instant time) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, "ce_specversion", "1.0");
        add(headers, "ce_id", eventId);
        add(headers, "ce_source", "user-service");
        add(headers, "ce_type", TYPE);
        add(headers, "ce_subject", userId.toString());
        add(headers, "ce_time", time.toString());
        add(headers, "content-type", "application/json");
        add(headers, "ce_aggregatetype", "user");
        add(headers, "ce_actorid", UUID.randomUUID().toString());
        add(headers, "ce_actorrole", "ADMIN");
        String data = "{\"id\":\"" + userId + "\",\"email\":\"user-" + userId + "@example.org\","
                + "\"fullName\":\"Deactivated User\",\"phone\":null,\"role\":\"" + role + "\","
                + "\"dateOfBirth\":null,\"active\":false,\"createdAt\":\"" + time + "\",\"updatedAt\":\"" + time
                + "\"}";
        try {
            producer.send(new ProducerRecord<>(TOPIC, null, userId.toString(), data, headers))
                    .get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing to " + TOPIC, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Publishing " + TYPE + " to " + TOPIC + " failed", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
