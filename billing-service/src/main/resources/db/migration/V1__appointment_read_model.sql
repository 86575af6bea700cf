-- Appointments as scheduling-service publishes them: billing's read model, fed by the
-- scheduling-events topic and, when a request needs an appointment no event has brought yet,
-- by GET /api/appointments/{id} on scheduling-service. Rows are never deleted, because
-- payments refer to them.
CREATE TABLE appointment (
    id                 CHAR(36)      NOT NULL,
    patient_id         CHAR(36)      NOT NULL,
    doctor_id          CHAR(36)      NOT NULL,
    clinic_id          CHAR(36)      NOT NULL,
    service_id         CHAR(36)      NOT NULL,
    start_at           DATETIME(6)   NOT NULL,
    end_at             DATETIME(6)   NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    -- The service's price when the appointment was booked: the most a patient pays for it.
    price              DECIMAL(12,2) NOT NULL,
    -- ascii_bin makes the CHECK below case-sensitive on any server default collation.
    currency           CHAR(3) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- scheduling-service's version of the appointment: an older copy never overwrites a newer one.
    scheduling_version BIGINT        NOT NULL,
    updated_at         DATETIME(6)   NOT NULL,
    CONSTRAINT pk_appointment PRIMARY KEY (id),
    CONSTRAINT ck_appointment_status
        CHECK (status IN ('BOOKED', 'CONFIRMED', 'COMPLETED', 'CANCELLED', 'NO_SHOW')),
    CONSTRAINT ck_appointment_price CHECK (price >= 0),
    CONSTRAINT ck_appointment_currency CHECK (currency REGEXP '^[A-Z]{3}$'),
    CONSTRAINT ck_appointment_period CHECK (end_at > start_at),
    CONSTRAINT ck_appointment_version CHECK (scheduling_version >= 0)
) ENGINE = InnoDB;

-- A doctor's payment listing and balance checks select the doctor's appointments.
CREATE INDEX ix_appointment_doctor ON appointment (doctor_id);
