package org.clinicbooking.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Access tokens that the suite writes itself, shaped like the ones user-service issues (RS256,
 * {@code iss} clinic-booking, {@code sub} the user id, {@code groups} the role, 15 minutes), so
 * that a test can change one property at a time: the key, the algorithm, the issuer or the
 * expiry.
 */
public final class Tokens {

    /** The issuer user-service writes and every service expects ({@code mp.jwt.verify.issuer}). */
    public static final String ISSUER = "clinic-booking";

    private static final long LIFESPAN_SECONDS = 900;

    private Tokens() {}

    /** Returns claims like user-service's for USER_ID with ROLE, issued now and valid for 15 minutes. */
    public static JwtClaims claims(UUID userId, String role) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(userId.toString());
        claims.setStringListClaim("groups", List.of(role));
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromSeconds(Instant.now().getEpochSecond() + LIFESPAN_SECONDS));
        claims.setJwtId(UUID.randomUUID().toString());
        return claims;
    }

    /** Signs CLAIMS with RS256 and KEY. */
    public static String rs256(JwtClaims claims, PrivateKey key) {
        JsonWebSignature signature = new JsonWebSignature();
        signature.setPayload(claims.toJson());
        signature.setKey(key);
        signature.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        signature.setHeader("typ", "JWT");
        return serialize(signature);
    }

    /** Returns CLAIMS with {@code alg: none} and an empty signature. */
    public static String unsigned(JwtClaims claims) {
        JsonWebSignature signature = new JsonWebSignature();
        signature.setPayload(claims.toJson());
        signature.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        signature.setHeader("typ", "JWT");
        signature.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        return serialize(signature);
    }

    /**
     * Signs CLAIMS with HS256, using the bytes of the stack's public key file as the HMAC secret:
     * the key confusion attack on verifiers that take the algorithm from the token's header.
     */
    public static String hs256WithPublicKey(JwtClaims claims) {
        JsonWebSignature signature = new JsonWebSignature();
        signature.setPayload(claims.toJson());
        signature.setKey(new HmacKey(read(publicKeyFile()).getBytes(StandardCharsets.US_ASCII)));
        signature.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        signature.setHeader("typ", "JWT");
        signature.setDoKeyValidation(false);
        return serialize(signature);
    }

    /** Reads the private key that user-service signs with on the local stack. */
    public static PrivateKey stackKey() {
        String pem = read(Stack.get().jwtPrivateKey());
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Could not read the PKCS#8 RSA key in " + Stack.get().jwtPrivateKey() + ": " + e.getMessage(), e);
        }
    }

    /** Generates a 2048-bit RSA key that no service trusts. */
    public static PrivateKey freshKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not generate an RSA key: " + e.getMessage(), e);
        }
    }

    private static Path publicKeyFile() {
        return Stack.get().jwtPrivateKey().resolveSibling("jwt-public.pem");
    }

    private static String serialize(JsonWebSignature signature) {
        try {
            return signature.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Could not serialize the test token: " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not read " + file + "; bring the stack up with deploy/local/up.sh", e);
        }
    }
}
