-- A payment recorded by staff against one appointment. Money is DECIMAL(12,2), never a float.
CREATE TABLE payment (
    id                 CHAR(36)      NOT NULL,
    appointment_id     CHAR(36)      NOT NULL,
    patient_id         CHAR(36)      NOT NULL,
    amount             DECIMAL(12,2) NOT NULL,
    currency           CHAR(3) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    method             VARCHAR(16)   NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    external_reference VARCHAR(100)  NULL,
    -- Keys are compared byte for byte: "abc" and "ABC" are two keys.
    idempotency_key    VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NULL,
    recorded_by        CHAR(36)      NOT NULL,
    paid_at            DATETIME(6)   NOT NULL,
    CONSTRAINT pk_payment PRIMARY KEY (id),
    CONSTRAINT uq_payment_idempotency_key UNIQUE (idempotency_key),
    CONSTRAINT fk_payment_appointment FOREIGN KEY (appointment_id) REFERENCES appointment (id),
    CONSTRAINT ck_payment_amount CHECK (amount > 0),
    CONSTRAINT ck_payment_currency CHECK (currency REGEXP '^[A-Z]{3}$'),
    CONSTRAINT ck_payment_method
        CHECK (method IN ('CASH', 'CARD', 'INSURANCE', 'MOBILE_MONEY', 'BANK_TRANSFER')),
    CONSTRAINT ck_payment_status CHECK (status IN ('COMPLETED', 'REFUNDED', 'FAILED')),
    -- Serves the foreign key, the paid total of an appointment and the appointmentId filter.
    INDEX ix_payment_appointment (appointment_id, status)
) ENGINE = InnoDB;

-- The listing filters: patientId, status, and none, each newest first.
CREATE INDEX ix_payment_patient ON payment (patient_id, paid_at);
CREATE INDEX ix_payment_status ON payment (status, paid_at);
CREATE INDEX ix_payment_paid_at ON payment (paid_at);

-- The refund of one payment, recorded by billing itself when the appointment is cancelled.
-- A payment is refunded at most once (uq_refund_payment); RefundService always refunds the
-- full amount, which no constraint here checks.
CREATE TABLE refund (
    id          CHAR(36)      NOT NULL,
    payment_id  CHAR(36)      NOT NULL,
    amount      DECIMAL(12,2) NOT NULL,
    reason      VARCHAR(32)   NOT NULL,
    refunded_at DATETIME(6)   NOT NULL,
    CONSTRAINT pk_refund PRIMARY KEY (id),
    CONSTRAINT uq_refund_payment UNIQUE (payment_id),
    CONSTRAINT fk_refund_payment FOREIGN KEY (payment_id) REFERENCES payment (id),
    CONSTRAINT ck_refund_amount CHECK (amount > 0),
    CONSTRAINT ck_refund_reason CHECK (reason IN ('APPOINTMENT_CANCELLED'))
) ENGINE = InnoDB;

-- The first answer to each Idempotency-Key of POST /api/payments. The payment transaction
-- inserts the key before anything else, so the primary key decides which of two concurrent
-- requests with one key records the payment; the other waits for that insert and then replays
-- the stored answer. Only answers that recorded a payment are kept: a rejected request rolls
-- its key back, and a retry is judged again.
CREATE TABLE idempotency_record (
    idempotency_key VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- SHA-256 (hex) of the caller's user id and the request body's fields.
    request_hash    CHAR(64)     NOT NULL,
    caller_id       CHAR(36)     NOT NULL,
    response_status SMALLINT     NULL,
    response_body   TEXT         NULL,
    payment_id      CHAR(36)     NULL,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT pk_idempotency_record PRIMARY KEY (idempotency_key),
    CONSTRAINT fk_idempotency_record_payment FOREIGN KEY (payment_id) REFERENCES payment (id),
    CONSTRAINT ck_idempotency_record_status
        CHECK (response_status IS NULL OR response_status BETWEEN 200 AND 599),
    CONSTRAINT ck_idempotency_record_response
        CHECK ((response_status IS NULL AND response_body IS NULL)
            OR (response_status IS NOT NULL AND response_body IS NOT NULL))
) ENGINE = InnoDB;
