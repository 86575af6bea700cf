package org.clinicbooking.systemtests.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Raw HTTP calls to the gateway or to one service. Bodies are bytes, so that a test can send
 * what no JSON library would write: invalid UTF-8, truncated documents, megabytes of nesting.
 * Safe to share between threads.
 */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper();

    // Longer than the services' own 20 s request deadline, so the suite receives their response.
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client;
    private final URI base;

    public Http(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** A request under construction: method, path, optional token, headers and body. */
    public final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
            headers.put("Accept", "application/json, application/problem+json");
        }

        public Call token(String bearerToken) {
            if (bearerToken != null) {
                headers.put("Authorization", "Bearer " + bearerToken);
            }
            return this;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** Sends OBJECT written as JSON. */
        public Call json(Object object) {
            try {
                return raw("application/json", JSON.writeValueAsBytes(object));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write the request body as JSON", e);
            }
        }

        /** Sends TEXT as a JSON body exactly as written, valid or not. */
        public Call jsonText(String text) {
            return raw("application/json", text.getBytes(StandardCharsets.UTF_8));
        }

        public Call raw(String contentType, byte[] bytes) {
            headers.put("Content-Type", contentType);
            this.body = bytes;
            return this;
        }

        public Reply send() {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT);
            headers.forEach(request::header);
            request.method(
                    method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            try {
                HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Reply(
                        method + " " + path,
                        response.statusCode(),
                        response.headers().map(),
                        response.body());
            } catch (IOException e) {
                return Reply.failed(method + " " + path, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(method + " " + path + " was interrupted", e);
            }
        }
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    public Call post(String path) {
        return new Call("POST", path);
    }

    public Call put(String path) {
        return new Call("PUT", path);
    }

    public Call delete(String path) {
        return new Call("DELETE", path);
    }

    public Call method(String method, String path) {
        return new Call(method, path);
    }
}
