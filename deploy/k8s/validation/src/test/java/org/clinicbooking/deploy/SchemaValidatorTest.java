package org.clinicbooking.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each case breaks one document of a copy of the dev overlay and expects a schema violation. */
class SchemaValidatorTest {

    private static final SchemaValidator SCHEMAS = new SchemaValidator();

    static Stream<Arguments> brokenDocuments() {
        return Stream.of(
                arguments(
                        "misspelt container field",
                        "Deployment", "user-service",
                        edit("/spec/template/spec/containers/0", node -> node.putObject("livenesProbe")),
                        "livenesProbe"),
                arguments(
                        "replicas as text",
                        "StatefulSet", "mysql",
                        edit("/spec", node -> node.put("replicas", "two")),
                        "replicas"),
                arguments(
                        "malformed memory quantity",
                        "Deployment", "billing-service",
                        edit("/spec/template/spec/containers/0/resources/limits", node -> node.put("memory", "lots")),
                        "lots"),
                arguments(
                        "Service port without its number",
                        "Service", "mysql",
                        edit("/spec/ports/0", node -> node.remove("port")),
                        "port"),
                arguments(
                        "misspelt NetworkPolicy field",
                        "NetworkPolicy", "mysql",
                        edit("/spec", node -> node.set("ingres", node.get("ingress"))),
                        "ingres"),
                arguments(
                        "misspelt KafkaTopic field",
                        "KafkaTopic", "user-events",
                        edit("/spec", node -> node.put("partitionz", 6)),
                        "partitionz"),
                arguments(
                        "KafkaTopic partitions as text",
                        "KafkaTopic", "billing-events",
                        edit("/spec", node -> node.put("partitions", "six")),
                        "partitions"),
                arguments(
                        "unknown Kafka listener type",
                        "Kafka", "clinic-kafka",
                        edit("/spec/kafka/listeners/0", node -> node.put("type", "public")),
                        "type"),
                arguments(
                        "node pool without roles",
                        "KafkaNodePool", "brokers",
                        edit("/spec", node -> node.remove("roles")),
                        "roles"),
                arguments(
                        "misspelt HTTPRoute field",
                        "HTTPRoute", "user-service",
                        edit("/spec/rules/0", node -> node.set("matchez", node.get("matches"))),
                        "matchez"),
                arguments(
                        "HTTPRoute backend port as text",
                        "HTTPRoute", "billing-service",
                        edit("/spec/rules/0/backendRefs/0", node -> node.put("port", "eighty")),
                        "port"),
                arguments(
                        "kind without a schema",
                        "ConfigMap", null,
                        edit("", node -> node.put("kind", "ConfigMapp")),
                        "no schema for apiVersion v1 kind ConfigMapp"),
                arguments(
                        "built-in kind in the wrong API group",
                        "PodDisruptionBudget", "audit-service",
                        edit("", node -> node.put("apiVersion", "apps/v1")),
                        "no schema for apiVersion apps/v1 kind PodDisruptionBudget"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDocuments")
    void schemaRejectsBrokenCopy(
            String description, String kind, String name, Consumer<ObjectNode> breakage, String expected) {
        List<ObjectNode> documents = Deploy.renderedCopy("dev");
        ObjectNode document = name == null
                ? Manifests.ofKind(documents, kind).get(0)
                : Manifests.find(documents, kind, name).orElseThrow();
        assertThat(SCHEMAS.validate(document)).as("the unbroken document").isEmpty();

        breakage.accept(document);

        assertThat(SCHEMAS.validate(document)).anyMatch(violation -> violation.contains(expected));
    }

    private static Consumer<ObjectNode> edit(String pointer, Consumer<ObjectNode> change) {
        return document -> change.accept((ObjectNode) (pointer.isEmpty() ? document : document.at(pointer)));
    }
}
