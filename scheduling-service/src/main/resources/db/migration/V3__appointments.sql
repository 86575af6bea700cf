CREATE TABLE appointment (
    id                  CHAR(36)      NOT NULL,
    patient_id          CHAR(36)      NOT NULL,
    doctor_id           CHAR(36)      NOT NULL,
    clinic_id           CHAR(36)      NOT NULL,
    service_id          CHAR(36)      NOT NULL,
    start_at            DATETIME(6)   NOT NULL,
    end_at              DATETIME(6)   NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    reason              VARCHAR(1000) NULL,
    cancellation_reason VARCHAR(1000) NULL,
    price               DECIMAL(12,2) NOT NULL,
    currency            CHAR(3)       NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    updated_at          DATETIME(6)   NOT NULL,
    version             BIGINT        NOT NULL,
    CONSTRAINT pk_appointment PRIMARY KEY (id),
    CONSTRAINT fk_appointment_doctor FOREIGN KEY (doctor_id) REFERENCES doctor (id),
    CONSTRAINT fk_appointment_clinic FOREIGN KEY (clinic_id) REFERENCES clinic (id),
    CONSTRAINT fk_appointment_service FOREIGN KEY (service_id) REFERENCES medical_service (id),
    CONSTRAINT ck_appointment_order CHECK (end_at > start_at),
    CONSTRAINT ck_appointment_status CHECK (status IN
        ('BOOKED', 'CONFIRMED', 'COMPLETED', 'CANCELLED', 'NO_SHOW')),
    CONSTRAINT ck_appointment_price CHECK (price >= 0)
) ENGINE = InnoDB;

-- Listings filter by doctor, patient, clinic or status and sort by start.
CREATE INDEX ix_appointment_doctor_start ON appointment (doctor_id, start_at);
CREATE INDEX ix_appointment_patient_start ON appointment (patient_id, start_at);
CREATE INDEX ix_appointment_clinic_start ON appointment (clinic_id, start_at);
CREATE INDEX ix_appointment_status_start ON appointment (status, start_at);
CREATE INDEX ix_appointment_start ON appointment (start_at);

-- The overlap checks look for appointments that end after the new start and begin before
-- its end. A range on end_at reads only the appointments not yet over at the new start,
-- where a range on start_at would read, and lock, the doctor's or patient's whole history.
CREATE INDEX ix_appointment_doctor_end ON appointment (doctor_id, end_at, start_at);
CREATE INDEX ix_appointment_patient_end ON appointment (patient_id, end_at, start_at);

-- One row per doctor and per patient. A booking locks the doctor's row and then the
-- patient's with SELECT ... FOR UPDATE, so bookings that could overlap run one at a time on
-- every replica; the fixed order (doctor, then patient) keeps two bookings from waiting on
-- each other in a cycle.
CREATE TABLE doctor_booking_lock (
    doctor_id CHAR(36) NOT NULL,
    CONSTRAINT pk_doctor_booking_lock PRIMARY KEY (doctor_id)
) ENGINE = InnoDB;

CREATE TABLE patient_booking_lock (
    patient_id CHAR(36) NOT NULL,
    CONSTRAINT pk_patient_booking_lock PRIMARY KEY (patient_id)
) ENGINE = InnoDB;
