package org.clinicbooking.billing.refund;

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

/** Money given back for one payment; a payment has at most one refund (unique payment_id). */
@Entity
@Table(name = "refund")
public class Refund {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 36)
    private UUID id;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "payment_id", nullable = false, length = 36)
    private UUID paymentId;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private RefundReason reason;

    @Column(name = "refunded_at", nullable = false)
    private Instant refundedAt;

    protected Refund() {}

    Refund(UUID paymentId, BigDecimal amount, RefundReason reason, Instant refundedAt) {
        this.id = UUID.randomUUID();
        this.paymentId = paymentId;
        this.amount = amount;
        this.reason = reason;
        this.refundedAt = refundedAt;
    }

    public UUID id() {
        return id;
    }

    public UUID paymentId() {
        return paymentId;
    }

    public BigDecimal amount() {
        return amount;
    }

    public RefundReason reason() {
        return reason;
    }

    public Instant refundedAt() {
        return refundedAt;
    }
}
