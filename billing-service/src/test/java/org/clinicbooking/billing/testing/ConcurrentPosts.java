package org.clinicbooking.billing.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

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
        ExecutorService threads = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                HttpRequest request = requestFor.apply(i);
                futures.add(threads.submit(() -> {
                    start.await();
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    return new Reply(response.statusCode(), response.body());
                }));
            }
            start.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> future : futures) {
                replies.add(future.get());
            }
            return replies;
        } finally {
            threads.shutdownNow();
        }
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
