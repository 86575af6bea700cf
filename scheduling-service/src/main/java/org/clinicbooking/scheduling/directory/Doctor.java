package org.clinicbooking.scheduling.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A doctor as scheduling's read model stores it: the clinic they work at and whether they take bookings. */
@Entity
@Table(name = "doctor")
public class Doctor {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 36)
    private UUID id;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "clinic_id", nullable = false, length = 36)
    private UUID clinicId;

    @Column(nullable = false)
    private boolean active;

    protected Doctor() {}

    public Doctor(UUID id, UUID clinicId, boolean active) {
        if (id == null || clinicId == null) {
            throw new IllegalArgumentException("a doctor needs an id and a clinic id");
        }
        this.id = id;
        this.clinicId = clinicId;
        this.active = active;
    }

    public UUID id() {
        return id;
    }

    public UUID clinicId() {
        return clinicId;
    }

    public boolean active() {
        return active;
    }
}
