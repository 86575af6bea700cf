-- A clinic of the network. time_zone is an IANA region id (Africa/Nairobi); the service
-- rejects fixed offsets, because working hours must follow daylight-saving changes.
-- Text comparisons follow the schema's collation, which is case-insensitive
-- (utf8mb4_unicode_ci in deploy/mysql/create-schemas.sql), so the city and name filters are too.
CREATE TABLE clinic (
    id         CHAR(36)     NOT NULL,
    name       VARCHAR(200) NOT NULL,
    address    VARCHAR(500) NOT NULL,
    city       VARCHAR(100) NOT NULL,
    phone      VARCHAR(32)  NOT NULL,
    time_zone  VARCHAR(64)  NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    version    BIGINT       NOT NULL,
    CONSTRAINT pk_clinic PRIMARY KEY (id),
    CONSTRAINT ck_clinic_name CHECK (CHAR_LENGTH(TRIM(name)) > 0),
    CONSTRAINT ck_clinic_city CHECK (CHAR_LENGTH(TRIM(city)) > 0),
    CONSTRAINT ck_clinic_time_zone CHECK (time_zone LIKE '%/%' OR time_zone = 'UTC')
) ENGINE = InnoDB;

-- GET /api/clinics sorts by name and filters by city (exact) and name (prefix).
CREATE INDEX ix_clinic_name ON clinic (name, id);
CREATE INDEX ix_clinic_city_name ON clinic (city, name, id);
