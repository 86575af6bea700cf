-- A doctor's profile: one-to-one with a DOCTOR user, so the doctor id is the user id and a
-- doctor's token subject is their doctor id.
CREATE TABLE doctor (
    user_id             CHAR(36)      NOT NULL,
    clinic_id           CHAR(36)      NOT NULL,
    specialization      VARCHAR(100)  NOT NULL,
    license_number      VARCHAR(64)   NOT NULL,
    years_of_experience INT           NOT NULL,
    bio                 VARCHAR(2000) NULL,
    created_at          DATETIME(6)   NOT NULL,
    updated_at          DATETIME(6)   NOT NULL,
    version             BIGINT        NOT NULL,
    CONSTRAINT pk_doctor PRIMARY KEY (user_id),
    CONSTRAINT fk_doctor_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_doctor_clinic FOREIGN KEY (clinic_id) REFERENCES clinic (id),
    CONSTRAINT uq_doctor_license_number UNIQUE (license_number),
    CONSTRAINT ck_doctor_specialization CHECK (CHAR_LENGTH(TRIM(specialization)) > 0),
    CONSTRAINT ck_doctor_years_of_experience CHECK (years_of_experience BETWEEN 0 AND 80)
) ENGINE = InnoDB;

-- GET /api/doctors filters by clinic and specialization and sorts by created_at; the
-- clinic index also backs fk_doctor_clinic.
CREATE INDEX ix_doctor_clinic_specialization ON doctor (clinic_id, specialization, created_at);
CREATE INDEX ix_doctor_specialization ON doctor (specialization, created_at);
CREATE INDEX ix_doctor_created ON doctor (created_at);

-- The medical services a doctor offers. A row exists only while the link does: unlinking
-- deletes it, and the unlinked event keeps the history.
CREATE TABLE doctor_service_link (
    id         CHAR(36)    NOT NULL,
    doctor_id  CHAR(36)    NOT NULL,
    service_id CHAR(36)    NOT NULL,
    linked_at  DATETIME(6) NOT NULL,
    CONSTRAINT pk_doctor_service_link PRIMARY KEY (id),
    -- Also the index for "services of a doctor" and the doctor foreign key.
    CONSTRAINT uq_doctor_service_link_pair UNIQUE (doctor_id, service_id),
    CONSTRAINT fk_doctor_service_link_doctor FOREIGN KEY (doctor_id) REFERENCES doctor (user_id),
    CONSTRAINT fk_doctor_service_link_service FOREIGN KEY (service_id) REFERENCES medical_service (id)
) ENGINE = InnoDB;

-- The serviceId filter of GET /api/doctors looks links up by service.
CREATE INDEX ix_doctor_service_link_service ON doctor_service_link (service_id, doctor_id);
