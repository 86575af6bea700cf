package org.clinicbooking.testkit;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.UUID;

/** Signs JWTs the way user-service does, with the test key pair, for any user and role. */
public final class TestTokens {

    public static final String ISSUER = "clinic-booking";

    private TestTokens() {}

    public static String forUser(UUID userId, String role) {
        return Jwt.issuer(ISSUER)
                .subject(userId.toString())
                .groups(role)
                .expiresIn(900)
                .sign(key("test-jwt/private.pem"));
    }

    public static String patient(UUID userId) {
        return forUser(userId, "PATIENT");
    }

    public static String doctor(UUID userId) {
        return forUser(userId, "DOCTOR");
    }

    public static String staff() {
        return forUser(UUID.randomUUID(), "STAFF");
    }

    public static String admin() {
        return forUser(UUID.randomUUID(), "ADMIN");
    }

    public static String expired(UUID userId, String role) {
        Instant past = Instant.now().minusSeconds(3600);
        return Jwt.issuer(ISSUER)
                .subject(userId.toString())
                .groups(role)
                .issuedAt(past.minusSeconds(900))
                .expiresAt(past)
                .sign(key("test-jwt/private.pem"));
    }

    public static String wrongIssuer(UUID userId, String role) {
        return Jwt.issuer("someone-else")
                .subject(userId.toString())
                .groups(role)
                .expiresIn(900)
                .sign(key("test-jwt/private.pem"));
    }

    public static String wrongSignature(UUID userId, String role) {
        return Jwt.issuer(ISSUER)
                .subject(userId.toString())
                .groups(role)
                .expiresIn(900)
                .sign(key("test-jwt/other-private.pem"));
    }

    private static PrivateKey key(String location) {
        try {
            return KeyUtils.readPrivateKey(location);
        } catch (Exception e) {
            throw new IllegalStateException("Test signing key " + location + " cannot be read", e);
        }
    }
}
