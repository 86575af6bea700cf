package org.clinicbooking.user.medicalservice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A medical service that patients book: its length, its price and whether it is offered now. */
@Entity
@Table(name = "medical_service")
public class MedicalService {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 36)
    private UUID id;

    @Column(nullable = false, length = 64)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 2000)
    private String description;

    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal price;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected MedicalService() {}

    public MedicalService(MedicalServiceRequest details, Instant now) {
        this.id = UUID.randomUUID();
        apply(details.normalized());
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Replaces every field with the request's; returns whether anything changed. */
    public boolean update(MedicalServiceRequest details, Instant now) {
        MedicalServiceRequest normalized = details.normalized();
        boolean changed = !Objects.equals(code, normalized.code())
                || !Objects.equals(name, normalized.name())
                || !Objects.equals(description, normalized.description())
                || durationMinutes != normalized.durationMinutes()
                || price.compareTo(normalized.price()) != 0
                || !Objects.equals(currency, normalized.currency())
                || active != normalized.active();
        if (changed) {
            apply(normalized);
            this.updatedAt = now;
        }
        return changed;
    }

    private void apply(MedicalServiceRequest normalized) {
        this.code = normalized.code();
        this.name = normalized.name();
        this.description = normalized.description();
        this.durationMinutes = normalized.durationMinutes();
        this.price = normalized.price();
        this.currency = normalized.currency();
        this.active = normalized.active();
    }

    public UUID id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public int durationMinutes() {
        return durationMinutes;
    }

    public BigDecimal price() {
        return price;
    }

    public String currency() {
        return currency;
    }

    public boolean active() {
        return active;
    }
}
