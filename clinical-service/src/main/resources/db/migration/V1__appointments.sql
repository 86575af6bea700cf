-- Read model of scheduling-service's appointments, kept from its events (or, when an event
-- is still in flight, from its HTTP API). Only the facts the clinical rules need: who the
-- patient and doctor are, and the status. version is scheduling-service's optimistic-lock
-- version; a write with a lower version than the stored one is stale and leaves the row alone.
CREATE TABLE appointment (
    id         CHAR(36)    NOT NULL,
    patient_id CHAR(36)    NOT NULL,
    doctor_id  CHAR(36)    NOT NULL,
    status     VARCHAR(16) NOT NULL,
    start_at   DATETIME(6) NULL,
    end_at     DATETIME(6) NULL,
    version    BIGINT      NOT NULL,
    synced_at  DATETIME(6) NOT NULL,
    CONSTRAINT pk_appointment PRIMARY KEY (id),
    CONSTRAINT ck_appointment_status
        CHECK (status IN ('BOOKED', 'CONFIRMED', 'COMPLETED', 'CANCELLED', 'NO_SHOW')),
    CONSTRAINT ck_appointment_version CHECK (version >= 0)
) ENGINE = InnoDB;
