package org.clinicbooking.clinical.appointment;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

@ApplicationScoped
public class AppointmentRepository implements PanacheRepositoryBase<Appointment, UUID> {

    // One atomic statement, so the consumer and a request that resolved the same appointment
    // over HTTP cannot both insert. A snapshot older than the stored row changes nothing; an
    // equal version rewrites the same values, which makes a redelivery harmless. MySQL applies
    // the assignments left to right, so version is assigned last, after every comparison.
    private static final String UPSERT = "INSERT INTO appointment"
            + " (id, patient_id, doctor_id, status, start_at, end_at, version, synced_at)"
            + " VALUES (:id, :patientId, :doctorId, :status, :startAt, :endAt, :version, :syncedAt)"
            + " ON DUPLICATE KEY UPDATE"
            + " patient_id = IF(:version >= version, :patientId, patient_id),"
            + " doctor_id = IF(:version >= version, :doctorId, doctor_id),"
            + " status = IF(:version >= version, :status, status),"
            + " start_at = IF(:version >= version, :startAt, start_at),"
            + " end_at = IF(:version >= version, :endAt, end_at),"
            + " synced_at = IF(:version >= version, :syncedAt, synced_at),"
            + " version = GREATEST(version, :version)";

    /**
     * Stores the snapshot unless the read model already has a newer version of the
     * appointment. Call it inside a transaction.
     */
    public Uni<Void> upsert(AppointmentSnapshot snapshot, Instant now) {
        return getSession()
                .chain(session -> session.createNativeQuery(UPSERT)
                        .setParameter("id", snapshot.id().toString())
                        .setParameter("patientId", snapshot.patientId().toString())
                        .setParameter("doctorId", snapshot.doctorId().toString())
                        .setParameter("status", snapshot.status().name())
                        .setParameter("startAt", utc(snapshot.startAt()))
                        .setParameter("endAt", utc(snapshot.endAt()))
                        .setParameter("version", snapshot.version())
                        .setParameter("syncedAt", utc(now))
                        .executeUpdate())
                .replaceWithVoid();
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
