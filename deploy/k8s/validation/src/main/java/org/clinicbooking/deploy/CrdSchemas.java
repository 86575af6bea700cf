package org.clinicbooking.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Schemas of custom resources, from the openAPIV3Schema of their CustomResourceDefinitions,
 * checked with a JSON Schema validator. Like kubeconform's strict mode, an object schema
 * that lists properties rejects every other property unless it sets
 * x-kubernetes-preserve-unknown-fields, as the API server does with strict field
 * validation. CEL rules (x-kubernetes-validations) are not evaluated.
 */
final class CrdSchemas {

    /** The CRDs that the Strimzi operator installs, shipped in Strimzi's api test jar. */
    private static final List<String> STRIMZI_CRDS = List.of(
            "crds/v1beta2/040-Crd-kafka.yaml",
            "crds/v1beta2/041-Crd-kafkaconnect.yaml",
            "crds/v1beta2/042-Crd-strimzipodset.yaml",
            "crds/v1beta2/043-Crd-kafkatopic.yaml",
            "crds/v1beta2/044-Crd-kafkauser.yaml",
            "crds/v1beta2/045-Crd-kafkanodepool.yaml",
            "crds/v1beta2/046-Crd-kafkabridge.yaml",
            "crds/v1beta2/047-Crd-kafkaconnector.yaml",
            "crds/v1beta2/048-Crd-kafkamirrormaker2.yaml",
            "crds/v1beta2/049-Crd-kafkarebalance.yaml");

    /** Keywords whose content is data, not a schema. */
    private static final Set<String> VALUE_KEYWORDS = Set.of("enum", "required", "default", "example");

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    /** Schema by "group/version kind". */
    private final Map<String, JsonSchema> schemas = new HashMap<>();

    private final KubernetesApiSchemas kubernetes = new KubernetesApiSchemas();

    static CrdSchemas strimzi() {
        CrdSchemas crds = new CrdSchemas();
        STRIMZI_CRDS.forEach(crds::load);
        return crds;
    }

    boolean knows(String apiVersion, String kind) {
        return schemas.containsKey(apiVersion + " " + kind);
    }

    List<String> validate(ObjectNode document) {
        List<String> violations = new ArrayList<>();
        JsonSchema schema = schemas.get(document.path("apiVersion").asText() + " " + document.path("kind").asText());
        for (ValidationMessage message : schema.validate(document)) {
            violations.add(message.getMessage());
        }
        violations.addAll(kubernetes.validateObjectMeta(document.path("metadata")));
        return violations;
    }

    private void load(String resource) {
        try (InputStream input = CrdSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (input == null) {
                throw new IllegalStateException("CRD " + resource + " is not on the classpath");
            }
            JsonNode crd = Manifests.YAML.readTree(input);
            String group = crd.path("spec").path("group").asText();
            String kind = crd.path("spec").path("names").path("kind").asText();
            for (JsonNode version : crd.path("spec").path("versions")) {
                if (!version.path("served").asBoolean()) {
                    continue;
                }
                JsonNode openApi = version.path("schema").path("openAPIV3Schema").deepCopy();
                JsonNode jsonSchema = toStrictJsonSchema(openApi);
                schemas.put(group + "/" + version.path("name").asText() + " " + kind, FACTORY.getSchema(jsonSchema));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }

    /**
     * Turns a structural OpenAPI v3 schema of a CRD into a JSON Schema (draft 7): nullable
     * and x-kubernetes-int-or-string become type unions, formats such as int32 (which
     * draft 7 does not define) are dropped, and objects with properties get
     * additionalProperties false.
     */
    static JsonNode toStrictJsonSchema(JsonNode node) {
        if (node instanceof ArrayNode array) {
            array.forEach(CrdSchemas::toStrictJsonSchema);
            return array;
        }
        if (!(node instanceof ObjectNode schema)) {
            return node;
        }
        schema.remove("format");
        if (schema.path("x-kubernetes-int-or-string").asBoolean()) {
            schema.remove("type");
            ArrayNode anyOf = schema.putArray("anyOf");
            anyOf.addObject().put("type", "integer");
            anyOf.addObject().put("type", "string");
        }
        if (schema.path("nullable").asBoolean() && schema.path("type").isTextual()) {
            ArrayNode types = JsonNodeFactory.instance.arrayNode();
            types.add(schema.path("type").asText()).add("null");
            schema.set("type", types);
        }
        boolean preservesUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean();
        if (schema.has("properties") && !schema.has("additionalProperties") && !preservesUnknown) {
            schema.put("additionalProperties", false);
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("properties")) {
                field.getValue().forEach(CrdSchemas::toStrictJsonSchema);
            } else if (field.getValue().isContainerNode() && !VALUE_KEYWORDS.contains(field.getKey())) {
                toStrictJsonSchema(field.getValue());
            }
        }
        return schema;
    }
}
