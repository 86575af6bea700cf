-- Transactional outbox: a service writes its domain events here in the same transaction
-- as the change; OutboxRelay publishes them to Kafka and stamps published_at.
CREATE TABLE outbox_event (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    event_id       CHAR(36)     NOT NULL,
    event_type     VARCHAR(100) NOT NULL,
    aggregate_type VARCHAR(50)  NOT NULL,
    aggregate_id   VARCHAR(64)  NOT NULL,
    actor_id       CHAR(36)     NULL,
    actor_role     VARCHAR(20)  NOT NULL,
    trace_parent   VARCHAR(128) NULL,
    payload        LONGTEXT     NOT NULL,
    occurred_at    DATETIME(6)  NOT NULL,
    published_at   DATETIME(6)  NULL,
    CONSTRAINT pk_outbox_event PRIMARY KEY (id),
    CONSTRAINT uq_outbox_event_event_id UNIQUE (event_id)
) ENGINE = InnoDB;

-- The relay reads "published_at IS NULL ORDER BY id"; this index serves that scan.
CREATE INDEX ix_outbox_event_pending ON outbox_event (published_at, id);

-- One row per relay: the replica holding an unexpired lease is the only one publishing,
-- which keeps each aggregate's events in commit order across replicas.
CREATE TABLE outbox_relay_lease (
    name       VARCHAR(50)  NOT NULL,
    holder     VARCHAR(100) NULL,
    expires_at DATETIME(6)  NOT NULL,
    CONSTRAINT pk_outbox_relay_lease PRIMARY KEY (name)
) ENGINE = InnoDB;

INSERT INTO outbox_relay_lease (name, holder, expires_at) VALUES ('outbox', NULL, '2000-01-01 00:00:00');
