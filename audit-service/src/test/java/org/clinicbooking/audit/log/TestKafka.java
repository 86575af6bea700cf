package org.clinicbooking.audit.log;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Sends test records to the Kafka broker the service under test consumes from. */
final class TestKafka {

    /**
     * How long a test waits for the consumer to handle its records. A test run's fresh consumer
     * group first reads everything still on the test topics, which took about a minute on a
     * busy 2-core machine, and the test's records wait behind that backlog.
     */
    static final Duration CONSUMER_TIMEOUT = Duration.ofSeconds(120);

    private static KafkaProducer<String, String> producer;

    private TestKafka() {}

    /** Sends the events in order and waits until the broker has acknowledged every one. */
    static void send(TestEvent... events) {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (TestEvent event : events) {
            sends.add(producer().send(event.record()));
        }
        producer().flush();
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while sending test events", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Kafka rejected a test event", e.getCause());
            }
        }
    }

    static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            producer = new KafkaProducer<>(config);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> producer.close(Duration.ofSeconds(2))));
        }
        return producer;
    }
}
