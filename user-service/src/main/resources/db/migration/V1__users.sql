CREATE TABLE app_user (
    id            CHAR(36)     NOT NULL,
    email         VARCHAR(254) NOT NULL,
    -- Lower-cased copy of email: the unique key that makes emails case-insensitive on any collation.
    email_key     VARCHAR(254) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    full_name     VARCHAR(200) NOT NULL,
    phone         VARCHAR(32)  NULL,
    role          VARCHAR(16)  NOT NULL,
    date_of_birth DATE         NULL,
    active        BOOLEAN      NOT NULL,
    failed_logins INT          NOT NULL DEFAULT 0,
    locked_until  DATETIME(6)  NULL,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    version       BIGINT       NOT NULL,
    CONSTRAINT pk_app_user PRIMARY KEY (id),
    CONSTRAINT uq_app_user_email_key UNIQUE (email_key),
    CONSTRAINT ck_app_user_role CHECK (role IN ('PATIENT', 'DOCTOR', 'STAFF', 'ADMIN')),
    CONSTRAINT ck_app_user_failed_logins CHECK (failed_logins >= 0)
) ENGINE = InnoDB;

CREATE INDEX ix_app_user_role_active ON app_user (role, active, created_at);
