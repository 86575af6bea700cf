package org.clinicbooking.scheduling.appointment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.clinicbooking.scheduling.schedule.TimeRange;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A patient's appointment with a doctor for one medical service. Never deleted: cancelling sets
 * its status. The price and currency are the service's when it was booked.
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

    @Column(length = 1000)
    private String reason;

    @Column(name = "cancellation_reason", length = 1000)
    private String cancellationReason;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal price;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Appointment() {}

    Appointment(UUID id, BookingPlan plan, Instant now) {
        this.id = id;
        this.patientId = plan.patientId();
        this.doctorId = plan.offer().doctorId();
        this.clinicId = plan.offer().clinicId();
        this.serviceId = plan.offer().service().id();
        this.startAt = plan.slot().start();
        this.endAt = plan.slot().end();
        this.status = AppointmentStatus.BOOKED;
        this.reason = plan.reason();
        this.price = plan.offer().service().price();
        this.currency = plan.offer().service().currency();
        this.createdAt = now;
        this.updatedAt = now;
    }

    void changeStatus(AppointmentStatus target, String cancellationReason, Instant now) {
        this.status = target;
        if (target == AppointmentStatus.CANCELLED) {
            this.cancellationReason = cancellationReason;
        }
        this.updatedAt = now;
    }

    void moveTo(TimeRange slot, Instant now) {
        this.startAt = slot.start();
        this.endAt = slot.end();
        this.updatedAt = now;
    }

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

    public String reason() {
        return reason;
    }

    public String cancellationReason() {
        return cancellationReason;
    }

    public BigDecimal price() {
        return price;
    }

    public String currency() {
        return currency;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
