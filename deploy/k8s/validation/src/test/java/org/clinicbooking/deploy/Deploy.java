package org.clinicbooking.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Paths of the repository and the rendered overlays, shared by the tests. */
final class Deploy {

    /** deploy/k8s; Maven runs the tests in deploy/k8s/validation. */
    static final Path K8S_DIR = Path.of(System.getProperty("k8s.dir", "..")).toAbsolutePath().normalize();

    static final Path REPO_ROOT = K8S_DIR.resolve("../..").normalize();

    static final Path CONTRACTS = REPO_ROOT.resolve("platform/docs/contracts.md");

    private static final Map<Path, List<ObjectNode>> RENDERED = new ConcurrentHashMap<>();

    private static volatile List<ObjectNode> secrets;

    private Deploy() {}

    /** Lists the overlay folders under deploy/k8s/overlays. */
    static List<Path> overlays() {
        try (Stream<Path> entries = Files.list(K8S_DIR.resolve("overlays"))) {
            return entries.filter(path -> Files.exists(path.resolve("kustomization.yaml")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders the overlay once per test run. Callers that change documents copy them first. */
    static List<ObjectNode> rendered(String overlay) {
        Path dir = K8S_DIR.resolve("overlays").resolve(overlay);
        return RENDERED.computeIfAbsent(dir, Manifests::render);
    }

    /** Returns a fresh copy of the rendered overlay, to break on purpose. */
    static List<ObjectNode> renderedCopy(String overlay) {
        return Manifests.copy(rendered(overlay));
    }

    /** Reads the Secrets that create-secrets.sh would create from its --dry-run output. */
    static List<ObjectNode> secretsFromScript() {
        if (secrets == null) {
            secrets = Manifests.parse(run(
                    K8S_DIR.resolve("create-secrets.sh").toString(), "--admin-email", "admin@example.org", "--dry-run"));
        }
        return secrets;
    }

    static Set<String> secretNames() {
        return secretsFromScript().stream()
                .map(secret -> secret.path("metadata").path("name").asText())
                .collect(Collectors.toSet());
    }

    static WorkloadPolicy workloadPolicy() {
        return new WorkloadPolicy(secretNames());
    }

    static RoutePolicy routePolicy() {
        return new RoutePolicy(ContractRoutes.read(CONTRACTS));
    }

    private static String run(String... command) {
        try {
            // The error output goes to the test's own, so it cannot fill a pipe.
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", command) + " failed; its error output is printed above");
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
