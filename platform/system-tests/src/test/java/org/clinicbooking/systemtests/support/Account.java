package org.clinicbooking.systemtests.support;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A user of the platform that a test created, with its password, so that it can sign in again
 * when its 15-minute token is about to expire during a long scenario.
 */
public final class Account {

    private static final Duration TOKEN_REFRESH_AFTER = Duration.ofMinutes(10);

    private final Http gateway;
    private final UUID id;
    private final String email;
    private final String password;
    private final String role;
    private String token;
    private Instant signedInAt = Instant.EPOCH;

    Account(Http gateway, UUID id, String email, String password, String role) {
        this.gateway = gateway;
        this.id = id;
        this.email = email;
        this.password = password;
        this.role = role;
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String role() {
        return role;
    }

    /** Returns a valid access token, signing in again when the current one is old. */
    public synchronized String token() {
        if (Instant.now().isAfter(signedInAt.plus(TOKEN_REFRESH_AFTER))) {
            token = gateway.post("/api/auth/login")
                    .json(java.util.Map.of("email", email, "password", password))
                    .send()
                    .expect(200)
                    .json()
                    .path("accessToken")
                    .asText();
            signedInAt = Instant.now();
        }
        return token;
    }
}
