package org.clinicbooking.audit.log;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * Computes the hash that links an audit entry to the one before it.
 *
 * <pre>
 * hash      = lower-case hex of SHA-256( UTF-8 bytes of ( previous_hash + canonical ) )
 * canonical = field(event_id) field(event_type) field(source) field(subject_type)
 *             field(subject_id) field(actor_id) field(actor_role) field(occurred_at)
 *             field(recorded_at) field(payload)
 * field(v)  = "-"                        when v is null (only actor_id can be)
 *           = N + ":" + v + ","          otherwise, a netstring: N is the number of UTF-8
 *                                        bytes of v in decimal, without leading zeros
 * instants  = UTC as uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z', always six fraction digits
 * payload   = the event's JSON data exactly as received and stored, not re-serialised
 * </pre>
 *
 * <p>The length prefixes keep field boundaries unambiguous, so no text can move from one field
 * to the next without changing the hash. The first entry's previous hash is {@link #GENESIS}.
 */
public final class ChainHash {

    /** The previous hash of the first entry: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private ChainHash() {}

    public static String of(String previousHash, AuditEntryContent content) {
        String input = previousHash + canonicalForm(content);
        return HexFormat.of().formatHex(sha256().digest(input.getBytes(StandardCharsets.UTF_8)));
    }

    static String canonicalForm(AuditEntryContent content) {
        StringBuilder canonical = new StringBuilder(content.payload().length() + 400);
        field(canonical, content.eventId());
        field(canonical, content.eventType());
        field(canonical, content.source());
        field(canonical, content.subjectType());
        field(canonical, content.subjectId());
        field(canonical, content.actorId());
        field(canonical, content.actorRole());
        field(canonical, instant(content.occurredAt()));
        field(canonical, instant(content.recordedAt()));
        field(canonical, content.payload());
        return canonical.toString();
    }

    private static void field(StringBuilder canonical, String value) {
        if (value == null) {
            canonical.append('-');
            return;
        }
        canonical
                .append(value.getBytes(StandardCharsets.UTF_8).length)
                .append(':')
                .append(value)
                .append(',');
    }

    private static String instant(Instant instant) {
        return INSTANT.format(instant);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
