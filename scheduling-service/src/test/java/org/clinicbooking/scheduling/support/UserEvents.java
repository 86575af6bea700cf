package org.clinicbooking.scheduling.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes events to {@code test.user-events} the way user-service's outbox relay does:
 * CloudEvents 1.0 in binary mode, the aggregate id as the key.
 */
public final class UserEvents implements AutoCloseable {

    public static final String TOPIC = "test.user-events";

    private final KafkaProducer<String, String> producer;

    public UserEvents(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(config);
    }

    /** Sends one event with a fresh id and returns that id. */
    public String send(String type, UUID subject, Instant time, String data) {
        String id = UUID.randomUUID().toString();
        sendWithId(id, type, subject, time, data);
        return id;
    }

    /** Sends an event with the given id: the same id twice is a redelivery. */
    public void sendWithId(String id, String type, UUID subject, Instant time, String data) {
        RecordHeaders headers = new RecordHeaders();
        Map.of(
                        "ce_specversion",
                        "1.0",
                        "ce_id",
                        id,
                        "ce_source",
                        "user-service",
                        "ce_type",
                        type,
                        "ce_subject",
                        subject.toString(),
                        "ce_time",
                        time.toString(),
                        "content-type",
                        "application/json",
                        "ce_aggregatetype",
                        type.split("\\.")[1],
                        "ce_actorrole",
                        "ADMIN")
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(new ProducerRecord<>(TOPIC, null, subject.toString(), data, headers))
                    .get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish " + type + " to " + TOPIC, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
