package org.clinicbooking.clinical.appointment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of the appointment read model. It is read through Hibernate and written only by
 * {@link AppointmentRepository#upsert}, because writes must compare versions atomically.
 */
@Entity
@Table(name = "appointment")
public class Appointment {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 36)
    private UUID id;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "patient_id", nullable = false, length = 36)
    private UUID patientId;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "doctor_id", nullable = false, length = 36)
    private UUID doctorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AppointmentStatus status;

    @Column(name = "start_at", nullable = false)
    private Instant startAt;

    @Column(name = "end_at", nullable = false)
    private Instant endAt;

    @Column(nullable = false)
    private long version;

    @Column(name = "synced_at", nullable = false)
    private Instant syncedAt;

    protected Appointment() {}

    public AppointmentSnapshot snapshot() {
        return new AppointmentSnapshot(id, patientId, doctorId, status, startAt, endAt, version);
    }

    public UUID id() {
        return id;
    }

    public AppointmentStatus status() {
        return status;
    }

    public long version() {
        return version;
    }

    public Instant syncedAt() {
        return syncedAt;
    }
}
