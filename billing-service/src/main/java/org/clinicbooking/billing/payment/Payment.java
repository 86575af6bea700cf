package org.clinicbooking.billing.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Money a patient paid towards one appointment. */
@Entity
@Table(name = "payment")
public class Payment {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 36)
    private UUID id;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "appointment_id", nullable = false, length = 36)
    private UUID appointmentId;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "patient_id", nullable = false, length = 36)
    private UUID patientId;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    @Column(nullable = false, length = 3)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PaymentMethod method;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PaymentStatus status;

    @Column(name = "external_reference", length = 100)
    private String externalReference;

    @Column(name = "idempotency_key", length = 100)
    private String idempotencyKey;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "recorded_by", nullable = false, length = 36)
    private UUID recordedBy;

    @Column(name = "paid_at", nullable = false)
    private Instant paidAt;

    protected Payment() {}

    /** A completed payment; {@code paidAt} should already be cut to the microseconds the column keeps. */
    Payment(
            UUID appointmentId,
            UUID patientId,
            BigDecimal amount,
            String currency,
            PaymentMethod method,
            String externalReference,
            String idempotencyKey,
            UUID recordedBy,
            Instant paidAt) {
        this.id = UUID.randomUUID();
        this.appointmentId = appointmentId;
        this.patientId = patientId;
        this.amount = amount;
        this.currency = currency;
        this.method = method;
        this.status = PaymentStatus.COMPLETED;
        this.externalReference = externalReference;
        this.idempotencyKey = idempotencyKey;
        this.recordedBy = recordedBy;
        this.paidAt = paidAt;
    }

    public void markRefunded() {
        if (status != PaymentStatus.COMPLETED) {
            throw new IllegalStateException("Payment " + id + " is " + status + ", only a completed one is refunded");
        }
        this.status = PaymentStatus.REFUNDED;
    }

    public UUID id() {
        return id;
    }

    public UUID appointmentId() {
        return appointmentId;
    }

    public UUID patientId() {
        return patientId;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public PaymentMethod method() {
        return method;
    }

    public PaymentStatus status() {
        return status;
    }

    public String externalReference() {
        return externalReference;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public UUID recordedBy() {
        return recordedBy;
    }

    public Instant paidAt() {
        return paidAt;
    }
}
