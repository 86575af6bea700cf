package org.clinicbooking.audit.log;

/**
 * A recorded audit entry: its place in the chain, its content and the hashes that link it.
 *
 * @param id the entry's sequence number in recording order, starting at 1 with no gaps
 */
public record AuditEntry(long id, AuditEntryContent content, String previousHash, String hash) {

    /** Builds the entry that follows the given chain head. */
    static AuditEntry after(ChainHead head, AuditEntryContent content) {
        return new AuditEntry(
                head.lastSequence() + 1, content, head.lastHash(), ChainHash.of(head.lastHash(), content));
    }

    /** Checks that the stored hash still matches the stored fields. */
    boolean hashMatchesContent() {
        return hash.equals(ChainHash.of(previousHash, content));
    }
}
