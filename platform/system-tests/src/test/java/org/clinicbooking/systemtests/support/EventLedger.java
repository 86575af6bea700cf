package org.clinicbooking.systemtests.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Follows every event from its outbox row to the topic and to the audit log. A scenario takes
 * a {@link Mark} before it injects its fault and calls {@link #settle} afterwards: the ledger
 * waits until every outbox is drained and every event has its audit entry, then counts what
 * was committed, published, seen on Kafka and audited since the mark.
 */
public final class EventLedger {

    private static final Logger LOG = Logger.getLogger(EventLedger.class.getName());

    /** The outbox high-water mark of each schema and the end offset of each topic partition. */
    public record Mark(Map<String, Long> outboxIds, Map<TopicPartition, Long> offsets) {}

    /**
     * What happened to the events committed after a mark.
     *
     * @param committed outbox rows written since the mark (one per committed change)
     * @param unpublished rows still without published_at when the ledger stopped waiting
     * @param missingOnTopic committed events that no topic contains
     * @param topicCopies messages on the topics that carry one of those events
     * @param audited events that have an audit entry
     * @param auditDuplicates audit entries beyond the first for one event
     * @param eventIdsByAggregate event ids of each aggregate id, to tie changes to events
     */
    public record Settlement(
            long committed,
            long unpublished,
            long missingOnTopic,
            long topicCopies,
            long audited,
            long auditDuplicates,
            Map<String, List<String>> eventIdsByAggregate) {

        public long lostInAudit() {
            return committed - audited;
        }

        /** Copies on the topic beyond one per event: redeliveries the consumers must absorb. */
        public long topicRedeliveries() {
            return topicCopies - (committed - missingOnTopic);
        }
    }

    private EventLedger() {}

    public static Mark mark() {
        Map<String, Long> outboxIds = new HashMap<>();
        for (String schema : Stack.OUTBOX_SCHEMAS) {
            outboxIds.put(schema, Database.number("SELECT COALESCE(MAX(id), 0) FROM " + schema + ".outbox_event"));
        }
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            return new Mark(outboxIds, consumer.endOffsets(partitions(consumer)));
        }
    }

    /**
     * Waits up to TIMEOUT until every outbox is drained and every event since MARK is audited,
     * then counts. Returns the counts even when the wait timed out, so the report shows what
     * was lost.
     */
    public static Settlement settle(Mark mark, Duration timeout) {
        Map<String, String> aggregateOfEvent = new HashMap<>();
        Instant deadline = Instant.now().plus(timeout);
        long unpublished;
        Map<String, Integer> auditCounts;
        while (true) {
            aggregateOfEvent.clear();
            unpublished = 0;
            for (String schema : Stack.OUTBOX_SCHEMAS) {
                long since = mark.outboxIds().get(schema);
                for (String row : Database.strings(
                        "SELECT CONCAT(event_id, ' ', aggregate_id) FROM " + schema + ".outbox_event WHERE id > ?",
                        since)) {
                    String[] parts = row.split(" ", 2);
                    aggregateOfEvent.put(parts[0], parts[1]);
                }
                unpublished += Database.number(
                        "SELECT COUNT(*) FROM " + schema + ".outbox_event WHERE id > ? AND published_at IS NULL",
                        since);
            }
            auditCounts = Database.countBy("audit_service.audit_entry", "event_id", aggregateOfEvent.keySet());
            boolean settled = unpublished == 0 && auditCounts.size() == aggregateOfEvent.size();
            if (settled || Instant.now().isAfter(deadline)) {
                break;
            }
            sleep(Duration.ofMillis(500));
        }

        Map<String, Integer> topicCounts = readTopics(mark, aggregateOfEvent.keySet());
        long missingOnTopic = aggregateOfEvent.keySet().stream()
                .filter(id -> !topicCounts.containsKey(id))
                .count();
        long topicCopies =
                topicCounts.values().stream().mapToLong(Integer::longValue).sum();
        long auditDuplicates =
                auditCounts.values().stream().mapToLong(count -> count - 1L).sum();
        Map<String, List<String>> eventIdsByAggregate = new HashMap<>();
        aggregateOfEvent.forEach((event, aggregate) -> eventIdsByAggregate
                .computeIfAbsent(aggregate, key -> new ArrayList<>())
                .add(event));
        Settlement settlement = new Settlement(
                aggregateOfEvent.size(),
                unpublished,
                missingOnTopic,
                topicCopies,
                auditCounts.size(),
                auditDuplicates,
                eventIdsByAggregate);
        LOG.info("Settled: " + settlement.committed() + " events committed, " + settlement.audited() + " audited, "
                + settlement.unpublished() + " unpublished");
        return settlement;
    }

    /** Counts the messages since MARK whose ce_id header is one of EVENT_IDS. */
    private static Map<String, Integer> readTopics(Mark mark, Set<String> eventIds) {
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            consumer.assign(partitions);
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, mark.offsets().getOrDefault(partition, 0L));
            }
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (!reachedEnd(consumer, ends) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Header id = record.headers().lastHeader("ce_id");
                    if (id == null) {
                        continue;
                    }
                    String eventId = new String(id.value(), StandardCharsets.UTF_8);
                    if (eventIds.contains(eventId)) {
                        counts.merge(eventId, 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : Stack.TOPICS.values()) {
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        return partitions;
    }

    private static KafkaConsumer<byte[], byte[]> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.HOST + ":" + Stack.KAFKA_PORT);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Sleeps for DURATION; an interrupt ends the wait with an exception. */
    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting", e);
        }
    }
}
