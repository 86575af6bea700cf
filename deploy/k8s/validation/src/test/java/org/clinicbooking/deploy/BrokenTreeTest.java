package org.clinicbooking.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Breaks a copy of deploy/k8s on disk, renders it with kubectl like the real overlays, and
 * expects the validation to fail: the checks see what a broken commit would deploy.
 */
class BrokenTreeTest {

    @TempDir
    Path copy;

    @Test
    void generatedDeploymentWithoutStartupProbeFails() throws IOException {
        copyTree();
        Path generated = copy.resolve("base/services/audit-service/kubernetes.yml");
        List<ObjectNode> documents = Manifests.parse(Files.readString(generated));
        ObjectNode deployment = Manifests.find(documents, "Deployment", "audit-service").orElseThrow();
        ((ObjectNode) deployment.at("/spec/template/spec/containers/0")).remove("startupProbe");
        writeDocuments(generated, documents);
        // The probe timings patch replaces fields of the startup probe, so kustomize would
        // fail on the missing probe before the policy runs: the copy drops the patch.
        Path kustomization = copy.resolve("base/services/kustomization.yaml");
        String text = Files.readString(kustomization);
        Files.writeString(kustomization, text.substring(0, text.indexOf("\npatches:")) + "\n");

        List<ObjectNode> rendered = Manifests.render(copy.resolve("overlays/dev"));

        assertThat(Deploy.workloadPolicy().check(rendered))
                .containsExactly("Deployment/audit-service container audit-service: no startupProbe");
    }

    @Test
    void misspeltTopicFieldInTheBaseFails() throws IOException {
        copyTree();
        Path topics = copy.resolve("base/kafka/topics.yaml");
        Files.writeString(topics, Files.readString(topics).replaceFirst("  partitions: 6", "  partition: 6"));

        List<ObjectNode> rendered = Manifests.render(copy.resolve("overlays/production"));

        assertThat(new SchemaValidator().validate(rendered))
                .singleElement()
                .satisfies(violation -> assertThat(violation).startsWith("KafkaTopic/user-events: ").contains("partition"));
    }

    @Test
    void overlayPatchingMissingResourceFailsToRender() throws IOException {
        copyTree();
        Files.delete(copy.resolve("base/services/billing-service/kubernetes.yml"));

        assertThatThrownBy(() -> Manifests.render(copy.resolve("overlays/dev")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kubectl kustomize");
    }

    private void copyTree() throws IOException {
        for (String folder : List.of("base", "overlays")) {
            Path source = Deploy.K8S_DIR.resolve(folder);
            try (Stream<Path> paths = Files.walk(source)) {
                for (Path path : paths.toList()) {
                    Path target = copy.resolve(folder).resolve(source.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(path, target);
                    }
                }
            }
        }
    }

    private static void writeDocuments(Path file, List<ObjectNode> documents) throws IOException {
        StringBuilder yaml = new StringBuilder();
        for (ObjectNode document : documents) {
            yaml.append(Manifests.YAML.writeValueAsString(document));
        }
        Files.writeString(file, yaml);
    }
}
