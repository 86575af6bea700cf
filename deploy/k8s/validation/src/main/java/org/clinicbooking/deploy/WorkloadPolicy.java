package org.clinicbooking.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules that every workload of the platform follows, checked on rendered manifests.
 *
 * <p>Every Deployment and StatefulSet: liveness, readiness and startup probes, CPU and memory
 * requests and limits, a non-root pod, and containers with a read-only root file system, no
 * privilege escalation and no capabilities, writing only to an emptyDir at /tmp.
 *
 * <p>Every service Deployment in addition: probes on the smallrye-health endpoints,
 * Prometheus scrape annotations for /q/metrics, a HorizontalPodAutoscaler and a
 * PodDisruptionBudget. No Secret is part of the manifests, and every Secret that a workload
 * reads is one that create-secrets.sh creates.
 */
public final class WorkloadPolicy {

    public static final List<String> SERVICES =
            List.of("user-service", "scheduling-service", "billing-service", "clinical-service", "audit-service");

    private static final Map<String, String> HEALTH_PATHS = Map.of(
            "livenessProbe", "/q/health/live",
            "readinessProbe", "/q/health/ready",
            "startupProbe", "/q/health/started");

    private final Set<String> providedSecrets;

    /** @param providedSecrets names of the Secrets that exist in the cluster before the deployment */
    public WorkloadPolicy(Set<String> providedSecrets) {
        this.providedSecrets = Set.copyOf(providedSecrets);
    }

    /** Returns one message per violation. */
    public List<String> check(List<ObjectNode> documents) {
        List<String> violations = new ArrayList<>();
        for (ObjectNode secret : Manifests.ofKind(documents, "Secret")) {
            violations.add(Manifests.describe(secret)
                    + ": Secrets must not be part of the manifests; create-secrets.sh creates them in the cluster");
        }
        for (String kind : List.of("Deployment", "StatefulSet")) {
            for (ObjectNode workload : Manifests.ofKind(documents, kind)) {
                checkWorkload(workload, documents, violations);
            }
        }
        for (String service : SERVICES) {
            if (Manifests.find(documents, "Deployment", service).isEmpty()) {
                violations.add("Deployment/" + service + ": missing");
            }
        }
        for (ObjectNode deployment : Manifests.ofKind(documents, "Deployment")) {
            if (SERVICES.contains(deployment.path("metadata").path("name").asText())) {
                checkService(deployment, documents, violations);
            }
        }
        return violations;
    }

    private void checkWorkload(ObjectNode workload, List<ObjectNode> documents, List<String> violations) {
        String name = Manifests.describe(workload);
        JsonNode pod = workload.path("spec").path("template").path("spec");
        boolean podRunsAsNonRoot = pod.path("securityContext").path("runAsNonRoot").asBoolean(false);

        Set<String> emptyDirs = new HashSet<>();
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.has("emptyDir")) {
                emptyDirs.add(volume.path("name").asText());
            }
            checkSecretName(name, volume.path("secret").path("secretName").asText(null), violations);
            checkConfigMapName(name, volume.path("configMap").path("name").asText(null), documents, violations);
        }

        if (pod.path("containers").isEmpty()) {
            violations.add(name + ": no containers");
        }
        for (JsonNode container : pod.path("initContainers")) {
            checkContainer(name, container, true, podRunsAsNonRoot, emptyDirs, documents, violations);
        }
        for (JsonNode container : pod.path("containers")) {
            checkContainer(name, container, false, podRunsAsNonRoot, emptyDirs, documents, violations);
        }
    }

    private void checkContainer(
            String workload,
            JsonNode container,
            boolean initContainer,
            boolean podRunsAsNonRoot,
            Set<String> emptyDirs,
            List<ObjectNode> documents,
            List<String> violations) {
        String where = workload + " container " + container.path("name").asText("?");
        if (!initContainer) {
            for (String probe : HEALTH_PATHS.keySet()) {
                if (!container.has(probe)) {
                    violations.add(where + ": no " + probe);
                }
            }
            if (!mountsEmptyDir(container, "/tmp", emptyDirs)) {
                violations.add(where + ": no emptyDir volume mounted at /tmp");
            }
        }
        for (String bound : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                if (!container.path("resources").path(bound).hasNonNull(resource)) {
                    violations.add(where + ": no " + resource + " " + bound);
                }
            }
        }
        JsonNode security = container.path("securityContext");
        if (!podRunsAsNonRoot && !security.path("runAsNonRoot").asBoolean(false)) {
            violations.add(where + ": runAsNonRoot is not true (pod or container securityContext)");
        }
        if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
            violations.add(where + ": readOnlyRootFilesystem is not true");
        }
        if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
            violations.add(where + ": allowPrivilegeEscalation is not false");
        }
        if (!containsText(security.path("capabilities").path("drop"), "ALL")) {
            violations.add(where + ": capabilities.drop does not contain ALL");
        }
        for (JsonNode source : container.path("envFrom")) {
            checkSecretName(where, source.path("secretRef").path("name").asText(null), violations);
            checkConfigMapName(where, source.path("configMapRef").path("name").asText(null), documents, violations);
        }
        for (JsonNode variable : container.path("env")) {
            JsonNode from = variable.path("valueFrom");
            checkSecretName(where, from.path("secretKeyRef").path("name").asText(null), violations);
            checkConfigMapName(where, from.path("configMapKeyRef").path("name").asText(null), documents, violations);
        }
    }

    private void checkService(ObjectNode deployment, List<ObjectNode> documents, List<String> violations) {
        String name = deployment.path("metadata").path("name").asText();
        String where = Manifests.describe(deployment);
        JsonNode template = deployment.path("spec").path("template");
        JsonNode container = template.path("spec").path("containers").path(0);

        String httpPort = null;
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asText().equals("http")) {
                httpPort = port.path("containerPort").asText();
            }
        }
        if (httpPort == null) {
            violations.add(where + ": the container has no port named http");
        }
        for (Map.Entry<String, String> probe : HEALTH_PATHS.entrySet()) {
            JsonNode httpGet = container.path(probe.getKey()).path("httpGet");
            if (container.has(probe.getKey()) && !probe.getValue().equals(httpGet.path("path").asText())) {
                violations.add(where + ": " + probe.getKey() + " does not call GET " + probe.getValue());
            }
        }

        JsonNode annotations = template.path("metadata").path("annotations");
        if (!annotations.path("prometheus.io/scrape").asText().equals("true")) {
            violations.add(where + ": pod annotation prometheus.io/scrape is not \"true\"");
        }
        if (!annotations.path("prometheus.io/path").asText().equals("/q/metrics")) {
            violations.add(where + ": pod annotation prometheus.io/path is not /q/metrics");
        }
        if (httpPort != null && !annotations.path("prometheus.io/port").asText().equals(httpPort)) {
            violations.add(where + ": pod annotation prometheus.io/port is not the http port " + httpPort);
        }

        boolean scaled = Manifests.ofKind(documents, "HorizontalPodAutoscaler").stream()
                .map(hpa -> hpa.path("spec").path("scaleTargetRef"))
                .anyMatch(target -> target.path("kind").asText().equals("Deployment")
                        && target.path("name").asText().equals(name));
        if (!scaled) {
            violations.add(where + ": no HorizontalPodAutoscaler targets it");
        }
        JsonNode podLabels = template.path("metadata").path("labels");
        boolean budgeted = Manifests.ofKind(documents, "PodDisruptionBudget").stream()
                .map(pdb -> pdb.path("spec").path("selector").path("matchLabels"))
                .anyMatch(selector -> !selector.isEmpty() && selects(selector, podLabels));
        if (!budgeted) {
            violations.add(where + ": no PodDisruptionBudget selects its pods");
        }
    }

    private void checkSecretName(String where, String secret, List<String> violations) {
        if (secret != null && !providedSecrets.contains(secret)) {
            violations.add(where + ": reads the Secret " + secret + ", which create-secrets.sh does not create");
        }
    }

    private static void checkConfigMapName(
            String where, String configMap, List<ObjectNode> documents, List<String> violations) {
        if (configMap != null && Manifests.find(documents, "ConfigMap", configMap).isEmpty()) {
            violations.add(where + ": reads the ConfigMap " + configMap + ", which the manifests do not define");
        }
    }

    private static boolean mountsEmptyDir(JsonNode container, String path, Set<String> emptyDirs) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals(path)
                    && emptyDirs.contains(mount.path("name").asText())
                    && !mount.path("readOnly").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    private static boolean selects(JsonNode matchLabels, JsonNode labels) {
        for (Iterator<Map.Entry<String, JsonNode>> entries = matchLabels.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (!entry.getValue().asText().equals(labels.path(entry.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsText(JsonNode array, String text) {
        for (JsonNode item : array) {
            if (item.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }
}
