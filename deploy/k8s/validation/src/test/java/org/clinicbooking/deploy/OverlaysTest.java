package org.clinicbooking.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The real overlays: each renders, and every document passes its schema and the policies. */
class OverlaysTest {

    private static final SchemaValidator SCHEMAS = new SchemaValidator();

    static Stream<String> overlays() {
        return Deploy.overlays().stream().map(Path::getFileName).map(Path::toString);
    }

    @Test
    void devAndProductionOverlaysExist() {
        assertThat(overlays()).contains("dev", "production");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void overlayRendersTheWholePlatform(String overlay) {
        List<ObjectNode> documents = Deploy.rendered(overlay);

        assertThat(documents).extracting(Manifests::describe)
                .contains(
                        "Namespace/clinic-booking",
                        "Deployment/user-service",
                        "Deployment/audit-service",
                        "StatefulSet/mysql",
                        "Kafka/clinic-kafka",
                        "KafkaNodePool/brokers",
                        "KafkaTopic/user-events",
                        "KafkaTopic/audit-service.dlq",
                        "Gateway/clinic-booking",
                        "HTTPRoute/clinical-service",
                        "NetworkPolicy/mysql");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDocumentMatchesTheSchemaOfItsKind(String overlay) {
        assertThat(SCHEMAS.validate(Deploy.rendered(overlay))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void workloadsFollowThePolicy(String overlay) {
        assertThat(Deploy.workloadPolicy().check(Deploy.rendered(overlay))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContractPathHasItsRoute(String overlay) {
        assertThat(Deploy.routePolicy().check(Deploy.rendered(overlay))).isEmpty();
    }

    @Test
    void secretsOfTheScriptMatchTheirSchema() {
        assertThat(Deploy.secretsFromScript()).hasSize(9);
        assertThat(SCHEMAS.validate(Deploy.secretsFromScript())).isEmpty();
    }

    @Test
    void devImagesMatchBuildScript() throws IOException {
        String imagesLib = Files.readString(Deploy.REPO_ROOT.resolve("deploy/images/lib.sh"));
        String prefix = shellVariable(imagesLib, "IMAGE_PREFIX");
        String tag = shellVariable(imagesLib, "IMAGE_TAG");

        for (String service : WorkloadPolicy.SERVICES) {
            ObjectNode deployment = Manifests.find(Deploy.rendered("dev"), "Deployment", service).orElseThrow();
            assertThat(deployment.at("/spec/template/spec/containers/0/image").asText())
                    .isEqualTo(prefix + "/" + service + ":" + tag);
        }
    }

    @Test
    void productionReplicatesKafka() {
        List<ObjectNode> documents = Deploy.rendered("production");

        assertThat(Manifests.find(documents, "KafkaTopic", "scheduling-events").orElseThrow()
                        .at("/spec/replicas").asInt())
                .isEqualTo(3);
        assertThat(Manifests.find(documents, "Kafka", "clinic-kafka").orElseThrow()
                        .at("/spec/kafka/config/min.insync.replicas").asInt())
                .isEqualTo(2);
        assertThat(Manifests.find(documents, "KafkaNodePool", "controllers").orElseThrow()
                        .at("/spec/replicas").asInt())
                .isEqualTo(3);
        assertThat(Manifests.find(documents, "HorizontalPodAutoscaler", "billing-service").orElseThrow()
                        .at("/spec/minReplicas").asInt())
                .isEqualTo(3);
    }

    private static String shellVariable(String script, String name) {
        Matcher assignment = Pattern.compile("(?m)^" + name + "=(\\S+)$").matcher(script);
        assertThat(assignment.find()).as(name + " in deploy/images/lib.sh").isTrue();
        return assignment.group(1);
    }
}
