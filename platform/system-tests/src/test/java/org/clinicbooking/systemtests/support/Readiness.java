package org.clinicbooking.systemtests.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Polls the services' /q/health/ready endpoints the way a Kubernetes readiness probe does: a
 * response that takes longer than the probe's timeout counts as not ready.
 */
public final class Readiness {

    /** The readiness probe timeout of the Kubernetes manifests. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();

    private Readiness() {}

    /** Returns the readiness status of SERVICE, 0 when it did not respond within the probe timeout. */
    public static int probe(String service) {
        URI uri = Stack.get().service(service).resolve("/q/health/ready");
        try {
            HttpRequest request =
                    HttpRequest.newBuilder(uri).timeout(PROBE_TIMEOUT).GET().build();
            return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /**
     * Probes every service at once until each one's readiness is EXPECTED, and returns the
     * seconds each took, or -1 for a service that did not get there within TIMEOUT.
     */
    public static Map<String, Long> waitFor(boolean expected, Duration timeout) {
        Instant start = Instant.now();
        Map<String, CompletableFuture<Long>> waits = new LinkedHashMap<>();
        ExecutorService probes = Executors.newFixedThreadPool(Stack.SERVICES.size());
        for (String service : Stack.SERVICES.keySet()) {
            waits.put(
                    service,
                    CompletableFuture.supplyAsync(
                            () -> {
                                while (Instant.now().isBefore(start.plus(timeout))) {
                                    if ((probe(service) == 200) == expected) {
                                        return Duration.between(start, Instant.now())
                                                .toSeconds();
                                    }
                                    EventLedger.sleep(Duration.ofMillis(500));
                                }
                                return -1L;
                            },
                            probes));
        }
        Map<String, Long> seconds = new LinkedHashMap<>();
        waits.forEach((service, wait) -> seconds.put(service, wait.join()));
        probes.shutdown();
        return seconds;
    }
}
