package org.clinicbooking.kit.outbox;

import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends outbox rows as CloudEvents 1.0 in Kafka binary mode: attributes in {@code ce_} headers,
 * JSON data as the value, the aggregate id as the key so one aggregate stays on one partition.
 */
class OutboxPublisher {

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final String source;
    private final Duration sendTimeout;

    OutboxPublisher(Map<String, Object> kafkaConfig, String topic, String source, Duration sendTimeout) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get("bootstrap.servers"));
        config.put(ProducerConfig.CLIENT_ID_CONFIG, source + "-outbox");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        // A broker that is down must fail the send within the relay's timeout instead of hanging.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Math.min(sendTimeout.toMillis(), 5_000));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) sendTimeout.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) sendTimeout.toMillis() + 1_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        this.producer = new KafkaProducer<>(config);
        this.topic = topic;
        this.source = source;
        this.sendTimeout = sendTimeout;
    }

    /**
     * Hands every event to the producer in list order; the idempotent producer keeps that order
     * per partition. Returns an outcome that completes when every send is acknowledged or failed.
     */
    Outcome sendInOrder(List<PendingEvent> events) {
        List<CompletableFuture<Long>> sends = new ArrayList<>(events.size());
        for (PendingEvent event : events) {
            CompletableFuture<Long> sent = new CompletableFuture<>();
            try {
                producer.send(toRecord(event), (metadata, error) -> {
                    if (error == null) {
                        sent.complete(event.id());
                    } else {
                        sent.completeExceptionally(error);
                    }
                });
            } catch (RuntimeException e) {
                sent.completeExceptionally(e);
            }
            sends.add(sent);
        }
        return new Outcome(sends, sendTimeout);
    }

    void close() {
        producer.close(Duration.ofSeconds(2));
    }

    private ProducerRecord<String, String> toRecord(PendingEvent event) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(headers, CloudEventHeaders.ID, event.eventId());
        header(headers, CloudEventHeaders.SOURCE, source);
        header(headers, CloudEventHeaders.TYPE, event.eventType());
        header(headers, CloudEventHeaders.SUBJECT, event.aggregateId());
        header(headers, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()));
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        header(headers, CloudEventHeaders.AGGREGATE_TYPE, event.aggregateType());
        header(headers, CloudEventHeaders.ACTOR_ROLE, event.actorRole());
        if (event.actorId() != null) {
            header(headers, CloudEventHeaders.ACTOR_ID, event.actorId());
        }
        if (event.traceParent() != null) {
            header(headers, CloudEventHeaders.TRACE_PARENT, event.traceParent());
            header(headers, CloudEventHeaders.W3C_TRACE_PARENT, event.traceParent());
        }
        return new ProducerRecord<>(topic, null, event.aggregateId(), event.payload(), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The acknowledgements of one batch. */
    static final class Outcome {

        private final List<CompletableFuture<Long>> sends;
        private final Duration timeout;

        private Outcome(List<CompletableFuture<Long>> sends, Duration timeout) {
            this.sends = sends;
            this.timeout = timeout;
        }

        /** Waits for every send, up to the timeout, and reports which ids were acknowledged. */
        Uni<Result> await() {
            CompletableFuture<Void> all = CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .orTimeout(timeout.toMillis() + 2_000, TimeUnit.MILLISECONDS);
            return Uni.createFrom().completionStage(all.handle((ignored, error) -> collect()));
        }

        private Result collect() {
            List<Long> published = new ArrayList<>();
            Throwable firstFailure = null;
            for (CompletableFuture<Long> send : sends) {
                if (send.isDone() && !send.isCompletedExceptionally()) {
                    published.add(send.join());
                } else if (firstFailure == null) {
                    firstFailure = send.isCompletedExceptionally()
                            ? send.handle((id, error) -> error).join()
                            : new java.util.concurrent.TimeoutException("Kafka did not acknowledge the event in time");
                }
            }
            return new Result(published, firstFailure);
        }
    }

    /** Ids Kafka acknowledged, and the first failure if any send failed. */
    record Result(List<Long> publishedIds, Throwable failure) {}
}
