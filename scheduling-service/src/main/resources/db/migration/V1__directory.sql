-- The read model of user-service's data: only the fields scheduling needs, fed by the
-- user-events topic and, for a record whose event is still in flight, by user-service's API.
-- event_time is the ce_time of the event that last wrote the row, NULL when the row came
-- over HTTP; an event older than the stored one does not overwrite it.
-- No foreign keys between these tables: events of different aggregates arrive in any order,
-- so a doctor may arrive before their clinic.

CREATE TABLE clinic (
    id         CHAR(36)    NOT NULL,
    time_zone  VARCHAR(64) NOT NULL,
    event_time DATETIME(6) NULL,
    CONSTRAINT pk_clinic PRIMARY KEY (id)
) ENGINE = InnoDB;

CREATE TABLE doctor (
    id         CHAR(36)    NOT NULL,
    clinic_id  CHAR(36)    NOT NULL,
    active     BOOLEAN     NOT NULL,
    event_time DATETIME(6) NULL,
    CONSTRAINT pk_doctor PRIMARY KEY (id)
) ENGINE = InnoDB;

CREATE TABLE medical_service (
    id               CHAR(36)      NOT NULL,
    duration_minutes INT           NOT NULL,
    price            DECIMAL(12,2) NOT NULL,
    currency         CHAR(3)       NOT NULL,
    active           BOOLEAN       NOT NULL,
    event_time       DATETIME(6)   NULL,
    CONSTRAINT pk_medical_service PRIMARY KEY (id),
    CONSTRAINT ck_medical_service_duration CHECK (duration_minutes > 0),
    CONSTRAINT ck_medical_service_price CHECK (price >= 0)
) ENGINE = InnoDB;

-- A row per pair ever linked; unlinking keeps the row with offered = FALSE, so an older
-- "linked" event cannot bring the link back.
CREATE TABLE doctor_service (
    doctor_id  CHAR(36)    NOT NULL,
    service_id CHAR(36)    NOT NULL,
    offered    BOOLEAN     NOT NULL,
    event_time DATETIME(6) NULL,
    CONSTRAINT pk_doctor_service PRIMARY KEY (doctor_id, service_id)
) ENGINE = InnoDB;

-- Users of every role; booking on behalf of a patient checks role and active flag here.
CREATE TABLE user_account (
    id         CHAR(36)    NOT NULL,
    role       VARCHAR(16) NOT NULL,
    active     BOOLEAN     NOT NULL,
    event_time DATETIME(6) NULL,
    CONSTRAINT pk_user_account PRIMARY KEY (id),
    CONSTRAINT ck_user_account_role CHECK (role IN ('PATIENT', 'DOCTOR', 'STAFF', 'ADMIN'))
) ENGINE = InnoDB;
