package org.clinicbooking.user.clinic;

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

/** A clinic of the network, with the IANA time zone its working hours are kept in. */
@Entity
@Table(name = "clinic")
public class Clinic {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 36)
    private UUID id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 500)
    private String address;

    @Column(nullable = false, length = 100)
    private String city;

    @Column(nullable = false, length = 32)
    private String phone;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Clinic() {}

    public Clinic(ClinicRequest details, Instant now) {
        this.id = UUID.randomUUID();
        apply(details.normalized());
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Replaces every field with the request's; returns whether anything changed. */
    public boolean update(ClinicRequest details, Instant now) {
        ClinicRequest normalized = details.normalized();
        boolean changed = !Objects.equals(name, normalized.name())
                || !Objects.equals(address, normalized.address())
                || !Objects.equals(city, normalized.city())
                || !Objects.equals(phone, normalized.phone())
                || !Objects.equals(timeZone, normalized.timeZone());
        if (changed) {
            apply(normalized);
            this.updatedAt = now;
        }
        return changed;
    }

    private void apply(ClinicRequest normalized) {
        this.name = normalized.name();
        this.address = normalized.address();
        this.city = normalized.city();
        this.phone = normalized.phone();
        this.timeZone = normalized.timeZone();
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String address() {
        return address;
    }

    public String city() {
        return city;
    }

    public String phone() {
        return phone;
    }

    public String timeZone() {
        return timeZone;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
