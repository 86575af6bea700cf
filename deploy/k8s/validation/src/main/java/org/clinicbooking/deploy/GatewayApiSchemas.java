package org.clinicbooking.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Schemas of the Gateway API kinds (gateway.networking.k8s.io/v1), from the types of
 * fabric8's kubernetes-model-gatewayapi, which are generated from the Gateway API CRDs.
 * Values of the wrong type fail when the document is read. Those types keep unknown fields
 * in an additionalProperties map, so a map that is not empty afterwards fails too.
 * Required fields, patterns and CEL rules of the CRDs are not checked here; RoutePolicy
 * checks the fields that the routing depends on.
 */
final class GatewayApiSchemas {

    private static final Map<String, Class<?>> TYPES = Map.of(
            "gateway.networking.k8s.io/v1 Gateway", Gateway.class,
            "gateway.networking.k8s.io/v1 GatewayClass", GatewayClass.class,
            "gateway.networking.k8s.io/v1 HTTPRoute", HTTPRoute.class,
            "gateway.networking.k8s.io/v1 GRPCRoute", GRPCRoute.class);

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    boolean knows(String apiVersion, String kind) {
        return TYPES.containsKey(apiVersion + " " + kind);
    }

    List<String> validate(ObjectNode document) {
        Class<?> type = TYPES.get(document.path("apiVersion").asText() + " " + document.path("kind").asText());
        Object resource;
        try {
            resource = MAPPER.treeToValue(document, type);
        } catch (MismatchedInputException e) {
            return List.of(e.getOriginalMessage() + " at " + e.getPathReference());
        } catch (IOException e) {
            return List.of(e.getMessage().lines().findFirst().orElse("invalid document"));
        }
        List<String> violations = new ArrayList<>();
        collectUnknownFields(resource, "", violations, 0);
        return violations;
    }

    /** Walks the fabric8 model through its getters and reports every unknown field. */
    private static void collectUnknownFields(Object value, String path, List<String> violations, int depth) {
        if (value == null || depth > 30) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + index++ + "]", violations, depth + 1);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                collectUnknownFields(entry.getValue(), path + "." + entry.getKey(), violations, depth + 1);
            }
            return;
        }
        if (!value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object child = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    unknown.keySet().forEach(field -> violations.add(
                            "field " + (path.isEmpty() ? "" : path.substring(1) + ".") + field
                                    + " is not defined in the Gateway API schema"));
                }
                continue;
            }
            String name = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            collectUnknownFields(child, path + "." + name, violations, depth + 1);
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Could not read " + getter, e);
        }
    }
}
