package org.clinicbooking.audit.log;

import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.clinicbooking.kit.paging.PageRequest;

/**
 * The parsed filters of an audit log listing, and the SQL they select with. Every value is a
 * bind parameter; only fixed column names go into the SQL text.
 *
 * @param from inclusive lower bound of the occurred time, or null
 * @param to exclusive upper bound of the occurred time, or null
 */
record AuditLogCriteria(
        String subjectType, String subjectId, String actorId, String eventType, Instant from, Instant to) {

    // Newest first. The indexes of V1__audit_log.sql end in (occurred_at, id) to serve this order.
    private static final String ORDER = " ORDER BY occurred_at DESC, id DESC";

    String selectSql() {
        return "SELECT " + AuditEntryRepository.COLUMNS + " FROM audit_entry" + where() + ORDER + " LIMIT ? OFFSET ?";
    }

    Tuple selectParameters(PageRequest page) {
        Tuple parameters = whereParameters();
        parameters.addInteger(page.size());
        parameters.addInteger(page.offset());
        return parameters;
    }

    String countSql() {
        return "SELECT COUNT(*) FROM audit_entry" + where();
    }

    Tuple whereParameters() {
        Tuple parameters = Tuple.tuple();
        if (subjectType != null) {
            parameters.addString(subjectType);
        }
        if (subjectId != null) {
            parameters.addString(subjectId);
        }
        if (actorId != null) {
            parameters.addString(actorId);
        }
        if (eventType != null) {
            parameters.addString(eventType);
        }
        if (from != null) {
            parameters.addLocalDateTime(utc(from));
        }
        if (to != null) {
            parameters.addLocalDateTime(utc(to));
        }
        return parameters;
    }

    private String where() {
        List<String> conditions = new ArrayList<>();
        if (subjectType != null) {
            conditions.add("subject_type = ?");
        }
        if (subjectId != null) {
            conditions.add("subject_id = ?");
        }
        if (actorId != null) {
            conditions.add("actor_id = ?");
        }
        if (eventType != null) {
            conditions.add("event_type = ?");
        }
        if (from != null) {
            conditions.add("occurred_at >= ?");
        }
        if (to != null) {
            conditions.add("occurred_at < ?");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
