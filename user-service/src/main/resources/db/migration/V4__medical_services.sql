-- A medical service a clinic offers: what a patient books. price is stored in the major unit
-- of currency (45.00 KES); the service also rejects more decimals than the currency has.
CREATE TABLE medical_service (
    id               CHAR(36)      NOT NULL,
    code             VARCHAR(64)   NOT NULL,
    name             VARCHAR(200)  NOT NULL,
    description      VARCHAR(2000) NULL,
    duration_minutes INT           NOT NULL,
    price            DECIMAL(12,2) NOT NULL,
    -- Binary collation, so the upper-case check below is case-sensitive.
    currency         CHAR(3) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    active           BOOLEAN       NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    version          BIGINT        NOT NULL,
    CONSTRAINT pk_medical_service PRIMARY KEY (id),
    -- The schema's collation is case-insensitive, so "CONS-01" and "cons-01" are one code.
    CONSTRAINT uq_medical_service_code UNIQUE (code),
    CONSTRAINT ck_medical_service_name CHECK (CHAR_LENGTH(TRIM(name)) > 0),
    CONSTRAINT ck_medical_service_duration CHECK (duration_minutes BETWEEN 1 AND 480),
    CONSTRAINT ck_medical_service_price CHECK (price >= 0),
    CONSTRAINT ck_medical_service_currency CHECK (currency REGEXP '^[A-Z]{3}$')
) ENGINE = InnoDB;

-- GET /api/medical-services sorts by name and filters by active and name (prefix);
-- the code filter uses uq_medical_service_code.
CREATE INDEX ix_medical_service_name ON medical_service (name, id);
CREATE INDEX ix_medical_service_active_name ON medical_service (active, name, id);
