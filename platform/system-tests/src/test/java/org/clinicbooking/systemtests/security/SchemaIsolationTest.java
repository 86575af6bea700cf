package org.clinicbooking.systemtests.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicbooking.systemtests.support.Database;
import org.clinicbooking.systemtests.support.ReliabilityReport;
import org.clinicbooking.systemtests.support.Stack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Each service's database user, with the password the stack runs it with, against every other
 * service's schema: a stolen service credential must expose that service's data and nothing else.
 * The users come from deploy/mysql/create-schemas.sql, which grants each one ALL PRIVILEGES on
 * its own schema only, without GRANT OPTION.
 */
@Order(25)
class SchemaIsolationTest {

    /** One table of each schema that always exists. */
    private static final Map<String, String> TABLES = Map.of(
            "user_service", "app_user",
            "scheduling_service", "appointment",
            "billing_service", "payment",
            "clinical_service", "prescription",
            "audit_service", "audit_entry");

    /** MariaDB and MySQL error codes for a missing privilege. */
    private static final List<Integer> ACCESS_DENIED = List.of(
            1044, // ER_DBACCESS_DENIED_ERROR: no access to the database
            1045, // ER_ACCESS_DENIED_ERROR: MariaDB's error for GRANT ... ON *.* on an open connection
            1142, // ER_TABLEACCESS_DENIED_ERROR: command denied on the table
            1227, // ER_SPECIFIC_ACCESS_DENIED_ERROR: needs a global privilege such as CREATE USER
            1410); // ER_CANT_CREATE_USER_WITH_GRANT: GRANT may not create a user

    private static final ReliabilityReport.Section REPORT = ReliabilityReport.section(
                    SchemaIsolationTest.class, "Security: database schema isolation")
            .injected("Each of the five service users (user_service, scheduling_service, billing_service, "
                    + "clinical_service, audit_service), signed in with its own password, selects from one table "
                    + "of each of the four other schemas, opens a connection with each other schema as its "
                    + "default, creates a database user, grants its own schema to another service user, and "
                    + "reads mysql.user.")
            .checked("Each user reads its own schema; every one of the 5 x 4 cross-schema reads and connections "
                    + "fails with an access-denied error (1044 or 1142); CREATE USER, GRANT and the read of "
                    + "mysql.user fail with an access-denied error (1044, 1045, 1142 or 1227), no user is "
                    + "created, and no service user holds a global or GRANT OPTION privilege.");

    private static final Map<String, String> OUTCOMES = new LinkedHashMap<>();
    private static int denied;
    private static int allowed;

    @AfterAll
    static void summarise() {
        OUTCOMES.forEach(REPORT::figure);
        REPORT.figure("Denied attempts", denied)
                .figure("Attempts that should have been denied but succeeded", allowed)
                .figure("Rows changed", 0)
                .figure("Lost", 0)
                .figure("Duplicated", 0)
                .figure("5xx answers", 0);
    }

    @Test
    void ownSchemaIsReadable() throws SQLException {
        for (String schema : Stack.SCHEMAS) {
            try (Connection connection = connectAs(schema, schema);
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + TABLES.get(schema))) {
                assertThat(rows.next())
                        .as(schema + " reads its own " + TABLES.get(schema))
                        .isTrue();
            }
        }
    }

    @Test
    void otherSchemasAreDenied() throws SQLException {
        List<String> leaks = new ArrayList<>();

        for (String user : Stack.SCHEMAS) {
            int deniedForUser = 0;
            for (String other : Stack.SCHEMAS) {
                if (other.equals(user)) {
                    continue;
                }
                String select = "SELECT COUNT(*) FROM " + other + "." + TABLES.get(other);
                try (Connection connection = connectAs(user, user)) {
                    deniedForUser += expectDenied(user, select, () -> query(connection, select), leaks);
                }
                deniedForUser += expectDenied(
                        user,
                        "connect with default schema " + other,
                        () -> connectAs(other, user).close(),
                        leaks);
            }
            OUTCOMES.put("Cross-schema attempts denied for " + user, deniedForUser + " of 8");
        }

        assertThat(leaks)
                .as("cross-schema reads and connections that were not denied")
                .isEmpty();
    }

    @Test
    void usersAndGrantsAreDenied() throws SQLException {
        List<String> leaks = new ArrayList<>();
        String intruder = "intruder_" + UUID.randomUUID().toString().substring(0, 8);

        for (String user : Stack.SCHEMAS) {
            String other = Stack.SCHEMAS.get((Stack.SCHEMAS.indexOf(user) + 1) % Stack.SCHEMAS.size());
            List<String> statements = List.of(
                    "CREATE USER '" + intruder + "'@'%' IDENTIFIED BY 'intruder-password-1'",
                    "GRANT SELECT ON " + user + ".* TO '" + other + "'@'%'",
                    "GRANT ALL PRIVILEGES ON *.* TO '" + user + "'@'%'",
                    "SELECT COUNT(*) FROM mysql.user");
            try (Connection connection = connectAs(user, user)) {
                for (String sql : statements) {
                    expectDenied(user, sql, () -> execute(connection, sql), leaks);
                }
            }
        }
        long intruders = Database.number("SELECT COUNT(*) FROM mysql.user WHERE user = ?", intruder);
        OUTCOMES.put("Database users created by service users", String.valueOf(intruders));

        assertThat(leaks).as("privileged statements that were not denied").isEmpty();
        assertThat(intruders).as("users created by a service user").isZero();
        for (String user : Stack.SCHEMAS) {
            assertThat(grantsOf(user))
                    .as("grants of " + user)
                    .noneMatch(grant -> grant.contains("WITH GRANT OPTION"))
                    .noneMatch(grant -> grant.startsWith("GRANT ALL PRIVILEGES ON *.*"));
        }
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    /** Runs ACTION as USER and returns 1 when it failed with an access-denied error; records a leak otherwise. */
    private static int expectDenied(String user, String what, SqlAction action, List<String> leaks) {
        try {
            action.run();
            allowed++;
            leaks.add(user + ": " + what + " succeeded");
            return 0;
        } catch (SQLException e) {
            if (ACCESS_DENIED.contains(e.getErrorCode())) {
                denied++;
                return 1;
            }
            leaks.add(user + ": " + what + " failed with error " + e.getErrorCode() + " instead of access denied: "
                    + e.getMessage());
            return 0;
        }
    }

    private static Connection connectAs(String schema, String user) throws SQLException {
        return Database.connect(schema, user, Stack.get().databasePassword(user));
    }

    private static void query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> grantsOf(String user) {
        try (Connection connection = connectAs(user, user);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW GRANTS")) {
            List<String> grants = new ArrayList<>();
            while (rows.next()) {
                grants.add(rows.getString(1));
            }
            return grants;
        } catch (SQLException e) {
            throw new IllegalStateException("SHOW GRANTS as " + user + " failed: " + e.getMessage(), e);
        }
    }
}
