package org.clinicbooking.user.doctor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** That a doctor offers a medical service. Unique per pair; removed when the doctor stops offering it. */
@Entity
@Table(name = "doctor_service_link")
public class DoctorServiceLink {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 36)
    private UUID id;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "doctor_id", nullable = false, length = 36)
    private UUID doctorId;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "service_id", nullable = false, length = 36)
    private UUID serviceId;

    @Column(name = "linked_at", nullable = false)
    private Instant linkedAt;

    protected DoctorServiceLink() {}

    public DoctorServiceLink(UUID doctorId, UUID serviceId, Instant now) {
        this.id = UUID.randomUUID();
        this.doctorId = doctorId;
        this.serviceId = serviceId;
        this.linkedAt = now;
    }

    public UUID doctorId() {
        return doctorId;
    }

    public UUID serviceId() {
        return serviceId;
    }
}
