-- The audit log: one entry per domain event, in recording order. id is the gap-free sequence
-- that the append takes from audit_chain_head, so a missing id means a deleted entry. The
-- hash of each entry covers the previous entry's hash, which makes the entries a hash chain.
CREATE TABLE audit_entry (
    id            BIGINT       NOT NULL,
    event_id      CHAR(36)     NOT NULL,
    event_type    VARCHAR(100) NOT NULL,
    source        VARCHAR(100) NOT NULL,
    subject_type  VARCHAR(50)  NOT NULL,
    subject_id    VARCHAR(64)  NOT NULL,
    actor_id      CHAR(36)     NULL,
    actor_role    VARCHAR(20)  NOT NULL,
    occurred_at   DATETIME(6)  NOT NULL,
    recorded_at   DATETIME(6)  NOT NULL,
    payload       LONGTEXT     NOT NULL,
    previous_hash CHAR(64)     NOT NULL,
    hash          CHAR(64)     NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_audit_entry_event_id UNIQUE (event_id),
    CONSTRAINT ck_audit_entry_id CHECK (id > 0),
    CONSTRAINT ck_audit_entry_actor_role CHECK (actor_role IN ('PATIENT', 'DOCTOR', 'STAFF', 'ADMIN', 'SYSTEM')),
    CONSTRAINT ck_audit_entry_previous_hash CHECK (CHAR_LENGTH(previous_hash) = 64),
    CONSTRAINT ck_audit_entry_hash CHECK (CHAR_LENGTH(hash) = 64)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The listing sorts by (occurred_at DESC, id DESC). Each filter has an index that starts with
-- its equality columns and ends in that sort key, so a filtered page is an index range scan.
CREATE INDEX ix_audit_entry_subject ON audit_entry (subject_type, subject_id, occurred_at, id);
CREATE INDEX ix_audit_entry_subject_id ON audit_entry (subject_id, occurred_at, id);
CREATE INDEX ix_audit_entry_actor ON audit_entry (actor_id, occurred_at, id);
CREATE INDEX ix_audit_entry_event_type ON audit_entry (event_type, occurred_at, id);
CREATE INDEX ix_audit_entry_occurred ON audit_entry (occurred_at, id);

-- The end of the chain: the last sequence and hash. Every append locks this single row with
-- SELECT ... FOR UPDATE and updates it in the same transaction as the insert, so appends from
-- any number of replicas are serialised and each links to the one before it.
CREATE TABLE audit_chain_head (
    id            TINYINT  NOT NULL,
    last_sequence BIGINT   NOT NULL,
    last_hash     CHAR(64) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_audit_chain_head_single_row CHECK (id = 1),
    CONSTRAINT ck_audit_chain_head_last_sequence CHECK (last_sequence >= 0),
    CONSTRAINT ck_audit_chain_head_last_hash CHECK (CHAR_LENGTH(last_hash) = 64)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The empty chain: the first entry gets sequence 1 and links to 64 zeros.
INSERT INTO audit_chain_head (id, last_sequence, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
