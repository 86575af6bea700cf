package org.clinicbooking.scheduling.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A medical service as scheduling's read model stores it: how long it takes and what it costs. */
@Entity
@Table(name = "medical_service")
public class MedicalService {

    /**
     * Maximum duration of a medical service, and so of an appointment, as user-service enforces
     * it. The overlap queries rely on it to keep their index ranges short.
     */
    public static final int MAX_DURATION_MINUTES = 480;

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 36)
    private UUID id;

    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal price;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(nullable = false)
    private boolean active;

    protected MedicalService() {}

    /** Throws IllegalArgumentException for values the medical_service table's constraints reject. */
    public MedicalService(UUID id, int durationMinutes, BigDecimal price, String currency, boolean active) {
        if (id == null || price == null || currency == null) {
            throw new IllegalArgumentException("a medical service needs an id, a price and a currency");
        }
        if (durationMinutes <= 0 || durationMinutes > MAX_DURATION_MINUTES) {
            throw new IllegalArgumentException("durationMinutes must be from 1 to " + MAX_DURATION_MINUTES);
        }
        if (price.signum() < 0 || price.scale() > 2 || price.precision() - price.scale() > 10) {
            throw new IllegalArgumentException("price must be a non-negative amount with at most 2 decimals");
        }
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code");
        }
        this.id = id;
        this.durationMinutes = durationMinutes;
        this.price = price;
        this.currency = currency;
        this.active = active;
    }

    public UUID id() {
        return id;
    }

    public Duration duration() {
        return Duration.ofMinutes(durationMinutes);
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
