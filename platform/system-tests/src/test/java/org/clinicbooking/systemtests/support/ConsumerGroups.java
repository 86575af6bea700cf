package org.clinicbooking.systemtests.support;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The consumer groups of the services: their committed offsets, their lag, and rewinding them. */
public final class ConsumerGroups {

    /** Each consuming service's group id and the topics it reads. */
    public static final Map<String, List<String>> GROUPS = Map.of(
            "scheduling-service", List.of("user-events"),
            "billing-service", List.of("scheduling-events"),
            "clinical-service", List.of("scheduling-events"),
            "audit-service", List.of("user-events", "scheduling-events", "billing-events", "clinical-events"));

    private ConsumerGroups() {}

    /**
     * Moves every group's committed offsets back to the start of each partition and returns how
     * many messages each group will read again. The groups must have no live members: stop the
     * services first.
     */
    public static Map<String, Long> rewindToEarliest() {
        try (Admin admin = admin()) {
            Map<String, Long> replayed = new HashMap<>();
            for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
                Map<TopicPartition, Long> earliest = offsets(admin, group.getValue(), OffsetSpec.earliest());
                Map<TopicPartition, Long> latest = offsets(admin, group.getValue(), OffsetSpec.latest());
                Map<TopicPartition, OffsetAndMetadata> rewind = earliest.entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, entry -> new OffsetAndMetadata(entry.getValue())));
                admin.alterConsumerGroupOffsets(group.getKey(), rewind).all().get();
                replayed.put(
                        group.getKey(),
                        latest.entrySet().stream()
                                .mapToLong(entry -> entry.getValue() - earliest.get(entry.getKey()))
                                .sum());
            }
            return replayed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while rewinding the consumer groups", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Rewinding the consumer groups failed: " + e.getCause(), e.getCause());
        }
    }

    /** Waits until every group has committed the end of every partition; returns the seconds it took, or -1. */
    public static long awaitNoLag(Duration timeout) {
        Instant start = Instant.now();
        try (Admin admin = admin()) {
            while (Instant.now().isBefore(start.plus(timeout))) {
                if (totalLag(admin) == 0) {
                    return Duration.between(start, Instant.now()).toSeconds();
                }
                EventLedger.sleep(Duration.ofSeconds(1));
            }
            return -1;
        }
    }

    private static long totalLag(Admin admin) {
        try {
            long lag = 0;
            for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
                Map<TopicPartition, Long> latest = offsets(admin, group.getValue(), OffsetSpec.latest());
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                        .partitionsToOffsetAndMetadata()
                        .get();
                for (Map.Entry<TopicPartition, Long> end : latest.entrySet()) {
                    OffsetAndMetadata position = committed.get(end.getKey());
                    lag += end.getValue() - (position == null ? 0 : position.offset());
                }
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading consumer lag", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Reading consumer lag failed: " + e.getCause(), e.getCause());
        }
    }

    /** Returns the number of messages on TOPIC. */
    public static long size(String topic) {
        try (Admin admin = admin()) {
            Map<TopicPartition, Long> earliest = offsets(admin, List.of(topic), OffsetSpec.earliest());
            return offsets(admin, List.of(topic), OffsetSpec.latest()).entrySet().stream()
                    .mapToLong(entry -> entry.getValue() - earliest.get(entry.getKey()))
                    .sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + topic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Reading the offsets of " + topic + " failed: " + e.getCause(), e);
        }
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<String> topics, OffsetSpec spec)
            throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (var description :
                admin.describeTopics(topics).allTopicNames().get().values()) {
            description
                    .partitions()
                    .forEach(partition ->
                            request.put(new TopicPartition(description.name(), partition.partition()), spec));
        }
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> entry :
                admin.listOffsets(request).all().get().entrySet()) {
            offsets.put(entry.getKey(), entry.getValue().offset());
        }
        return offsets;
    }

    private static Admin admin() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.HOST + ":" + Stack.KAFKA_PORT);
        return Admin.create(properties);
    }
}
