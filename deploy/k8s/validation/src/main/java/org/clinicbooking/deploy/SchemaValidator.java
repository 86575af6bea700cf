package org.clinicbooking.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks each document against the schema of its apiVersion and kind, offline. A document
 * whose kind has no schema here fails too, so that every rendered document is checked.
 */
public final class SchemaValidator {

    private final KubernetesApiSchemas kubernetes = new KubernetesApiSchemas();
    private final CrdSchemas strimzi = CrdSchemas.strimzi();
    private final GatewayApiSchemas gatewayApi = new GatewayApiSchemas();

    /** Returns one message per violation, each starting with the document's kind and name. */
    public List<String> validate(List<ObjectNode> documents) {
        List<String> violations = new ArrayList<>();
        for (ObjectNode document : documents) {
            for (String problem : validate(document)) {
                violations.add(Manifests.describe(document) + ": " + problem);
            }
        }
        return violations;
    }

    /** Returns the violations of one document, without its name. */
    public List<String> validate(ObjectNode document) {
        String apiVersion = document.path("apiVersion").asText("");
        String kind = document.path("kind").asText("");
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            return List.of("apiVersion and kind are required");
        }
        JsonNode name = document.path("metadata").path("name");
        if (!name.isTextual() || name.asText().isEmpty()) {
            return List.of("metadata.name is required");
        }
        if (strimzi.knows(apiVersion, kind)) {
            return strimzi.validate(document);
        }
        if (gatewayApi.knows(apiVersion, kind)) {
            return gatewayApi.validate(document);
        }
        if (kubernetes.knows(apiVersion, kind)) {
            return kubernetes.validate(document);
        }
        return List.of("no schema for apiVersion " + apiVersion + " kind " + kind);
    }
}
