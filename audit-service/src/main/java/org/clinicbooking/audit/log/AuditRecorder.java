package org.clinicbooking.audit.log;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.clinicbooking.kit.security.DeactivatedUsers;
import org.jboss.logging.Logger;

/**
 * Appends entries to the audit log's hash chain. Each append is one transaction that locks the
 * chain head row, so appends from every replica are serialised: each entry takes the next
 * sequence number and links to the hash of the entry committed just before it.
 */
@ApplicationScoped
public class AuditRecorder {

    private static final Logger LOG = Logger.getLogger(AuditRecorder.class);

    private final Pool pool;
    private final AuditEntryRepository entries;
    private final DeactivatedUsers deactivatedUsers;
    private final Clock clock;

    public AuditRecorder(Pool pool, AuditEntryRepository entries, DeactivatedUsers deactivatedUsers, Clock clock) {
        this.pool = pool;
        this.entries = entries;
        this.deactivatedUsers = deactivatedUsers;
        this.clock = clock;
    }

    /**
     * Records the content as the next entry of the chain, unless an entry for its event id
     * exists already: a redelivered event is a no-op and emits an empty optional. The entry's
     * recorded time is read from the clock while the head lock is held, so recorded times
     * follow the chain order as long as the replicas' clocks agree. A user deactivation is also
     * stored in {@link DeactivatedUsers} in the same transaction, so the user's tokens stop
     * working here, and a redelivery stores nothing twice.
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
                                    .chain(() -> recordDeactivation(transaction, content))
                                    .replaceWith(Optional.of(entry));
                        })));
    }

    private Uni<Void> recordDeactivation(SqlClient transaction, AuditEntryContent content) {
        if (!DeactivatedUsers.DEACTIVATED_EVENT.equals(content.eventType())) {
            return Uni.createFrom().voidItem();
        }
        UUID userId;
        try {
            userId = UUID.fromString(content.subjectId());
        } catch (IllegalArgumentException e) {
            // Every event still gets its audit entry, so an invalid subject skips only the deactivation.
            LOG.warnf(
                    "Event %s deactivates subject %s, which is not a UUID. No token is rejected for it.",
                    content.eventId(), content.subjectId());
            return Uni.createFrom().voidItem();
        }
        return deactivatedUsers.record(transaction, userId, content.occurredAt());
    }
}
