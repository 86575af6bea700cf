package org.clinicbooking.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each case breaks a copy of the rendered dev overlay and expects the policy to name it. */
class WorkloadPolicyTest {

    static Stream<Arguments> brokenManifests() {
        return Stream.of(
                arguments(
                        "readiness probe removed",
                        container("user-service", c -> c.remove("readinessProbe")),
                        "Deployment/user-service container user-service: no readinessProbe"),
                arguments(
                        "startup probe removed",
                        container("billing-service", c -> c.remove("startupProbe")),
                        "Deployment/billing-service container billing-service: no startupProbe"),
                arguments(
                        "liveness probe on the wrong path",
                        container("audit-service", c -> ((ObjectNode) c.at("/livenessProbe/httpGet"))
                                .put("path", "/q/health")),
                        "Deployment/audit-service: livenessProbe does not call GET /q/health/live"),
                arguments(
                        "memory limit removed",
                        container("clinical-service", c -> ((ObjectNode) c.at("/resources/limits")).remove("memory")),
                        "Deployment/clinical-service container clinical-service: no memory limits"),
                arguments(
                        "CPU request removed",
                        container("scheduling-service", c -> ((ObjectNode) c.at("/resources/requests"))
                                .remove("cpu")),
                        "Deployment/scheduling-service container scheduling-service: no cpu requests"),
                arguments(
                        "resources removed from MySQL",
                        statefulSetContainer("mysql", c -> c.remove("resources")),
                        "StatefulSet/mysql container mysql: no cpu limits"),
                arguments(
                        "writable root file system",
                        container("user-service", c -> ((ObjectNode) c.path("securityContext"))
                                .put("readOnlyRootFilesystem", false)),
                        "Deployment/user-service container user-service: readOnlyRootFilesystem is not true"),
                arguments(
                        "security context removed",
                        container("billing-service", c -> c.remove("securityContext")),
                        "Deployment/billing-service container billing-service: allowPrivilegeEscalation is not false"),
                arguments(
                        "pod may run as root",
                        deployment("audit-service", d -> ((ObjectNode) d.at("/spec/template/spec/securityContext"))
                                .remove("runAsNonRoot")),
                        "Deployment/audit-service container audit-service: runAsNonRoot is not true"),
                arguments(
                        "no writable /tmp",
                        container("clinical-service", c -> c.remove("volumeMounts")),
                        "Deployment/clinical-service container clinical-service: no emptyDir volume mounted at /tmp"),
                arguments(
                        "no autoscaler",
                        removeDocument("HorizontalPodAutoscaler", "billing-service"),
                        "Deployment/billing-service: no HorizontalPodAutoscaler targets it"),
                arguments(
                        "no disruption budget",
                        removeDocument("PodDisruptionBudget", "scheduling-service"),
                        "Deployment/scheduling-service: no PodDisruptionBudget selects its pods"),
                arguments(
                        "no Prometheus annotation",
                        deployment("user-service", d -> ((ObjectNode) d.at("/spec/template/metadata/annotations"))
                                .remove("prometheus.io/scrape")),
                        "Deployment/user-service: pod annotation prometheus.io/scrape is not \"true\""),
                arguments(
                        "a service Deployment missing",
                        removeDocument("Deployment", "audit-service"),
                        "Deployment/audit-service: missing"),
                arguments(
                        "a Secret committed with the manifests",
                        (Consumer<List<ObjectNode>>) documents -> documents.add(Manifests.parse(
                                        "{apiVersion: v1, kind: Secret, metadata: {name: leaked}, data: {a: Yg==}}")
                                .get(0)),
                        "Secret/leaked: Secrets must not be part of the manifests"),
                arguments(
                        "a Secret that nobody creates",
                        container("user-service", c -> ((ObjectNode) c.at("/envFrom/2/secretRef"))
                                .put("name", "user-service-database")),
                        "reads the Secret user-service-database, which create-secrets.sh does not create"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenManifests")
    void policyRejectsBrokenCopy(String description, Consumer<List<ObjectNode>> breakage, String expected) {
        List<ObjectNode> documents = new ArrayList<>(Deploy.renderedCopy("dev"));
        breakage.accept(documents);

        List<String> violations = Deploy.workloadPolicy().check(documents);

        assertThat(violations).anyMatch(violation -> violation.contains(expected));
    }

    private static Consumer<List<ObjectNode>> deployment(String name, Consumer<ObjectNode> change) {
        return documents -> change.accept(Manifests.find(documents, "Deployment", name).orElseThrow());
    }

    private static Consumer<List<ObjectNode>> container(String name, Consumer<ObjectNode> change) {
        return deployment(name, d -> change.accept(firstContainer(d)));
    }

    private static Consumer<List<ObjectNode>> statefulSetContainer(String name, Consumer<ObjectNode> change) {
        return documents -> change.accept(
                firstContainer(Manifests.find(documents, "StatefulSet", name).orElseThrow()));
    }

    private static ObjectNode firstContainer(ObjectNode workload) {
        return (ObjectNode) ((ArrayNode) workload.at("/spec/template/spec/containers")).get(0);
    }

    private static Consumer<List<ObjectNode>> removeDocument(String kind, String name) {
        return documents -> documents.remove(Manifests.find(documents, kind, name).orElseThrow());
    }
}
