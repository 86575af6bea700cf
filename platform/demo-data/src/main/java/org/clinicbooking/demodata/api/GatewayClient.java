package org.clinicbooking.demodata.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Sends JSON requests to the platform's public API through the gateway. Retries a request that
 * could not be sent or that returned 502, 503 or 504 (a service restarting). Retries once with a
 * fresh login when a token is rejected with 401. Every other response, a 409 included, goes back
 * to the caller. Throws {@link GatewayUnavailableException} when the gateway or a service stays
 * unreachable, because the import cannot go on without it.
 */
public final class GatewayClient {

    private static final Logger LOG = Logger.getLogger(GatewayClient.class.getName());
    private static final int MAX_ATTEMPTS = 4;
    private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(500);
    private static final int PAGE_SIZE = 100;

    private final HttpClient http;
    private final URI baseUrl;
    private final ObjectMapper json;

    public GatewayClient(URI baseUrl, ObjectMapper json) {
        this.baseUrl = baseUrl;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public ApiResponse get(String path, Session session) {
        return send("GET", path, null, session);
    }

    public ApiResponse post(String path, Object body, Session session) {
        return send("POST", path, body, session);
    }

    public ApiResponse put(String path, Object body, Session session) {
        return send("PUT", path, body, session);
    }

    public ApiResponse send(String method, String path, Object body, Session session) {
        return send(method, path, body, session, Map.of());
    }

    /** Sends one request; SESSION may be null for the two endpoints open without a token. */
    public ApiResponse send(String method, String path, Object body, Session session, Map<String, String> headers) {
        String description = method + " " + path;
        ApiResponse response = sendWithRetries(method, path, body, session, headers, description);
        if (response.status() == 401 && session != null) {
            response = sendWithRetries(method, path, body, session, headers, description);
        }
        return response;
    }

    /**
     * Returns every item of a paginated listing. PATH may hold a query already; {@code page}
     * and {@code size} are added.
     */
    public List<JsonNode> listAll(String path, Session session) {
        List<JsonNode> items = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        int page = 0;
        int totalPages;
        do {
            JsonNode body = get(path + separator + "page=" + page + "&size=" + PAGE_SIZE, session)
                    .bodyOrThrow();
            body.path("items").forEach(items::add);
            totalPages = body.path("totalPages").asInt(0);
            page++;
        } while (page < totalPages);
        return items;
    }

    private ApiResponse sendWithRetries(
            String method, String path, Object body, Session session, Map<String, String> headers, String description) {
        Duration delay = FIRST_RETRY_DELAY;
        for (int attempt = 1; ; attempt++) {
            String token = session == null ? null : session.accessToken();
            try {
                ApiResponse response = sendOnce(method, path, body, token, headers, description);
                if (response.status() == 401 && session != null) {
                    session.rejected(token);
                }
                boolean unreachable = response.status() == 502 || response.status() == 504;
                if (unreachable && attempt == MAX_ATTEMPTS) {
                    // The gateway cannot reach the service, so every further request to it would fail too.
                    throw new GatewayUnavailableException(
                            description + " returned " + response.status() + " after " + attempt + " attempts ("
                                    + response.problem().detail() + "). Is the service for " + path + " running?",
                            null);
                }
                if (!(unreachable || response.status() == 503) || attempt == MAX_ATTEMPTS) {
                    return response;
                }
                LOG.warning(
                        description + " returned " + response.status() + "; retrying in " + delay.toMillis() + " ms");
            } catch (IOException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new GatewayUnavailableException(
                            description + " failed after " + attempt + " attempts: " + e
                                    + ". Is the gateway running on " + baseUrl + "?",
                            e);
                }
                LOG.warning(description + " failed (" + e + "); retrying in " + delay.toMillis() + " ms");
            }
            sleep(delay);
            delay = delay.multipliedBy(2);
        }
    }

    private ApiResponse sendOnce(
            String method, String path, Object body, String token, Map<String, String> headers, String description)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }

        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return new ApiResponse(description, response.statusCode(), parse(response.body()));
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            // A non-JSON body (an HTML error page of a proxy, say) is kept as text for the report.
            return json.getNodeFactory().objectNode().put("detail", body.strip());
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry", e);
        }
    }
}
