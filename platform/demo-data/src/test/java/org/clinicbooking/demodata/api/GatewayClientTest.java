package org.clinicbooking.demodata.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the client against a small HTTP server on loopback in place of the gateway. */
class GatewayClientTest {

    private static final String PROBLEM = "application/problem+json";

    private HttpServer server;
    private GatewayClient client;
    private final AtomicInteger logins = new AtomicInteger();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/auth/login", exchange -> {
            int login = logins.incrementAndGet();
            respond(exchange, 200, "application/json", """
                    {"accessToken":"token-%d","tokenType":"Bearer","expiresIn":900,
                     "userId":"3f1c9a52-5d43-4b8e-9a55-0f6d1f2a7c11","role":"STAFF"}""".formatted(login));
        });
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        client = new GatewayClient(base, new ObjectMapper());
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void rejectedTokenLogsInAgainAndRetries() {
        server.createContext("/api/clinics", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            if (authorizations.size() == 1) {
                respond(exchange, 401, PROBLEM, "{\"type\":\"https://clinic-booking.org/problems/unauthorized\"}");
            } else {
                respond(exchange, 200, "application/json", "{\"id\":\"c1\"}");
            }
        });
        Session session = new Session(client, "staff@example.org", "a-password-for-tests");

        ApiResponse response = client.get("/api/clinics", session);

        assertThat(response.status()).isEqualTo(200);
        assertThat(authorizations).containsExactly("Bearer token-1", "Bearer token-2");
    }

    @Test
    void serviceUnavailableIsRetried() {
        AtomicInteger calls = new AtomicInteger();
        server.createContext("/api/clinics", exchange -> {
            if (calls.incrementAndGet() < 3) {
                respond(
                        exchange,
                        503,
                        PROBLEM,
                        "{\"type\":\"https://clinic-booking.org/problems/dependency-unavailable\"}");
            } else {
                respond(exchange, 201, "application/json", "{\"id\":\"c1\"}");
            }
        });

        ApiResponse response = client.post("/api/clinics", Map.of("name", "Clinic"), null);

        assertThat(response.status()).isEqualTo(201);
        assertThat(calls).hasValue(3);
    }

    @Test
    void conflictIsReturnedWithoutRetry() {
        AtomicInteger calls = new AtomicInteger();
        server.createContext("/api/clinics/c1", exchange -> {
            calls.incrementAndGet();
            respond(exchange, 409, PROBLEM, """
                    {"type":"https://clinic-booking.org/problems/concurrent-update","status":409}""");
        });

        ApiResponse response = client.put("/api/clinics/c1", Map.of("name", "Clinic"), null);

        assertThat(response.status()).isEqualTo(409);
        assertThat(calls).hasValue(1);
    }

    @Test
    void unreachableServiceStopsTheImport() {
        server.createContext(
                "/api/payments",
                exchange -> respond(
                        exchange,
                        502,
                        PROBLEM,
                        "{\"type\":\"https://clinic-booking.org/problems/bad-gateway\",\"detail\":\"down\"}"));

        assertThatThrownBy(() -> client.get("/api/payments", null))
                .isInstanceOf(GatewayUnavailableException.class)
                .hasMessageContaining("returned 502 after 4 attempts");
    }

    @Test
    void problemBodyBecomesRejection() {
        server.createContext("/api/appointments", exchange -> respond(exchange, 409, PROBLEM, """
                {"type":"https://clinic-booking.org/problems/booking-conflict","title":"Time slot not available",
                 "status":409,"detail":"The doctor is busy."}"""));

        ApiResponse response = client.post("/api/appointments", Map.of(), null);

        assertThat(response.problem())
                .isEqualTo(new ApiProblem(409, "booking-conflict", "Time slot not available", "The doctor is busy."));
        assertThatThrownBy(response::bodyOrThrow)
                .isInstanceOf(ApiRejection.class)
                .hasMessageContaining("POST /api/appointments was rejected: 409 booking-conflict");
    }

    @Test
    void listAllFollowsPages() {
        server.createContext("/api/medical-services", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            int page = query.contains("page=1") ? 1 : 0;
            respond(exchange, 200, "application/json", """
                    {"items":[{"id":"s%d"}],"page":%d,"size":100,"totalItems":2,"totalPages":2}""".formatted(page, page));
        });

        assertThat(client.listAll("/api/medical-services?active=true", null))
                .extracting(item -> item.path("id").asText())
                .containsExactly("s0", "s1");
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
