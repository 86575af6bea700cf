package org.clinicbooking.audit.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChainHashTest {

    private static final AuditEntryContent KNOWN = new AuditEntryContent(
            "7d1e2b9c-3f3a-4c1e-9a57-1a2b3c4d5e6f",
            "clinic.review.posted",
            "clinical-service",
            "review",
            "0b6f3c1e-8a8d-4a57-9d43-5a2f0e0c9b11",
            null,
            "SYSTEM",
            Instant.parse("2027-03-01T06:00:00Z"),
            Instant.parse("2027-03-01T06:00:00.123456789Z"),
            "{\"rating\":5,\"comment\":\"Très bien\"}");

    @Test
    void shouldSerialiseFieldsAsNetstringsInDocumentedOrder() {
        assertThat(ChainHash.canonicalForm(KNOWN))
                .isEqualTo("36:7d1e2b9c-3f3a-4c1e-9a57-1a2b3c4d5e6f,"
                        + "20:clinic.review.posted,"
                        + "16:clinical-service,"
                        + "6:review,"
                        + "36:0b6f3c1e-8a8d-4a57-9d43-5a2f0e0c9b11,"
                        + "-"
                        + "6:SYSTEM,"
                        + "27:2027-03-01T06:00:00.000000Z,"
                        + "27:2027-03-01T06:00:00.123456Z,"
                        // 34 characters, 35 UTF-8 bytes: the "è" takes two.
                        + "35:{\"rating\":5,\"comment\":\"Très bien\"},");
    }

    @Test
    void shouldMatchSha256sumOfKnownEntry() {
        // Computed outside Java: printf '%s' "$(printf '0%.0s' {1..64})<canonical form above>" | sha256sum
        assertThat(ChainHash.of(ChainHash.GENESIS, KNOWN))
                .isEqualTo("bdeea431d16526669566834c458860b9f984737bbf031ece44e9a688700e3879");
    }

    @Test
    void shouldChangeHashWhenTextMovesBetweenFields() {
        AuditEntryContent moved = new AuditEntryContent(
                KNOWN.eventId(),
                KNOWN.eventType(),
                KNOWN.source(),
                "revie",
                "w" + KNOWN.subjectId(),
                KNOWN.actorId(),
                KNOWN.actorRole(),
                KNOWN.occurredAt(),
                KNOWN.recordedAt(),
                KNOWN.payload());

        assertThat(ChainHash.of(ChainHash.GENESIS, moved)).isNotEqualTo(ChainHash.of(ChainHash.GENESIS, KNOWN));
    }

    @Test
    void shouldChangeHashWithPreviousHash() {
        String otherPrevious = "f".repeat(64);

        assertThat(ChainHash.of(otherPrevious, KNOWN)).isNotEqualTo(ChainHash.of(ChainHash.GENESIS, KNOWN));
    }
}
