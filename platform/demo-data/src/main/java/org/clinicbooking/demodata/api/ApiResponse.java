package org.clinicbooking.demodata.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** A response of the API: the status and the JSON body (a missing node for an empty body). */
public record ApiResponse(String request, int status, JsonNode body) {

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    /** Returns the body of a 2xx response, or throws the problem of any other. */
    public JsonNode bodyOrThrow() {
        if (!successful()) {
            throw new ApiRejection(request, problem());
        }
        return body == null ? MissingNode.getInstance() : body;
    }

    public ApiProblem problem() {
        JsonNode node = body == null ? MissingNode.getInstance() : body;
        return new ApiProblem(
                status,
                ApiProblem.shortType(node.path("type").asText(null)),
                node.path("title").asText(""),
                node.path("detail").asText(node.isMissingNode() ? "" : node.toString()));
    }
}
