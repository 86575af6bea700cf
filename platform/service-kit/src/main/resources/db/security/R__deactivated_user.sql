-- Users whose tokens every service rejects before they expire. DeactivatedUsers keeps these
-- ids in memory and reloads them every few seconds, so every replica learns of a row that
-- another replica stored.
--
-- This script is repeatable, not versioned, because a service adds this location after its
-- own versions are applied, and Flyway rejects a versioned script below the highest applied
-- version ("Detected resolved migration not applied to database"). Flyway runs it again only
-- when its text changes, and IF NOT EXISTS makes that a no-op, so changing the table needs a
-- versioned migration in each service.
CREATE TABLE IF NOT EXISTS deactivated_user (
    user_id        CHAR(36)    NOT NULL,
    deactivated_at DATETIME(6) NOT NULL,
    CONSTRAINT pk_deactivated_user PRIMARY KEY (user_id)
) ENGINE = InnoDB;
