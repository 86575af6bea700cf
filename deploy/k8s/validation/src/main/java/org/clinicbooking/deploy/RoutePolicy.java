package org.clinicbooking.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks the gateway's HTTPRoutes against the route table of contracts.md: every path of the
 * table reaches its service and no other, every route hangs on a Gateway of the manifests
 * and sends to a Service port that exists.
 *
 * <p>Matching follows Gateway API: Exact compares the whole path, PathPrefix compares whole
 * segments ("/api/users" matches "/api/users" and "/api/users/1", not "/api/users-x"), and
 * RegularExpression must match the whole path, as Envoy-based implementations do. Because
 * the precedence between regular expressions and prefixes is implementation-specific, a
 * path that rules of two services match is a violation even if one would win.
 */
public final class RoutePolicy {

    private final List<ContractRoutes.Route> contract;

    public RoutePolicy(List<ContractRoutes.Route> contract) {
        this.contract = List.copyOf(contract);
    }

    /** Returns one message per violation. */
    public List<String> check(List<ObjectNode> documents) {
        List<String> violations = new ArrayList<>();
        List<ObjectNode> routes = Manifests.ofKind(documents, "HTTPRoute");
        for (ObjectNode route : routes) {
            checkReferences(route, documents, violations);
        }
        for (ContractRoutes.Route expected : contract) {
            for (String path : expected.samplePaths()) {
                Set<String> backends = backendsFor(path, routes, violations);
                if (backends.isEmpty()) {
                    violations.add(expected.pattern() + " (" + expected.service() + "): no HTTPRoute rule matches "
                            + path);
                } else if (!backends.equals(Set.of(expected.service()))) {
                    violations.add(expected.pattern() + " (" + expected.service() + "): " + path
                            + " is routed to " + backends);
                }
            }
        }
        return violations;
    }

    private static void checkReferences(ObjectNode route, List<ObjectNode> documents, List<String> violations) {
        String where = Manifests.describe(route);
        JsonNode parents = route.path("spec").path("parentRefs");
        if (parents.isEmpty()) {
            violations.add(where + ": no parentRefs");
        }
        for (JsonNode parent : parents) {
            String gateway = parent.path("name").asText();
            if (Manifests.find(documents, "Gateway", gateway).isEmpty()) {
                violations.add(where + ": parentRef " + gateway + " is not a Gateway of the manifests");
            }
        }
        for (JsonNode rule : route.path("spec").path("rules")) {
            if (rule.path("backendRefs").isEmpty()) {
                violations.add(where + ": a rule has no backendRefs");
            }
            for (JsonNode backend : rule.path("backendRefs")) {
                String service = backend.path("name").asText();
                int port = backend.path("port").asInt(-1);
                boolean exists = Manifests.find(documents, "Service", service)
                        .map(found -> hasPort(found, port))
                        .orElse(false);
                if (!exists) {
                    violations.add(where + ": backendRef " + service + ":" + port
                            + " is not a Service port of the manifests");
                }
            }
            for (JsonNode match : rule.path("matches")) {
                String type = match.path("path").path("type").asText("PathPrefix");
                String value = match.path("path").path("value").asText("/");
                if (!type.equals("RegularExpression") && !value.startsWith("/")) {
                    violations.add(where + ": path " + value + " does not start with /");
                }
            }
        }
    }

    /** Collects the Services that the rules matching the path send to. */
    private static Set<String> backendsFor(String path, List<ObjectNode> routes, List<String> violations) {
        Set<String> backends = new TreeSet<>();
        for (ObjectNode route : routes) {
            for (JsonNode rule : route.path("spec").path("rules")) {
                boolean matches = false;
                for (JsonNode match : rule.path("matches")) {
                    matches |= pathMatches(match.path("path"), path, Manifests.describe(route), violations);
                }
                if (matches) {
                    rule.path("backendRefs").forEach(backend -> backends.add(backend.path("name").asText()));
                }
            }
        }
        return backends;
    }

    static boolean pathMatches(JsonNode pathMatch, String path, String where, List<String> violations) {
        String type = pathMatch.path("type").asText("PathPrefix");
        String value = pathMatch.path("value").asText("/");
        return switch (type) {
            case "Exact" -> path.equals(value);
            case "PathPrefix" -> {
                String prefix = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
                yield prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
            }
            case "RegularExpression" -> {
                try {
                    yield Pattern.compile(value).matcher(path).matches();
                } catch (PatternSyntaxException e) {
                    violations.add(where + ": invalid regular expression " + value + ": " + e.getDescription());
                    yield false;
                }
            }
            default -> {
                violations.add(where + ": unknown path match type " + type);
                yield false;
            }
        };
    }

    private static boolean hasPort(JsonNode service, int port) {
        for (JsonNode servicePort : service.path("spec").path("ports")) {
            if (servicePort.path("port").asInt() == port) {
                return true;
            }
        }
        return false;
    }
}
