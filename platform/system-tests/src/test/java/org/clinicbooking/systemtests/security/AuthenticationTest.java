package org.clinicbooking.systemtests.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicbooking.systemtests.security.Exchanges.assertProblem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.clinicbooking.systemtests.support.Account;
import org.clinicbooking.systemtests.support.Database;
import org.clinicbooking.systemtests.support.Http;
import org.clinicbooking.systemtests.support.Practice;
import org.clinicbooking.systemtests.support.ReliabilityReport;
import org.clinicbooking.systemtests.support.Reply;
import org.clinicbooking.systemtests.support.Stack;
import org.clinicbooking.systemtests.support.Tokens;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * OWASP API2:2023, broken authentication: one protected endpoint of each of the five services,
 * called through the gateway with no token and with every kind of bad token. The bad tokens
 * differ from a valid one in one property only, and the valid one is checked first, so each
 * 401 is caused by that property. Also the login's lockout after repeated wrong passwords.
 */
@Order(21)
class AuthenticationTest {

    /** One protected endpoint per service, each open to the STAFF role. */
    private static final Map<String, String> ENDPOINTS = endpoints();

    /** How long a deactivation may take to reach every service: an event and a 2 s reload. */
    private static final Duration DEACTIVATION_WAIT = Duration.ofSeconds(60);

    private static final int MAX_FAILED_LOGINS = 5;

    private static final ReliabilityReport.Section REPORT = ReliabilityReport.section(
                    AuthenticationTest.class, "Security: authentication (OWASP API2)")
            .injected("Calls to one STAFF endpoint of each of the five services through the gateway: without a "
                    + "token, with a token that is not a JWT, with Basic credentials, and with JWTs that differ "
                    + "from a valid one in one property: expired, no expiry, signed with another RSA key, `alg: "
                    + "none`, HS256 keyed with the public key, another issuer, a role raised after signing, and "
                    + "the token of a user an admin deactivated. Then " + MAX_FAILED_LOGINS + " wrong passwords "
                    + "for one account followed by the right one.")
            .checked("The valid token gets 200 from each endpoint first; every other call gets 401 "
                    + "application/problem+json; the deactivation reaches every service's deactivated_user "
                    + "table; after " + MAX_FAILED_LOGINS + " wrong passwords the account is locked in the "
                    + "database and the right password gets the same 401 body as a wrong one or an unknown "
                    + "e-mail address.");

    private static final Exchanges SENT = new Exchanges();

    private static Practice practice;
    private static Http gateway;
    private static Account staff;
    private static final Map<String, String> REJECTIONS = new LinkedHashMap<>();

    @BeforeAll
    static void createPractice() {
        practice = Practice.create("authn", 1, 1);
        gateway = practice.gateway();
        staff = practice.staff();
    }

    @AfterAll
    static void summarise() {
        REJECTIONS.forEach((variant, outcome) -> REPORT.figure("401 answers: " + variant, outcome));
        REPORT.figure("Requests sent", SENT.count())
                .figure("Answers by status", SENT.statuses())
                .figure("Rows changed", 0)
                .figure("Lost", 0)
                .figure("Duplicated", 0)
                .figure("5xx answers", SENT.serverErrors());
    }

    @Test
    void validTokensAreAccepted() {
        String forged = Tokens.rs256(Tokens.claims(staff.id(), "STAFF"), Tokens.stackKey());

        for (String endpoint : ENDPOINTS.values()) {
            Reply issued = SENT.send(gateway.get(endpoint).token(staff.token()));
            Reply signedHere = SENT.send(gateway.get(endpoint).token(forged));

            assertThat(issued.status()).as(issued.describe()).isEqualTo(200);
            assertThat(signedHere.status())
                    .as("a token signed by the suite: " + signedHere.describe())
                    .isEqualTo(200);
        }
    }

    @Test
    void missingTokenIsRejected() {
        rejectedEverywhere("no Authorization header", call -> call);
    }

    @Test
    void garbageTokenIsRejected() {
        rejectedEverywhere("a bearer token that is not a JWT", call -> call.token("not-a-jwt"));
        rejectedEverywhere("an empty bearer token", call -> call.header("Authorization", "Bearer "));
        rejectedEverywhere("three base64 parts of nonsense", call -> call.token("eyJhbGciOi.eyJzdWIi.c2lnbmF0dXJl"));
    }

    @Test
    void basicCredentialsAreRejected() {
        String credentials = Stack.get().adminEmail() + ":" + Stack.get().adminPassword();
        String basic = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));

        rejectedEverywhere(
                "the admin's e-mail and password as Basic credentials", call -> call.header("Authorization", basic));
    }

    @Test
    void expiredTokenIsRejected() {
        JwtClaims claims = Tokens.claims(staff.id(), "STAFF");
        long now = Instant.now().getEpochSecond();
        claims.setIssuedAt(NumericDate.fromSeconds(now - 1_800));
        // Ten minutes past expiry, well beyond SmallRye JWT's default clock skew of 60 s.
        claims.setExpirationTime(NumericDate.fromSeconds(now - 600));

        rejectedEverywhere("expired ten minutes ago", bearer(Tokens.rs256(claims, Tokens.stackKey())));
    }

    @Test
    void tokenWithoutExpiryIsRejected() {
        JwtClaims claims = Tokens.claims(staff.id(), "STAFF");
        claims.unsetClaim("exp");

        rejectedEverywhere("no exp claim", bearer(Tokens.rs256(claims, Tokens.stackKey())));
    }

    @Test
    void foreignSignatureIsRejected() {
        rejectedEverywhere(
                "signed with a fresh RSA key",
                bearer(Tokens.rs256(Tokens.claims(staff.id(), "STAFF"), Tokens.freshKey())));
    }

    @Test
    void unsignedTokenIsRejected() {
        rejectedEverywhere("alg none", bearer(Tokens.unsigned(Tokens.claims(staff.id(), "STAFF"))));
    }

    @Test
    void publicKeyAsHmacSecretIsRejected() {
        rejectedEverywhere(
                "HS256 keyed with the public key",
                bearer(Tokens.hs256WithPublicKey(Tokens.claims(staff.id(), "STAFF"))));
    }

    @Test
    void foreignIssuerIsRejected() {
        JwtClaims claims = Tokens.claims(staff.id(), "STAFF");
        claims.setIssuer("https://evil.example");

        rejectedEverywhere("issuer https://evil.example", bearer(Tokens.rs256(claims, Tokens.stackKey())));
    }

    @Test
    void roleRaisedAfterSigningIsRejected() {
        String[] parts = staff.token().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String raised = payload.replace("\"STAFF\"", "\"ADMIN\"");
        assertThat(raised).as("payload with the role replaced").isNotEqualTo(payload);
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(raised.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];

        rejectedEverywhere("groups changed to ADMIN after signing", bearer(tampered));
    }

    @Test
    void deactivatedUsersTokenIsRejected() {
        Account leaver = practice.newUser("leaver", "STAFF");
        String issued = leaver.token();
        String signedHere = Tokens.rs256(Tokens.claims(leaver.id(), "STAFF"), Tokens.stackKey());
        for (String endpoint : ENDPOINTS.values()) {
            Reply before = SENT.send(gateway.get(endpoint).token(issued));
            assertThat(before.status())
                    .as("before the deactivation: " + before.describe())
                    .isEqualTo(200);
        }

        SENT.send(gateway.delete("/api/users/" + leaver.id())
                        .token(practice.admin().token()))
                .expect(204);

        assertThat(Database.number(
                        "SELECT active FROM user_service.app_user WHERE id = ?",
                        leaver.id().toString()))
                .as("active flag of the deactivated user")
                .isZero();
        List<String> failures = new ArrayList<>();
        int rejected = 0;
        for (Map.Entry<String, String> endpoint : ENDPOINTS.entrySet()) {
            Reply reply = awaitRejection(endpoint.getValue(), issued);
            if (reply.status() == 401 && reply.isProblem()) {
                rejected++;
            } else {
                failures.add(endpoint.getKey() + ": " + reply.describe());
            }
            Reply forged = SENT.send(gateway.get(endpoint.getValue()).token(signedHere));
            if (forged.status() != 401) {
                failures.add(endpoint.getKey() + " with a token signed after the deactivation: " + forged.describe());
            }
        }
        Reply login = SENT.send(loginCall(leaver.email(), "any-password-at-all"));
        REJECTIONS.put("token of a deactivated user", rejected + " of " + ENDPOINTS.size());

        for (String schema : Stack.SCHEMAS) {
            long rows = Database.awaitNumber(
                    1,
                    DEACTIVATION_WAIT,
                    "SELECT COUNT(*) FROM " + schema + ".deactivated_user WHERE user_id = ?",
                    leaver.id().toString());
            assertThat(rows).as(schema + ".deactivated_user row of the user").isEqualTo(1);
        }
        assertThat(failures)
                .as("services that still accept the deactivated user's token")
                .isEmpty();
        assertProblem(login, 401);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccount() {
        String email = "lockout." + practice.runId() + "@system-tests.clinic-booking.example";
        String password = "right-password-" + UUID.randomUUID();
        register(email, password);
        Reply unknownEmail = SENT.send(
                loginCall("nobody." + practice.runId() + "@system-tests.clinic-booking.example", "whatever-password"));

        List<Reply> wrong = new ArrayList<>();
        for (int i = 0; i < MAX_FAILED_LOGINS; i++) {
            wrong.add(SENT.send(loginCall(email, "wrong-password-" + i)));
        }
        Reply right = SENT.send(loginCall(email, password));

        for (Reply reply : wrong) {
            assertProblem(reply, 401);
        }
        assertProblem(right, 401);
        assertThat(right.text())
                .as("the locked account's answer to the right password")
                .isEqualTo(wrong.get(0).text())
                .isEqualTo(unknownEmail.text());
        assertThat(right.json().has("accessToken")).isFalse();
        assertThat(Database.number(
                        "SELECT COUNT(*) FROM user_service.app_user WHERE email_key = ? AND locked_until > UTC_TIMESTAMP()",
                        email))
                .as("account locked in the database")
                .isEqualTo(1);
        REJECTIONS.put("right password after " + MAX_FAILED_LOGINS + " wrong ones", String.valueOf(right.status()));
    }

    @Test
    void fewerWrongPasswordsDoNotLock() {
        String email = "almost." + practice.runId() + "@system-tests.clinic-booking.example";
        String password = "right-password-" + UUID.randomUUID();
        register(email, password);

        for (int i = 0; i < MAX_FAILED_LOGINS - 1; i++) {
            assertProblem(SENT.send(loginCall(email, "wrong-password-" + i)), 401);
        }
        Reply right = SENT.send(loginCall(email, password));

        assertThat(right.status()).as(right.describe()).isEqualTo(200);
        assertThat(right.json().path("accessToken").asText()).isNotBlank();
        assertThat(Database.number("SELECT failed_logins FROM user_service.app_user WHERE email_key = ?", email))
                .as("failed logins after a successful one")
                .isZero();
    }

    /** Calls every endpoint with the request that VARIANT makes and expects a 401 problem from each. */
    private static void rejectedEverywhere(String variant, UnaryOperator<Http.Call> variantOf) {
        List<String> failures = new ArrayList<>();
        int rejected = 0;
        for (Map.Entry<String, String> endpoint : ENDPOINTS.entrySet()) {
            Reply reply = SENT.send(variantOf.apply(gateway.get(endpoint.getValue())));
            try {
                assertProblem(reply, 401);
                rejected++;
            } catch (AssertionError e) {
                failures.add(endpoint.getKey() + ": "
                        + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        REJECTIONS.put(variant, rejected + " of " + ENDPOINTS.size());
        assertThat(failures)
                .as(variant + ": endpoints that did not answer a 401 problem")
                .isEmpty();
    }

    private static UnaryOperator<Http.Call> bearer(String token) {
        return call -> call.token(token);
    }

    private static Reply awaitRejection(String endpoint, String token) {
        Instant deadline = Instant.now().plus(DEACTIVATION_WAIT);
        Reply reply = SENT.send(gateway.get(endpoint).token(token));
        while (reply.status() != 401 && Instant.now().isBefore(deadline)) {
            pause(Duration.ofMillis(500));
            reply = SENT.send(gateway.get(endpoint).token(token));
        }
        return reply;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the deactivation", e);
        }
    }

    private static void register(String email, String password) {
        SENT.send(gateway.post("/api/users")
                        .json(Map.of("email", email, "password", password, "fullName", "Lockout Test")))
                .expect(201);
    }

    private static Http.Call loginCall(String email, String password) {
        return gateway.post("/api/auth/login").json(Map.of("email", email, "password", password));
    }

    private static Map<String, String> endpoints() {
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("user-service", "/api/users/me");
        endpoints.put("scheduling-service", "/api/appointments");
        endpoints.put("billing-service", "/api/payments");
        endpoints.put("clinical-service", "/api/prescriptions");
        endpoints.put("audit-service", "/api/audit-logs");
        return endpoints;
    }
}
