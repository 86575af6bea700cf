package org.clinicbooking.billing.appointment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.clinicbooking.kit.security.Actor;
import org.clinicbooking.kit.security.Role;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Billing's copy of an appointment that scheduling-service owns. It is written only by
 * {@link AppointmentReadModel} with SQL, so Hibernate treats it as read-only.
 */
@Entity
@Table(name = "appointment")
@Immutable
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

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "clinic_id", nullable = false, length = 36)
    private UUID clinicId;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "service_id", nullable = false, length = 36)
    private UUID serviceId;

    @Column(name = "start_at", nullable = false)
    private Instant startAt;

    @Column(name = "end_at", nullable = false)
    private Instant endAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AppointmentStatus status;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal price;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "scheduling_version", nullable = false)
    private long schedulingVersion;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Appointment() {}

    public UUID id() {
        return id;
    }

    public UUID patientId() {
        return patientId;
    }

    public UUID doctorId() {
        return doctorId;
    }

    public UUID clinicId() {
        return clinicId;
    }

    public UUID serviceId() {
        return serviceId;
    }

    public Instant startAt() {
        return startAt;
    }

    public Instant endAt() {
        return endAt;
    }

    public AppointmentStatus status() {
        return status;
    }

    public boolean isCancelled() {
        return status == AppointmentStatus.CANCELLED;
    }

    /**
     * Tells whether the actor may see this appointment's payments and balance: staff and admins see
     * every appointment, a patient their own, a doctor those they are the doctor of.
     */
    public boolean isVisibleTo(Actor actor) {
        return actor.isClinicStaff()
                || (actor.is(Role.PATIENT) && actor.isUser(patientId))
                || (actor.is(Role.DOCTOR) && actor.isUser(doctorId));
    }

    public BigDecimal price() {
        return price;
    }

    public String currency() {
        return currency;
    }

    public long schedulingVersion() {
        return schedulingVersion;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
