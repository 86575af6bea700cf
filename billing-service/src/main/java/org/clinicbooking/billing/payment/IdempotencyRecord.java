package org.clinicbooking.billing.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The first response to one {@code Idempotency-Key}. It is inserted, without a response, as the
 * first statement of the payment transaction and completed before that transaction commits,
 * so a committed record always contains its response.
 */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord {

    @Id
    @Column(name = "idempotency_key", length = 100)
    private String key;

    @Column(name = "request_hash", nullable = false, length = 64)
    private String requestHash;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "caller_id", nullable = false, length = 36)
    private UUID callerId;

    @Column(name = "response_status")
    private Integer responseStatus;

    @Column(name = "response_body", columnDefinition = "TEXT")
    private String responseBody;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "payment_id", length = 36)
    private UUID paymentId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected IdempotencyRecord() {}

    IdempotencyRecord(String key, String requestHash, UUID callerId, Instant createdAt) {
        this.key = key;
        this.requestHash = requestHash;
        this.callerId = callerId;
        this.createdAt = createdAt;
    }

    void complete(StoredResponse response) {
        this.responseStatus = response.status();
        this.responseBody = response.body();
        this.paymentId = response.paymentId();
    }

    boolean isComplete() {
        return responseStatus != null;
    }

    /** Returns the stored response, marked as a replay. */
    StoredResponse replay() {
        return new StoredResponse(responseStatus, responseBody, paymentId, true);
    }

    String key() {
        return key;
    }

    String requestHash() {
        return requestHash;
    }
}
