package org.clinicbooking.audit.log;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.clinicbooking.kit.Offload;
import org.jboss.logging.Logger;

/**
 * Walks the audit log in chain order, a page at a time, and checks every link. Ids must run
 * from 1 without gaps, each entry's previous hash must be the hash of the entry before it, each
 * stored hash must match the entry's fields, and the last entry must match the chain head.
 *
 * <p>An edited entry fails its own hash check. A deleted entry leaves a gap in the ids, or at
 * the end of the chain a mismatch with the head. Reordered entries fail the previous-hash check.
 *
 * <p>The walk covers the entries up to the chain head read when it starts; entries appended
 * during the walk are left for the next verification. Memory use is one page.
 */
@ApplicationScoped
public class ChainVerifier {

    private static final Logger LOG = Logger.getLogger(ChainVerifier.class);

    static final int PAGE_SIZE = 500;

    private final AuditEntryRepository entries;

    public ChainVerifier(AuditEntryRepository entries) {
        this.entries = entries;
    }

    public Uni<ChainVerification> verify() {
        return entries.readHead()
                .chain(head -> walk(head, new Position(0, null, ChainHash.GENESIS, 0)))
                .invoke(result -> {
                    if (result.valid()) {
                        LOG.infof("Verified the audit chain: %d entries intact", result.entriesChecked());
                    } else {
                        LOG.warnf(
                                "Audit chain broken at entry %d (event %s): %s",
                                result.firstBrokenEntry().id(),
                                result.firstBrokenEntry().eventId(),
                                result.reason());
                    }
                });
    }

    private Uni<ChainVerification> walk(ChainHead head, Position position) {
        return entries.pageInChainOrder(position.lastId(), head.lastSequence(), PAGE_SIZE)
                .chain(page -> {
                    if (page.isEmpty()) {
                        return Uni.createFrom().item(checkEnd(head, position));
                    }
                    // Hashing a page is CPU work: keep it off the event loop.
                    return Offload.blocking(() -> checkPage(page, position)).chain(outcome -> {
                        if (outcome.broken() != null) {
                            return Uni.createFrom().item(outcome.broken());
                        }
                        return walk(head, outcome.position());
                    });
                });
    }

    private static PageOutcome checkPage(List<AuditEntry> page, Position start) {
        Position position = start;
        for (AuditEntry entry : page) {
            long checked = position.checked() + 1;
            long expectedId = position.lastId() + 1;
            String broken = null;
            if (entry.id() != expectedId) {
                broken = expectedId == entry.id() - 1
                        ? "Entry " + expectedId + " is missing: the sequence jumps from " + position.lastId() + " to "
                                + entry.id() + "."
                        : "Entries " + expectedId + " to " + (entry.id() - 1) + " are missing: the sequence jumps from "
                                + position.lastId() + " to " + entry.id() + ".";
            } else if (!entry.hashMatchesContent()) {
                broken =
                        "The stored hash does not match the entry's fields: the entry was changed after it was recorded.";
            } else if (!entry.previousHash().equals(position.lastHash())) {
                broken = position.lastId() == 0
                        ? "The first entry's previous hash is not the 64 zeros that start the chain."
                        : "The previous hash does not match the hash of entry " + position.lastId()
                                + ": an entry before it was changed, replaced or moved.";
            }
            if (broken != null) {
                return new PageOutcome(
                        position,
                        ChainVerification.broken(
                                checked, entry.id(), entry.content().eventId(), broken));
            }
            position = new Position(entry.id(), entry.content().eventId(), entry.hash(), checked);
        }
        return new PageOutcome(position, null);
    }

    private static ChainVerification checkEnd(ChainHead head, Position position) {
        if (position.lastId() < head.lastSequence()) {
            long firstMissing = position.lastId() + 1;
            return ChainVerification.broken(
                    position.checked(),
                    firstMissing,
                    null,
                    "Entries " + firstMissing + " to " + head.lastSequence() + " are missing: the chain head records "
                            + head.lastSequence() + " entries.");
        }
        if (!position.lastHash().equals(head.lastHash())) {
            return ChainVerification.broken(
                    position.checked(),
                    position.lastId(),
                    position.lastEventId(),
                    "The last entry's hash does not match the hash the chain head recorded for it.");
        }
        return ChainVerification.intact(position.checked());
    }

    /** How far the walk got: the last entry that checked out, its hash, and the count read. */
    private record Position(long lastId, String lastEventId, String lastHash, long checked) {}

    private record PageOutcome(Position position, ChainVerification broken) {}
}
