-- Creates the schema and the database user of each clinic booking service.
--
-- Each service gets a schema and a user of the same name (host '%'), with ALL PRIVILEGES
-- on that schema and no other privilege. No password is stored here: the caller sets five
-- session variables first, in the same client session:
--   @user_service_password, @scheduling_service_password, @billing_service_password,
--   @clinical_service_password, @audit_service_password
--
-- Run it as an administrator (root) with the mysql or mariadb client, for example:
--   { echo "SET @user_service_password = '...';"
--     ...one SET line for each of the other four variables...
--     cat deploy/mysql/create-schemas.sql; } | mariadb -uroot
-- deploy/local/infra.sh does this with generated passwords.
--
-- Re-running it is safe: existing data stays, the five passwords are reset to the given
-- values, and any privilege a service user gained elsewhere is revoked. A missing or empty
-- variable stops the run with SQLSTATE 45000 before any schema or user is changed.
--
-- The checks and the user statements run in procedures of the helper schema
-- clinic_booking_setup, because MySQL has no IF outside stored programs and does not
-- allow SIGNAL in a prepared statement.
-- The helper schema is dropped at the end. A run stopped by an error leaves it behind,
-- and the next run replaces it.
--
-- NOTE: tested on MariaDB 10.11 only. Every statement is also documented for MySQL 8.4.

CREATE DATABASE IF NOT EXISTS clinic_booking_setup;

DROP PROCEDURE IF EXISTS clinic_booking_setup.require_password;
DROP PROCEDURE IF EXISTS clinic_booking_setup.run_sql;
DROP PROCEDURE IF EXISTS clinic_booking_setup.create_service_user;

DELIMITER //

-- Raises SQLSTATE 45000 naming the session variable when the password is NULL or empty.
CREATE PROCEDURE clinic_booking_setup.require_password(
    IN service_name VARCHAR(64),
    IN service_password TEXT)
BEGIN
    DECLARE message VARCHAR(255);
    IF service_password IS NULL OR service_password = '' THEN
        SET message = CONCAT('Missing password: set the session variable @', service_name,
                             '_password before running create-schemas.sql.');
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = message;
    END IF;
END//

-- Executes one statement given as text, through PREPARE because the account name,
-- the password and the schema name are values.
CREATE PROCEDURE clinic_booking_setup.run_sql(IN statement_text TEXT)
BEGIN
    SET @clinic_booking_setup_sql = statement_text;
    PREPARE setup_statement FROM @clinic_booking_setup_sql;
    EXECUTE setup_statement;
    DEALLOCATE PREPARE setup_statement;
    SET @clinic_booking_setup_sql = NULL;
END//

-- Creates or updates the user service_name@'%' with the given password and ALL PRIVILEGES
-- on the schema of the same name, and revokes every other privilege it has.
CREATE PROCEDURE clinic_booking_setup.create_service_user(
    IN service_name VARCHAR(64),
    IN service_password TEXT)
BEGIN
    DECLARE account TEXT DEFAULT CONCAT(QUOTE(service_name), '@', QUOTE('%'));
    -- '_' is a wildcard in a database name of GRANT, so it is escaped as '\_'.
    DECLARE grant_schema TEXT DEFAULT REPLACE(service_name, '_', CONCAT(CHAR(92 USING utf8mb4), '_'));

    CALL clinic_booking_setup.require_password(service_name, service_password);

    CALL clinic_booking_setup.run_sql(
        CONCAT('CREATE USER IF NOT EXISTS ', account, ' IDENTIFIED BY ', QUOTE(service_password)));
    -- CREATE USER IF NOT EXISTS keeps the old password of an existing user.
    CALL clinic_booking_setup.run_sql(
        CONCAT('ALTER USER ', account, ' IDENTIFIED BY ', QUOTE(service_password)));
    CALL clinic_booking_setup.run_sql(
        CONCAT('REVOKE ALL PRIVILEGES, GRANT OPTION FROM ', account));
    CALL clinic_booking_setup.run_sql(
        CONCAT('GRANT ALL PRIVILEGES ON `', grant_schema, '`.* TO ', account));
END//

DELIMITER ;

-- Check every variable before changing anything.
CALL clinic_booking_setup.require_password('user_service', @user_service_password);
CALL clinic_booking_setup.require_password('scheduling_service', @scheduling_service_password);
CALL clinic_booking_setup.require_password('billing_service', @billing_service_password);
CALL clinic_booking_setup.require_password('clinical_service', @clinical_service_password);
CALL clinic_booking_setup.require_password('audit_service', @audit_service_password);

-- utf8mb4_unicode_ci exists on both servers, but MySQL 8.4's default utf8mb4_0900_ai_ci
-- does not exist on MariaDB 10.11. ALTER DATABASE brings an existing schema to the same
-- defaults, which apply to new tables only.
CREATE DATABASE IF NOT EXISTS user_service CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS scheduling_service CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS billing_service CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS clinical_service CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS audit_service CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

ALTER DATABASE user_service CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER DATABASE scheduling_service CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER DATABASE billing_service CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER DATABASE clinical_service CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER DATABASE audit_service CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CALL clinic_booking_setup.create_service_user('user_service', @user_service_password);
CALL clinic_booking_setup.create_service_user('scheduling_service', @scheduling_service_password);
CALL clinic_booking_setup.create_service_user('billing_service', @billing_service_password);
CALL clinic_booking_setup.create_service_user('clinical_service', @clinical_service_password);
CALL clinic_booking_setup.create_service_user('audit_service', @audit_service_password);

DROP DATABASE clinic_booking_setup;
