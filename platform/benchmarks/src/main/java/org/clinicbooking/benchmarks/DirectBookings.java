package org.clinicbooking.benchmarks;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * The booking transaction of scheduling-service sent straight to the database by JDBC: the
 * limit the service stack is held against. It runs in a throwaway schema, {@value #SCHEMA},
 * built from the service's own Flyway scripts and the kit's outbox script, so that its tables
 * and indexes are those of {@code scheduling_service}.
 *
 * <p>Per booking, as {@code BookingService#book} and {@code BookingLocks} do: two autocommitted
 * {@code INSERT IGNORE} of the lock rows, then one transaction that locks the doctor's row and
 * the patient's row, runs the two overlap checks as locking reads on the forced indexes, and
 * inserts the appointment and its outbox row. The service's read-model lookups before the
 * transaction (doctor, service, offer, patient) are left out.
 */
final class DirectBookings implements AutoCloseable {

    static final String SCHEMA = "bench_direct";

    private static final Logger LOG = Logger.getLogger(DirectBookings.class.getName());

    private static final List<String> MIGRATIONS = List.of(
            "scheduling-service/src/main/resources/db/migration/V1__directory.sql",
            "scheduling-service/src/main/resources/db/migration/V2__schedule.sql",
            "scheduling-service/src/main/resources/db/migration/V3__appointments.sql",
            "scheduling-service/src/main/resources/db/migration/V4__appointment_length.sql",
            "platform/service-kit/src/main/resources/db/outbox/V0_1__outbox.sql");

    private static final String OVERLAPPING = "SELECT start_at, end_at FROM appointment FORCE INDEX (%s)"
            + " WHERE %s = ? AND status IN ('BOOKED', 'CONFIRMED', 'COMPLETED')"
            + " AND end_at > ? AND end_at < ? AND start_at < ? AND id <> ? FOR UPDATE";

    /** Maximum duration of an appointment, scheduling-service's MedicalService.MAX_DURATION_MINUTES. */
    private static final Duration MAX_DURATION = Duration.ofMinutes(480);

    private static final String INSERT_APPOINTMENT = "INSERT INTO appointment (id, patient_id, doctor_id,"
            + " clinic_id, service_id, start_at, end_at, status, reason, cancellation_reason, price, currency,"
            + " created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 'BOOKED', NULL, NULL, ?, 'USD', ?, ?, 0)";

    private static final String INSERT_OUTBOX = "INSERT INTO outbox_event (event_id, event_type, aggregate_type,"
            + " aggregate_id, actor_id, actor_role, trace_parent, payload, occurred_at, published_at)"
            + " VALUES (?, 'clinic.appointment.booked', 'Appointment', ?, ?, 'ADMIN', NULL, ?, ?, NULL)";

    private static final BigDecimal PRICE = new BigDecimal("10.00");

    /**
     * Attempts after the first, without delay, when InnoDB picks the transaction as a deadlock
     * victim. BookingService did the same when BENCHMARKS.md was measured. It now retries up to 10
     * times with a back-off of 10 to 200 ms.
     */
    private static final int LOCK_CONFLICT_RETRIES = 2;

    private final LongAdder retriedLockConflicts = new LongAdder();

    private final String serverUrl;
    private final UUID clinicId = UUID.randomUUID();
    private final UUID serviceId = UUID.randomUUID();
    private final UUID actorId = UUID.randomUUID();
    private final List<UUID> doctors = new ArrayList<>();
    private final List<UUID> patients = new ArrayList<>();
    private final List<Connection> connections = new ArrayList<>();

    /** @param serverUrl a JDBC URL of the server with credentials and no database, e.g. {@code jdbc:mariadb://127.0.0.1:3306/?user=root} */
    DirectBookings(String serverUrl) {
        if (!serverUrl.contains("/?")) {
            throw new IllegalArgumentException(
                    "Invalid --database URL " + serverUrl
                            + ": it must name no database and end in /?<parameters>, e.g. jdbc:mariadb://127.0.0.1:3306/?user=root");
        }
        this.serverUrl = serverUrl;
    }

    /** Creates the schema from the migration scripts under {@code repositoryRoot}, with {@code clients} doctors and patients. */
    void createSchema(Path repositoryRoot, int clients) throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(serverUrl);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + SCHEMA);
            statement.execute("CREATE DATABASE " + SCHEMA);
            statement.execute("USE " + SCHEMA);
            for (String migration : MIGRATIONS) {
                for (String sql : statements(Files.readString(repositoryRoot.resolve(migration)))) {
                    statement.execute(sql);
                }
            }
            statement.execute("INSERT INTO clinic (id, time_zone) VALUES ('" + clinicId + "', 'UTC')");
            statement.execute("INSERT INTO medical_service (id, duration_minutes, price, currency, active) VALUES ('"
                    + serviceId + "', " + Fixture.DURATION_MINUTES + ", 10.00, 'USD', TRUE)");
            for (int i = 0; i < clients; i++) {
                UUID doctor = UUID.randomUUID();
                statement.execute("INSERT INTO doctor (id, clinic_id, active) VALUES ('" + doctor + "', '" + clinicId
                        + "', TRUE)");
                doctors.add(doctor);
                patients.add(UUID.randomUUID());
            }
        }
        LOG.info("Created schema " + SCHEMA + " from " + MIGRATIONS.size() + " migration scripts");
    }

    /** Opens one connection per client; each client uses only its own. */
    void connect(int clients) throws SQLException {
        while (connections.size() < clients) {
            Connection connection = DriverManager.getConnection(serverUrl.replace("/?", "/" + SCHEMA + "?"));
            connection.setAutoCommit(true);
            connections.add(connection);
        }
    }

    /** Client {@code c} books its own doctor and patient, slot {@code n} being {@code n} durations after {@code firstSlot}. */
    ClosedLoop.Attempt consecutiveSlots(Instant firstSlot) {
        Duration step = Duration.ofMinutes(Fixture.DURATION_MINUTES);
        return (client, sequence) -> bookRetryingLockConflicts(
                connections.get(client),
                doctors.get(client),
                patients.get(client),
                firstSlot.plus(step.multipliedBy(sequence)));
    }

    /**
     * Runs the booking again, at most {@value #LOCK_CONFLICT_RETRIES} times, when InnoDB rolled it
     * back as a deadlock victim (1213) or after a lock wait timeout (1205).
     */
    private ClosedLoop.Outcome bookRetryingLockConflicts(
            Connection connection, UUID doctorId, UUID patientId, Instant start) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            try {
                return book(connection, doctorId, patientId, start);
            } catch (SQLException e) {
                boolean lockConflict = e.getErrorCode() == 1213 || e.getErrorCode() == 1205;
                if (!lockConflict || attempt >= LOCK_CONFLICT_RETRIES) {
                    throw e;
                }
                retriedLockConflicts.increment();
            }
        }
    }

    /** Counts the transactions run again after a deadlock or lock wait timeout so far. */
    long retriedLockConflicts() {
        return retriedLockConflicts.sum();
    }

    private ClosedLoop.Outcome book(Connection connection, UUID doctorId, UUID patientId, Instant start)
            throws SQLException {
        Instant end = start.plus(Duration.ofMinutes(Fixture.DURATION_MINUTES));
        UUID id = UUID.randomUUID();
        connection.setAutoCommit(true);
        update(connection, "INSERT IGNORE INTO doctor_booking_lock (doctor_id) VALUES (?)", doctorId.toString());
        update(connection, "INSERT IGNORE INTO patient_booking_lock (patient_id) VALUES (?)", patientId.toString());

        connection.setAutoCommit(false);
        try {
            lock(connection, "SELECT doctor_id FROM doctor_booking_lock WHERE doctor_id = ? FOR UPDATE", doctorId);
            lock(connection, "SELECT patient_id FROM patient_booking_lock WHERE patient_id = ? FOR UPDATE", patientId);
            if (overlaps(connection, "ix_appointment_doctor_end", "doctor_id", doctorId, start, end, id)
                    || overlaps(connection, "ix_appointment_patient_end", "patient_id", patientId, start, end, id)) {
                connection.rollback();
                return ClosedLoop.Outcome.CONFLICT;
            }
            LocalDateTime now = utc(Instant.now());
            try (PreparedStatement insert = connection.prepareStatement(INSERT_APPOINTMENT)) {
                insert.setString(1, id.toString());
                insert.setString(2, patientId.toString());
                insert.setString(3, doctorId.toString());
                insert.setString(4, clinicId.toString());
                insert.setString(5, serviceId.toString());
                insert.setObject(6, utc(start));
                insert.setObject(7, utc(end));
                insert.setBigDecimal(8, PRICE);
                insert.setObject(9, now);
                insert.setObject(10, now);
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT_OUTBOX)) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, id.toString());
                insert.setString(3, actorId.toString());
                insert.setString(4, payload(id, doctorId, patientId, start, end, now));
                insert.setObject(5, now);
                insert.executeUpdate();
            }
            connection.commit();
            return ClosedLoop.Outcome.BOOKED;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    /** Counts the appointments booked in the schema so far. */
    long bookedCount() throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + SCHEMA + ".appointment")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Closes the connections and drops the schema. */
    @Override
    public void close() throws SQLException {
        for (Connection connection : connections) {
            connection.close();
        }
        connections.clear();
        try (Connection connection = DriverManager.getConnection(serverUrl);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + SCHEMA);
        }
        LOG.info("Dropped schema " + SCHEMA);
    }

    private static void update(Connection connection, String sql, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, value);
            statement.executeUpdate();
        }
    }

    private static void lock(Connection connection, String sql, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id.toString());
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("Lock row " + id + " is missing");
                }
            }
        }
    }

    private static boolean overlaps(
            Connection connection, String index, String column, UUID owner, Instant start, Instant end, UUID excluded)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(OVERLAPPING.formatted(index, column))) {
            statement.setString(1, owner.toString());
            statement.setObject(2, utc(start));
            statement.setObject(3, utc(end.plus(MAX_DURATION)));
            statement.setObject(4, utc(end));
            statement.setString(5, excluded.toString());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Builds an event body of the size and shape of an {@code AppointmentResponse}. */
    private String payload(UUID id, UUID doctorId, UUID patientId, Instant start, Instant end, LocalDateTime now) {
        String created = now.toInstant(ZoneOffset.UTC).toString();
        return "{\"id\":\"" + id + "\",\"patientId\":\"" + patientId + "\",\"doctorId\":\"" + doctorId
                + "\",\"clinicId\":\"" + clinicId + "\",\"serviceId\":\"" + serviceId + "\",\"startAt\":\"" + start
                + "\",\"endAt\":\"" + end + "\",\"status\":\"BOOKED\",\"reason\":null,\"cancellationReason\":null,"
                + "\"price\":\"10.00\",\"currency\":\"USD\",\"version\":0,\"createdAt\":\"" + created
                + "\",\"updatedAt\":\"" + created + "\"}";
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Splits a migration script into statements; comment lines may contain semicolons, so they go first. */
    static List<String> statements(String script) {
        StringBuilder code = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                code.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : code.toString().split(";")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }
}
