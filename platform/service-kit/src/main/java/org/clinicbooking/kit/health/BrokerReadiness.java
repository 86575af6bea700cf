package org.clinicbooking.kit.health;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the Kafka broker in readiness within two seconds. Quarkus' own Kafka check waits up to
 * the admin client's default API timeout (60 s) while the broker is down, so a readiness request
 * during an outage hung for a minute instead of returning 503; that check is turned off
 * ({@code quarkus.kafka.health.enabled=false}) in every service.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements AsyncHealthCheck {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static final String NAME = "Kafka broker";

    private final Admin admin;

    public BrokerReadiness(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get("bootstrap.servers"));
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "readiness");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.admin = Admin.create(config);
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        DescribeClusterOptions options = new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis());
        return Uni.createFrom()
                .completionStage(() -> admin.describeCluster(options).nodes().toCompletionStage())
                .map(nodes -> HealthCheckResponse.named(NAME)
                        .up()
                        .withData(
                                "nodes",
                                nodes.stream()
                                        .map(node -> node.host() + ":" + node.port())
                                        .collect(Collectors.joining(",")))
                        .build())
                .onFailure()
                .recoverWithItem(error -> HealthCheckResponse.named(NAME)
                        .down()
                        .withData("reason", String.valueOf(error.getMessage()))
                        .build());
    }

    @PreDestroy
    void close() {
        admin.close(TIMEOUT);
    }
}
