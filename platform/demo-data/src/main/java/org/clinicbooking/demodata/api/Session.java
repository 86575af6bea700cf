package org.clinicbooking.demodata.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The login of one user. It logs in on first use and again shortly before the access token
 * expires, or when the API rejects the token, so a long import outlives the token lifespan.
 * The password stays in memory only.
 */
public final class Session {

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

    private final GatewayClient gateway;
    private final String email;
    private final String password;
    private String accessToken;
    private Instant expiresAt = Instant.MIN;
    private UUID userId;

    public Session(GatewayClient gateway, String email, String password) {
        this.gateway = gateway;
        this.email = email;
        this.password = password;
    }

    public String email() {
        return email;
    }

    /** Returns the id of the signed-in user, logging in first when needed. */
    public synchronized UUID userId() {
        accessToken();
        return userId;
    }

    synchronized String accessToken() {
        if (accessToken == null || Instant.now().isAfter(expiresAt.minus(RENEW_BEFORE_EXPIRY))) {
            logIn();
        }
        return accessToken;
    }

    /** Drops TOKEN when it is still the current one, so the next request logs in again. */
    synchronized void rejected(String token) {
        if (token != null && token.equals(accessToken)) {
            accessToken = null;
        }
    }

    private void logIn() {
        Instant requestedAt = Instant.now();
        JsonNode token = gateway.send("POST", "/api/auth/login", Map.of("email", email, "password", password), null)
                .bodyOrThrow();
        accessToken = token.path("accessToken").asText();
        expiresAt = requestedAt.plusSeconds(token.path("expiresIn").asLong(300));
        userId = UUID.fromString(token.path("userId").asText());
    }
}
