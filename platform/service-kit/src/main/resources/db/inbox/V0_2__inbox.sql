-- Ids of the events a consumer has applied. Inserting the id in the same transaction as the
-- effect makes a redelivered event a no-op.
CREATE TABLE processed_event (
    event_id     CHAR(36)     NOT NULL,
    event_type   VARCHAR(100) NOT NULL,
    processed_at DATETIME(6)  NOT NULL,
    CONSTRAINT pk_processed_event PRIMARY KEY (event_id)
) ENGINE = InnoDB;
