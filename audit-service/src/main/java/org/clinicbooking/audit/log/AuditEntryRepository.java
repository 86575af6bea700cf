package org.clinicbooking.audit.log;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL access to {@code audit_entry} and {@code audit_chain_head} through the reactive client.
 * Hibernate is not used here: the hash must be computed over exactly the column values, the
 * append needs a native row lock, and the verifier reads plain pages of rows.
 */
@ApplicationScoped
public class AuditEntryRepository {

    static final String COLUMNS = "id, event_id, event_type, source, subject_type, subject_id, actor_id,"
            + " actor_role, occurred_at, recorded_at, payload, previous_hash, hash";

    private static final String LOCK_HEAD =
            "SELECT last_sequence, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE";
    private static final String READ_HEAD = "SELECT last_sequence, last_hash FROM audit_chain_head WHERE id = 1";
    private static final String MOVE_HEAD = "UPDATE audit_chain_head SET last_sequence = ?, last_hash = ? WHERE id = 1";
    private static final String FIND_BY_EVENT_ID = "SELECT id FROM audit_entry WHERE event_id = ?";
    private static final String INSERT =
            "INSERT INTO audit_entry (" + COLUMNS + ")" + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String PAGE_IN_CHAIN_ORDER =
            "SELECT " + COLUMNS + " FROM audit_entry WHERE id > ? AND id <= ? ORDER BY id LIMIT ?";

    private final Pool pool;

    public AuditEntryRepository(Pool pool) {
        this.pool = pool;
    }

    /** Reads the chain head and locks it until the connection's transaction ends. */
    Uni<ChainHead> lockHead(SqlClient transaction) {
        return transaction.query(LOCK_HEAD).execute().map(AuditEntryRepository::toHead);
    }

    /** Reads the chain head without a lock: a consistent snapshot of what has committed. */
    Uni<ChainHead> readHead() {
        return pool.query(READ_HEAD).execute().map(AuditEntryRepository::toHead);
    }

    Uni<Boolean> containsEvent(SqlClient transaction, String eventId) {
        return transaction
                .preparedQuery(FIND_BY_EVENT_ID)
                .execute(Tuple.of(eventId))
                .map(rows -> rows.size() > 0);
    }

    Uni<Void> insert(SqlClient transaction, AuditEntry entry) {
        AuditEntryContent content = entry.content();
        Tuple values = Tuple.tuple()
                .addLong(entry.id())
                .addString(content.eventId())
                .addString(content.eventType())
                .addString(content.source())
                .addString(content.subjectType())
                .addString(content.subjectId())
                .addString(content.actorId())
                .addString(content.actorRole())
                .addLocalDateTime(utc(content.occurredAt()))
                .addLocalDateTime(utc(content.recordedAt()))
                .addString(content.payload())
                .addString(entry.previousHash())
                .addString(entry.hash());
        return transaction.preparedQuery(INSERT).execute(values).replaceWithVoid();
    }

    Uni<Void> moveHead(SqlClient transaction, AuditEntry entry) {
        return transaction
                .preparedQuery(MOVE_HEAD)
                .execute(Tuple.of(entry.id(), entry.hash()))
                .replaceWithVoid();
    }

    /** Reads up to {@code limit} entries with ids after {@code afterId} and up to {@code lastId}, by id. */
    Uni<List<AuditEntry>> pageInChainOrder(long afterId, long lastId, int limit) {
        return pool.preparedQuery(PAGE_IN_CHAIN_ORDER)
                .execute(Tuple.of(afterId, lastId, limit))
                .map(AuditEntryRepository::toEntries);
    }

    /** Runs a listing query built by {@link AuditLogCriteria}. */
    Uni<List<AuditEntry>> select(String sql, Tuple parameters) {
        return pool.preparedQuery(sql).execute(parameters).map(AuditEntryRepository::toEntries);
    }

    Uni<Long> count(String sql, Tuple parameters) {
        return pool.preparedQuery(sql)
                .execute(parameters)
                .map(rows -> rows.iterator().next().getLong(0));
    }

    static List<AuditEntry> toEntries(RowSet<Row> rows) {
        List<AuditEntry> entries = new ArrayList<>(rows.size());
        for (Row row : rows) {
            entries.add(toEntry(row));
        }
        return entries;
    }

    private static AuditEntry toEntry(Row row) {
        AuditEntryContent content = new AuditEntryContent(
                row.getString("event_id"),
                row.getString("event_type"),
                row.getString("source"),
                row.getString("subject_type"),
                row.getString("subject_id"),
                row.getString("actor_id"),
                row.getString("actor_role"),
                instant(row.getLocalDateTime("occurred_at")),
                instant(row.getLocalDateTime("recorded_at")),
                row.getString("payload"));
        return new AuditEntry(row.getLong("id"), content, row.getString("previous_hash"), row.getString("hash"));
    }

    private static ChainHead toHead(RowSet<Row> rows) {
        var iterator = rows.iterator();
        if (!iterator.hasNext()) {
            throw new IllegalStateException(
                    "audit_chain_head is missing its row, which the V1 migration inserts. Check that Flyway ran.");
        }
        Row row = iterator.next();
        return new ChainHead(row.getLong("last_sequence"), row.getString("last_hash"));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC);
    }
}
