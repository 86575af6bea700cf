package org.clinicbooking.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.HdrHistogram.Histogram;

/** Queries on the services' own schemas, as the database root user, for the checks the API cannot make. */
final class StackDatabase {

    private static final Logger LOG = Logger.getLogger(StackDatabase.class.getName());

    /** Ids per IN list; keeps each statement small. */
    private static final int BATCH = 500;

    private static final String AUDITED = "SELECT COUNT(*) FROM audit_service.audit_entry"
            + " WHERE event_type = 'clinic.appointment.booked' AND subject_id IN (";
    private static final String BILLED = "SELECT COUNT(*) FROM billing_service.appointment WHERE id IN (";
    private static final String CLINICAL = "SELECT COUNT(*) FROM clinical_service.appointment WHERE id IN (";

    private final String serverUrl;

    /** @param serverUrl a JDBC URL of the server with credentials and no database */
    StackDatabase(String serverUrl) {
        this.serverUrl = serverUrl;
    }

    /**
     * Counts the pairs of active appointments of the same doctor whose times overlap, among the
     * given doctors. Touching appointments (one ends when the next starts) do not count.
     */
    long doubleBookings(List<UUID> doctorIds) throws SQLException {
        String sql = "SELECT COUNT(*) FROM scheduling_service.appointment a"
                + " JOIN scheduling_service.appointment b ON b.doctor_id = a.doctor_id AND b.id > a.id"
                + " AND b.start_at < a.end_at AND a.start_at < b.end_at"
                + " WHERE a.doctor_id IN (" + placeholders(doctorIds.size()) + ")"
                + " AND a.status IN ('BOOKED', 'CONFIRMED', 'COMPLETED')"
                + " AND b.status IN ('BOOKED', 'CONFIRMED', 'COMPLETED')";
        try (Connection connection = DriverManager.getConnection(serverUrl);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, doctorIds);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Event lags of the bookings that reached the audit log, and how many did. */
    record EventLags(Histogram micros, long found, long expected) {}

    /**
     * Waits until the audit log contains a {@code clinic.appointment.booked} entry for every
     * appointment, or until no new entry arrived for {@code quiet}, then returns the lag of each
     * entry: {@code recorded_at - occurred_at}, where {@code occurred_at} is the time the
     * scheduling transaction wrote the outbox row and {@code recorded_at} the time audit-service
     * stored the entry. Both come from clocks of the same machine.
     */
    EventLags eventLags(List<UUID> appointmentIds, Duration quiet) throws SQLException, InterruptedException {
        long found = awaitAuditEntries(appointmentIds, quiet);

        Histogram lags = new Histogram(Duration.ofHours(1).toNanos() / 1000, 3);
        try (Connection connection = DriverManager.getConnection(serverUrl)) {
            for (List<UUID> batch : batches(appointmentIds)) {
                String sql = "SELECT TIMESTAMPDIFF(MICROSECOND, occurred_at, recorded_at)"
                        + " FROM audit_service.audit_entry WHERE event_type = 'clinic.appointment.booked'"
                        + " AND subject_id IN (" + placeholders(batch.size()) + ")";
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    bind(statement, batch);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            long micros = Math.max(0, rows.getLong(1));
                            lags.recordValue(Math.min(micros, lags.getHighestTrackableValue()));
                        }
                    }
                }
            }
        }
        return new EventLags(lags, found, appointmentIds.size());
    }

    /**
     * Waits until the audit log has the {@code clinic.appointment.booked} entry of every
     * appointment, or until no new entry arrived for {@code quiet}, and returns how many it has.
     */
    long awaitAuditEntries(List<UUID> appointmentIds, Duration quiet) throws SQLException, InterruptedException {
        return await(List.of(AUDITED), appointmentIds, quiet);
    }

    /**
     * Waits until all three consumers of the booked event (audit, billing and clinical) have
     * applied it for every appointment, or until none made progress for {@code quiet}, and
     * returns how many appointments the slowest of them has.
     */
    long awaitConsumers(List<UUID> appointmentIds, Duration quiet) throws SQLException, InterruptedException {
        return await(List.of(AUDITED, BILLED, CLINICAL), appointmentIds, quiet);
    }

    private long await(List<String> counts, List<UUID> appointmentIds, Duration quiet)
            throws SQLException, InterruptedException {
        long found = 0;
        long lastProgress = System.nanoTime();
        while (true) {
            long slowest = Long.MAX_VALUE;
            for (String count : counts) {
                slowest = Math.min(slowest, countRows(count, appointmentIds));
            }
            if (slowest > found) {
                found = slowest;
                lastProgress = System.nanoTime();
            }
            if (found >= appointmentIds.size() || System.nanoTime() - lastProgress > quiet.toNanos()) {
                return found;
            }
            LOG.info("Consumers have applied " + found + " of " + appointmentIds.size() + " booked events; waiting");
            Thread.sleep(2000);
        }
    }

    /**
     * Inserts {@code count} BOOKED appointments of one doctor straight into
     * {@code scheduling_service.appointment}, bypassing the API, its lock rows and its outbox: no
     * event is published for them. They fill three of every four 15-minute slots from 08:00 to
     * 18:00 UTC, every day from {@code firstDay} on; each has a patient id of its own, which
     * no foreign key checks.
     */
    void seedAppointments(Fixture fixture, UUID doctorId, Instant firstDay, int count) throws SQLException {
        String sql = "INSERT INTO scheduling_service.appointment (id, patient_id, doctor_id, clinic_id, service_id,"
                + " start_at, end_at, status, reason, cancellation_reason, price, currency, created_at, updated_at,"
                + " version) VALUES (?, ?, ?, ?, ?, ?, ?, 'BOOKED', NULL, NULL, 10.00, 'USD', ?, ?, 0)";
        Duration step = Duration.ofMinutes(fixture.durationMinutes());
        int slotsPerDay = (int) (Duration.ofHours(10).toMinutes() / fixture.durationMinutes());
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        try (Connection connection = DriverManager.getConnection(serverUrl);
                PreparedStatement insert = connection.prepareStatement(sql)) {
            connection.setAutoCommit(false);
            int inserted = 0;
            for (int day = 0; inserted < count; day++) {
                Instant opening = firstDay.plus(Duration.ofDays(day)).plus(Duration.ofHours(8));
                for (int slot = 0; slot < slotsPerDay && inserted < count; slot++) {
                    if (slot % 4 == 3) {
                        continue;
                    }
                    Instant start = opening.plus(step.multipliedBy(slot));
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, UUID.randomUUID().toString());
                    insert.setString(3, doctorId.toString());
                    insert.setString(4, fixture.clinicId().toString());
                    insert.setString(5, fixture.serviceId().toString());
                    insert.setObject(6, LocalDateTime.ofInstant(start, ZoneOffset.UTC));
                    insert.setObject(7, LocalDateTime.ofInstant(start.plus(step), ZoneOffset.UTC));
                    insert.setObject(8, now);
                    insert.setObject(9, now);
                    insert.addBatch();
                    inserted++;
                    if (inserted % 1000 == 0) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    /** Sizes in MiB of the five services' schemas together and of the InnoDB buffer pool. */
    record Size(long dataMebibytes, long bufferPoolMebibytes) {}

    Size size() throws SQLException {
        String sql = "SELECT (SELECT COALESCE(SUM(data_length + index_length), 0) FROM information_schema.tables"
                + " WHERE table_schema IN ('user_service', 'scheduling_service', 'billing_service',"
                + " 'clinical_service', 'audit_service')), @@innodb_buffer_pool_size";
        try (Connection connection = DriverManager.getConnection(serverUrl);
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return new Size(rows.getLong(1) >> 20, rows.getLong(2) >> 20);
        }
    }

    /** Counts the active appointments of a doctor. */
    long activeAppointments(UUID doctorId) throws SQLException {
        String sql = "SELECT COUNT(*) FROM scheduling_service.appointment WHERE doctor_id = ?"
                + " AND status IN ('BOOKED', 'CONFIRMED', 'COMPLETED')";
        try (Connection connection = DriverManager.getConnection(serverUrl);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, doctorId.toString());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Runs a {@code SELECT COUNT(*) ... IN (} prefix over the ids in batches and adds up the counts. */
    private long countRows(String prefix, List<UUID> ids) throws SQLException {
        long count = 0;
        try (Connection connection = DriverManager.getConnection(serverUrl)) {
            for (List<UUID> batch : batches(ids)) {
                String sql = prefix + placeholders(batch.size()) + ")";
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    bind(statement, batch);
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        count += rows.getLong(1);
                    }
                }
            }
        }
        return count;
    }

    private static List<List<UUID>> batches(List<UUID> ids) {
        List<List<UUID>> batches = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            batches.add(ids.subList(from, Math.min(ids.size(), from + BATCH)));
        }
        return batches;
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(Math.max(count, 1), "?"));
    }

    private static void bind(PreparedStatement statement, List<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            statement.setString(1, "");
            return;
        }
        for (int i = 0; i < ids.size(); i++) {
            statement.setString(i + 1, ids.get(i).toString());
        }
    }
}
