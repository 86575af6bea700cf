package org.clinicbooking.deploy;

import static java.util.Map.entry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonParseException;
import io.kubernetes.client.custom.QuantityFormatException;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Schemas of the built-in Kubernetes kinds, from the models of the official Kubernetes Java
 * client, which are generated from the Kubernetes OpenAPI document. Their reader rejects
 * fields that the API does not define (as {@code kubectl apply} does with its default
 * strict field validation), missing required fields and values of the wrong JSON type, and
 * the quantity parser rejects malformed CPU and memory values. Enum values, formats and
 * the API server's own checks (for example name lengths) are not checked.
 */
final class KubernetesApiSchemas {

    private static final String MODEL_PACKAGE = "io.kubernetes.client.openapi.models.";

    private static final Pattern INPUT_STRING = Pattern.compile("For input string: \"([^\"]*)\"");

    /** API group of each built-in kind that the manifests may use ("" is the core group). */
    private static final Map<String, String> GROUPS = Map.ofEntries(
            entry("Namespace", ""),
            entry("Service", ""),
            entry("ServiceAccount", ""),
            entry("ConfigMap", ""),
            entry("Secret", ""),
            entry("PersistentVolumeClaim", ""),
            entry("LimitRange", ""),
            entry("ResourceQuota", ""),
            entry("Deployment", "apps"),
            entry("StatefulSet", "apps"),
            entry("DaemonSet", "apps"),
            entry("HorizontalPodAutoscaler", "autoscaling"),
            entry("PodDisruptionBudget", "policy"),
            entry("NetworkPolicy", "networking.k8s.io"),
            entry("Ingress", "networking.k8s.io"),
            entry("Job", "batch"),
            entry("CronJob", "batch"),
            entry("Role", "rbac.authorization.k8s.io"),
            entry("RoleBinding", "rbac.authorization.k8s.io"),
            entry("PriorityClass", "scheduling.k8s.io"));

    boolean knows(String apiVersion, String kind) {
        return modelClass(apiVersion, kind).isPresent();
    }

    List<String> validate(ObjectNode document) {
        Class<?> model = modelClass(
                        document.path("apiVersion").asText(), document.path("kind").asText())
                .orElseThrow();
        try {
            // Read from text, not from a parsed tree: the reader's errors then name the path.
            JSON.getGson().fromJson(Manifests.JSON.writeValueAsString(document), model);
            return List.of();
        } catch (IllegalArgumentException | JsonParseException | QuantityFormatException e) {
            return List.of(firstSentence(e.getMessage()) + locate(document, e));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialize " + Manifests.describe(document), e);
        }
    }

    /**
     * Finds the fields that hold the value of a number error, as " at /spec/replicas". The
     * client reads numbers from a parsed tree, so its number errors name the value only.
     */
    private static String locate(JsonNode document, RuntimeException error) {
        Matcher input = INPUT_STRING.matcher(String.valueOf(error.getMessage()));
        if (!input.find()) {
            return "";
        }
        List<String> pointers = new ArrayList<>();
        collectPointers(document, "", input.group(1), pointers);
        return pointers.isEmpty() ? "" : " at " + String.join(", ", pointers);
    }

    private static void collectPointers(JsonNode node, String pointer, String value, List<String> pointers) {
        if (node.isTextual() && node.asText().equals(value)) {
            pointers.add(pointer);
        } else if (node.isArray()) {
            for (int index = 0; index < node.size(); index++) {
                collectPointers(node.get(index), pointer + "/" + index, value, pointers);
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field ->
                    collectPointers(field.getValue(), pointer + "/" + field.getKey(), value, pointers));
        }
    }

    /** Checks a custom resource's metadata, which its CRD schema leaves open, as ObjectMeta. */
    List<String> validateObjectMeta(JsonNode metadata) {
        try {
            JSON.getGson().fromJson(Manifests.JSON.writeValueAsString(metadata), V1ObjectMeta.class);
            return List.of();
        } catch (IllegalArgumentException | JsonParseException e) {
            return List.of("metadata: " + firstSentence(e.getMessage()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialize metadata", e);
        }
    }

    /**
     * Looks up the model class of an apiVersion and kind, for example V1Deployment for
     * apps/v1 Deployment and V2HorizontalPodAutoscaler for autoscaling/v2 HorizontalPodAutoscaler.
     */
    private static Optional<Class<?>> modelClass(String apiVersion, String kind) {
        String group = GROUPS.get(kind);
        if (group == null) {
            return Optional.empty();
        }
        String version = group.isEmpty() ? apiVersion : apiVersion.substring(group.length() + 1);
        boolean groupMatches = group.isEmpty() ? !apiVersion.contains("/") : apiVersion.startsWith(group + "/");
        if (!groupMatches || !version.startsWith("v")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Class.forName(MODEL_PACKAGE + "V" + version.substring(1) + kind));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Cuts the whole JSON document off the end of the client's messages. */
    private static String firstSentence(String message) {
        if (message == null) {
            return "invalid document";
        }
        int json = message.indexOf(" JSON: ");
        String text = json >= 0 ? message.substring(0, json) : message;
        return text.lines().findFirst().orElse(text).strip();
    }
}
