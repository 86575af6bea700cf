package org.clinicbooking.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** JSON calls to the gateway with the admin's bearer token. Safe to share between threads. */
final class Gateway {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final URI base;
    private final ObjectMapper json;
    private volatile String bearerToken;

    /** A response: its HTTP status and its body, or a missing node when the body is empty. */
    record Reply(int status, JsonNode body) {

        /** Returns the body, or throws with the status and body when the status is not {@code expected}. */
        JsonNode require(int expected, String action) {
            if (status != expected) {
                throw new IllegalStateException(
                        action + " failed: expected HTTP " + expected + ", got " + status + " with body " + body);
            }
            return body;
        }
    }

    Gateway(URI base, ObjectMapper json) {
        this.base = base;
        this.json = json;
        // HTTP/1.1 with keep-alive, as a browser or a mobile client talks to nginx.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Signs in and uses the token for every later call. Tokens last 15 minutes; sign in again before each phase. */
    void login(String email, String password) {
        Reply reply = send("POST", "/api/auth/login", Map.of("email", email, "password", password), false);
        bearerToken =
                reply.require(200, "Signing in as " + email).path("accessToken").asText();
    }

    Reply post(String path, Object body) {
        return send("POST", path, body, true);
    }

    Reply put(String path, Object body) {
        return send("PUT", path, body, true);
    }

    Reply get(String path) {
        return send("GET", path, null, true);
    }

    private Reply send(String method, String path, Object body, boolean authenticated) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        if (authenticated) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(toJson(body)));
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " was interrupted", e);
        }
    }

    /** Parses a JSON body; an error page from nginx is not JSON and is kept as text. */
    private JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            return json.missingNode();
        }
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            return TextNode.valueOf(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private byte[] toJson(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the request body as JSON", e);
        }
    }
}
