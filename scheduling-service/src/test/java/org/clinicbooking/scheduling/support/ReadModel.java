package org.clinicbooking.scheduling.support;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes read-model rows straight into the test schema, for tests about booking rather than
 * about the consumer. Every call creates fresh ids, so tests never share data.
 */
public final class ReadModel {

    private final Pool pool;

    public ReadModel(Pool pool) {
        this.pool = pool;
    }

    /** Creates a clinic in the zone, an active doctor there, and an active service of that length the doctor offers. */
    public Practice practice(String zone, int minutes) {
        UUID clinicId = clinic(zone);
        UUID doctorId = doctor(clinicId, true);
        UUID serviceId = service(minutes, new BigDecimal("45.00"), "KES", true);
        offer(doctorId, serviceId);
        return new Practice(clinicId, doctorId, serviceId);
    }

    public UUID clinic(String zone) {
        UUID id = UUID.randomUUID();
        execute("INSERT INTO clinic (id, time_zone) VALUES (?, ?)", id.toString(), zone);
        return id;
    }

    public UUID doctor(UUID clinicId, boolean active) {
        UUID id = UUID.randomUUID();
        execute(
                "INSERT INTO doctor (id, clinic_id, active) VALUES (?, ?, ?)",
                id.toString(),
                clinicId.toString(),
                active);
        return id;
    }

    public UUID service(int minutes, BigDecimal price, String currency, boolean active) {
        UUID id = UUID.randomUUID();
        execute(
                "INSERT INTO medical_service (id, duration_minutes, price, currency, active) VALUES (?, ?, ?, ?, ?)",
                id.toString(),
                minutes,
                price,
                currency,
                active);
        return id;
    }

    public void offer(UUID doctorId, UUID serviceId) {
        execute(
                "INSERT INTO doctor_service (doctor_id, service_id, offered) VALUES (?, ?, TRUE)",
                doctorId.toString(),
                serviceId.toString());
    }

    public UUID patient() {
        UUID id = UUID.randomUUID();
        execute("INSERT INTO user_account (id, role, active) VALUES (?, 'PATIENT', TRUE)", id.toString());
        return id;
    }

    public List<Row> rows(String sql, Object... parameters) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(sql)
                .execute(Tuple.from(parameters))
                .await()
                .indefinitely()
                .forEach(rows::add);
        return rows;
    }

    public long count(String sql, Object... parameters) {
        return rows(sql, parameters).get(0).getLong(0);
    }

    /** Runs a statement that returns no rows, and throws when the database rejects it. */
    public void execute(String sql, Object... parameters) {
        pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().indefinitely();
    }

    /** The ids of a clinic, one of its doctors, and a service the doctor offers. */
    public record Practice(UUID clinicId, UUID doctorId, UUID serviceId) {}
}
