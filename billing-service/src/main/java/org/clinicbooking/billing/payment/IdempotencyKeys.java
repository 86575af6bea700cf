package org.clinicbooking.billing.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.clinicbooking.kit.problem.ProblemException;

/** Checks {@code Idempotency-Key} headers and fingerprints the request sent with one. */
final class IdempotencyKeys {

    static final String HEADER = "Idempotency-Key";

    // Printable ASCII without spaces: what clients use in practice (UUIDs, ULIDs, order numbers).
    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7E]{1,100}$");

    private IdempotencyKeys() {}

    /** Returns the key, null when the header is absent, or fails with 400 when it is malformed. */
    static String validate(String key) {
        if (key == null) {
            return null;
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.invalidField(
                    HEADER, "must be 1 to 100 printable ASCII characters without spaces, such as a UUID");
        }
        return key;
    }

    /**
     * SHA-256 (hex) of the caller and the request's fields after normalisation, so "45" and
     * "45.00" are one amount. A key reused by another caller or for another request differs.
     */
    static String fingerprint(UUID callerId, RecordPaymentRequest request, ObjectMapper json) {
        List<String> fields = java.util.Arrays.asList(
                String.valueOf(callerId),
                request.appointmentId().toString(),
                request.amount().setScale(Money.MAX_SCALE).toPlainString(),
                request.currency(),
                request.method().name(),
                request.externalReference());
        try {
            // A JSON array keeps the fields apart whatever characters they contain.
            byte[] canonical = json.writeValueAsString(fields).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("The request fingerprint cannot be computed", e);
        }
    }
}
