package org.clinicbooking.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The route check: contracts.md's table is read, and broken copies of the routes fail. */
class RoutePolicyTest {

    @Test
    void contractTableListsEveryService() {
        List<ContractRoutes.Route> routes = ContractRoutes.read(Deploy.CONTRACTS);

        assertThat(routes).extracting(ContractRoutes.Route::service).containsAll(WorkloadPolicy.SERVICES);
        assertThat(routes).contains(
                new ContractRoutes.Route("/api/doctors/{id}", "user-service"),
                new ContractRoutes.Route("/api/doctors/{id}/calendar.ics", "scheduling-service"),
                new ContractRoutes.Route("/api/doctors/{id}/rating", "clinical-service"),
                new ContractRoutes.Route("/api/audit-logs/**", "audit-service"));
    }

    @Test
    void removedRuleLeavesItsPathUnrouted() {
        List<ObjectNode> documents = Deploy.renderedCopy("dev");
        ObjectNode clinical = Manifests.find(documents, "HTTPRoute", "clinical-service").orElseThrow();
        ArrayNode rules = (ArrayNode) clinical.at("/spec/rules");
        rules.remove(rules.size() - 1);

        assertThat(Deploy.routePolicy().check(documents))
                .contains("/api/doctors/{id}/rating (clinical-service): no HTTPRoute rule matches "
                        + "/api/doctors/3f2b8c1e-7d4a-4e59-9b61-2c8d0f6a1b37/rating");
    }

    @Test
    void removedRouteLeavesItsServiceUnreachable() {
        List<ObjectNode> documents = Deploy.renderedCopy("production");
        documents = documents.stream()
                .filter(document -> !Manifests.describe(document).equals("HTTPRoute/billing-service"))
                .toList();

        assertThat(Deploy.routePolicy().check(documents))
                .anyMatch(violation -> violation.startsWith("/api/payments/** (billing-service): no HTTPRoute rule"));
    }

    @Test
    void overlappingPrefixIsRejected() {
        List<ObjectNode> documents = Deploy.renderedCopy("dev");
        ObjectNode user = Manifests.find(documents, "HTTPRoute", "user-service").orElseThrow();
        ObjectNode doctorsMatch = (ObjectNode) user.at("/spec/rules/4/matches/0/path");
        doctorsMatch.put("type", "PathPrefix");

        assertThat(Deploy.routePolicy().check(documents))
                .anyMatch(violation -> violation.startsWith("/api/doctors/{id}/availability (scheduling-service): ")
                        && violation.endsWith("is routed to [scheduling-service, user-service]"));
    }

    @Test
    void backendOnMissingServicePortIsRejected() {
        List<ObjectNode> documents = Deploy.renderedCopy("dev");
        ObjectNode audit = Manifests.find(documents, "HTTPRoute", "audit-service").orElseThrow();
        ((ObjectNode) audit.at("/spec/rules/0/backendRefs/0")).put("port", 8085);

        assertThat(Deploy.routePolicy().check(documents))
                .contains("HTTPRoute/audit-service: backendRef audit-service:8085 is not a Service port of the manifests");
    }
}
