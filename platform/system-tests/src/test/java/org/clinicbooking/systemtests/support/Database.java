package org.clinicbooking.systemtests.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-only queries on the services' schemas as the database's root user, which is how the suite
 * checks rows behind the API. A fresh connection per query, so that a restarted server is
 * simply reconnected to.
 */
public final class Database {

    private static final String URL = "jdbc:mariadb://" + Stack.HOST + ":3306/";

    private Database() {}

    public static Connection connect(String schema, String user, String password) throws SQLException {
        return DriverManager.getConnection(URL + schema + "?connectTimeout=5000&socketTimeout=30000", user, password);
    }

    private static Connection root() throws SQLException {
        String password = System.getenv().getOrDefault("MARIADB_ROOT_PASSWORD", "");
        return connect("", "root", password);
    }

    /** Runs a query that returns one number. */
    public static long number(String sql, Object... parameters) {
        try (Connection connection = root();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs a query and returns the first column of every row as text. */
    public static List<String> strings(String sql, Object... parameters) {
        try (Connection connection = root();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    /** Counts, for each value in VALUES, the rows of TABLE whose COLUMN contains it. */
    public static Map<String, Integer> countBy(String table, String column, Collection<String> values) {
        Map<String, Integer> counts = new HashMap<>();
        List<String> batch = new ArrayList<>();
        for (String value : values) {
            batch.add(value);
            if (batch.size() == 500) {
                countBatch(table, column, batch, counts);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            countBatch(table, column, batch, counts);
        }
        return counts;
    }

    private static void countBatch(String table, String column, List<String> batch, Map<String, Integer> counts) {
        String placeholders = String.join(",", java.util.Collections.nCopies(batch.size(), "?"));
        String sql = "SELECT " + column + ", COUNT(*) FROM " + table + " WHERE " + column + " IN (" + placeholders
                + ") GROUP BY " + column;
        try (Connection connection = root();
                PreparedStatement statement = prepare(connection, sql, batch.toArray());
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs SQL until it returns EXPECTED or TIMEOUT passes, for rows that an event consumer
     * writes a moment after the API call. Returns the last value.
     */
    public static long awaitNumber(long expected, java.time.Duration timeout, String sql, Object... parameters) {
        java.time.Instant deadline = java.time.Instant.now().plus(timeout);
        long value = number(sql, parameters);
        while (value != expected && java.time.Instant.now().isBefore(deadline)) {
            EventLedger.sleep(java.time.Duration.ofMillis(250));
            value = number(sql, parameters);
        }
        return value;
    }

    /** Returns "?, ?, ?" for COUNT parameters. */
    public static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    /** Returns whether the server responds to a query. */
    public static boolean reachable() {
        try (Connection connection = root()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
