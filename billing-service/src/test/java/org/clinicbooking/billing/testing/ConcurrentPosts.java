package org.clinicbooking.billing.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.clinicbooking.testkit.Simultaneously;

/** Sends POST requests that start together from separate threads, to exercise races. */
public final class ConcurrentPosts {

    private ConcurrentPosts() {}

    /** The status and body a client saw. */
    public record Reply(int status, String body) {}

    /**
     * Sends {@code count} requests released at the same moment and returns their responses in
     * request order. {@code requestFor} builds the i-th request.
     */
    public static List<Reply> send(int count, IntFunction<HttpRequest> requestFor) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<HttpRequest> requests =
                IntStream.range(0, count).mapToObj(requestFor).toList();
        return Simultaneously.run(count, index -> {
            HttpResponse<String> response = client.send(requests.get(index), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        });
    }

    /** Builds a JSON POST with a bearer token and, unless null, an Idempotency-Key. */
    public static HttpRequest post(URI uri, String token, String json, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.build();
    }
}
