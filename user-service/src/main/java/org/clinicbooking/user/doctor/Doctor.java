package org.clinicbooking.user.doctor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A doctor's profile. Its id is the id of the doctor's user (role DOCTOR), who holds the name,
 * email and active flag; the profile adds the clinic and the professional details.
 */
@Entity
@Table(name = "doctor")
public class Doctor {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "user_id", length = 36)
    private UUID id;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "clinic_id", nullable = false, length = 36)
    private UUID clinicId;

    @Column(nullable = false, length = 100)
    private String specialization;

    @Column(name = "license_number", nullable = false, length = 64)
    private String licenseNumber;

    @Column(name = "years_of_experience", nullable = false)
    private int yearsOfExperience;

    @Column(length = 2000)
    private String bio;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Doctor() {}

    public Doctor(UUID userId, DoctorDetails details, Instant now) {
        this.id = userId;
        apply(details);
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Replaces every field with the given details; returns whether anything changed. */
    public boolean update(DoctorDetails details, Instant now) {
        if (details().equals(details)) {
            return false;
        }
        apply(details);
        this.updatedAt = now;
        return true;
    }

    /** The fields an update may change, as they are stored now. */
    public DoctorDetails details() {
        return new DoctorDetails(clinicId, specialization, licenseNumber, yearsOfExperience, bio);
    }

    private void apply(DoctorDetails details) {
        this.clinicId = Objects.requireNonNull(details.clinicId());
        this.specialization = details.specialization();
        this.licenseNumber = details.licenseNumber();
        this.yearsOfExperience = details.yearsOfExperience();
        this.bio = details.bio();
    }

    public UUID id() {
        return id;
    }

    public UUID clinicId() {
        return clinicId;
    }

    public String specialization() {
        return specialization;
    }

    public String licenseNumber() {
        return licenseNumber;
    }

    public int yearsOfExperience() {
        return yearsOfExperience;
    }

    public String bio() {
        return bio;
    }
}
