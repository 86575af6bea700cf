package org.clinicbooking.systemtests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One HTTP response, or the I/O failure that stood in for it (status 0), as a client sees a
 * refused connection while a service is down.
 */
public record Reply(String request, int status, Map<String, List<String>> headers, byte[] body) {

    static Reply failed(String request, IOException error) {
        String message = error.getClass().getSimpleName() + ": " + error.getMessage();
        return new Reply(request, 0, Map.of(), message.getBytes(StandardCharsets.UTF_8));
    }

    public String header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .flatMap(entry -> entry.getValue().stream())
                .findFirst()
                .orElse(null);
    }

    public String contentType() {
        String value = header("Content-Type");
        return value == null ? "" : value;
    }

    public boolean isProblem() {
        return contentType().startsWith("application/problem+json");
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Returns the body as JSON, or a missing node when it is empty or not JSON. */
    public JsonNode json() {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return Http.JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    public UUID id() {
        return UUID.fromString(json().path("id").asText());
    }

    /** Returns this reply, or fails with the request, status and body when the status differs. */
    public Reply expect(int expected) {
        if (status != expected) {
            throw new AssertionError(request + ": expected HTTP " + expected + ", got " + status + " " + text());
        }
        return this;
    }

    /** Returns a one-line summary for failure messages. */
    public String describe() {
        String text = text();
        return request + " -> " + status + " " + contentType() + " "
                + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
    }
}
