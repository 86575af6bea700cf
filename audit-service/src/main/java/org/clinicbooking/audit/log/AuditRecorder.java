package org.clinicbooking.audit.log;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;

/**
 * Appends entries to the audit log's hash chain. Each append is one transaction that locks the
 * chain head row, so appends from every replica are serialised: each entry takes the next
 * sequence number and links to the hash of the entry committed just before it.
 */
@ApplicationScoped
public class AuditRecorder {

    private final Pool pool;
    private final AuditEntryRepository entries;
    private final Clock clock;

    public AuditRecorder(Pool pool, AuditEntryRepository entries, Clock clock) {
        this.pool = pool;
        this.entries = entries;
        this.clock = clock;
    }

    /**
     * Records the content as the next entry of the chain, unless an entry for its event id
     * exists already: a redelivered event is a no-op and emits an empty optional. The entry's
     * recorded time is read from the clock while the head lock is held, so recorded times
     * follow the chain order as long as the replicas' clocks agree.
     */
    public Uni<Optional<AuditEntry>> record(AuditEntryContent content) {
        return pool.withTransaction(transaction -> entries.lockHead(transaction)
                .chain(head -> entries.containsEvent(transaction, content.eventId())
                        .chain(recorded -> {
                            // Checked under the head lock, so two deliveries of one event on
                            // two replicas cannot both pass.
                            if (recorded) {
                                return Uni.createFrom().item(Optional.<AuditEntry>empty());
                            }
                            AuditEntry entry = AuditEntry.after(head, content.withRecordedAt(clock.instant()));
                            return entries.insert(transaction, entry)
                                    .chain(() -> entries.moveHead(transaction, entry))
                                    .replaceWith(Optional.of(entry));
                        })));
    }
}
