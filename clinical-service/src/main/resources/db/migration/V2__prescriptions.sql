CREATE TABLE prescription (
    id             CHAR(36)      NOT NULL,
    appointment_id CHAR(36)      NOT NULL,
    doctor_id      CHAR(36)      NOT NULL,
    patient_id     CHAR(36)      NOT NULL,
    medication     VARCHAR(200)  NOT NULL,
    -- An RxNorm concept id (RXCUI), stored as given: digits only, leading zeros kept.
    rx_norm_code   VARCHAR(20)   NULL,
    dosage         VARCHAR(100)  NOT NULL,
    frequency      VARCHAR(100)  NOT NULL,
    duration_days  INT           NOT NULL,
    instructions   VARCHAR(2000) NULL,
    issued_at      DATETIME(6)   NOT NULL,
    CONSTRAINT pk_prescription PRIMARY KEY (id),
    CONSTRAINT fk_prescription_appointment FOREIGN KEY (appointment_id) REFERENCES appointment (id),
    CONSTRAINT ck_prescription_medication CHECK (CHAR_LENGTH(TRIM(medication)) > 0),
    CONSTRAINT ck_prescription_dosage CHECK (CHAR_LENGTH(TRIM(dosage)) > 0),
    CONSTRAINT ck_prescription_frequency CHECK (CHAR_LENGTH(TRIM(frequency)) > 0),
    CONSTRAINT ck_prescription_rx_norm_code CHECK (rx_norm_code REGEXP '^[0-9]+$'),
    CONSTRAINT ck_prescription_duration_days CHECK (duration_days > 0 AND duration_days <= 365)
) ENGINE = InnoDB;

-- One index per listing filter: a patient's, a doctor's and an appointment's prescriptions,
-- each newest first.
CREATE INDEX ix_prescription_patient ON prescription (patient_id, issued_at, id);
CREATE INDEX ix_prescription_doctor ON prescription (doctor_id, issued_at, id);
CREATE INDEX ix_prescription_appointment ON prescription (appointment_id, issued_at, id);
