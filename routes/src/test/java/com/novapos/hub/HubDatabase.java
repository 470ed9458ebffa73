package com.novapos.hub;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which database the whole-hub tests run the hub on: its embedded default (H2), or — when the
 * build runs them again with {@code -Dnovapos.test.database=postgres} — PostgreSQL at
 * {@code NOVAPOS_TEST_POSTGRES_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user
 * {@code postgres}), each hub in a fresh schema of its own. Without a reachable PostgreSQL the
 * PostgreSQL round is skipped with a banner, or fails when {@code NOVAPOS_TEST_POSTGRES=required}
 * (CI) — the same switches as pos-core's PostgreSQL tests.
 */
public final class HubDatabase implements ExecutionCondition {
    public static final String TAG = "whole-hub";

    public static boolean postgres() {
        return "postgres".equalsIgnoreCase(System.getProperty("novapos.test.database", "h2"));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!postgres()) {
            return ConditionEvaluationResult.enabled("the hub runs on its embedded H2");
        }
        String mode = System.getenv().getOrDefault("NOVAPOS_TEST_POSTGRES", "auto");
        if ("skip".equalsIgnoreCase(mode)) {
            return ConditionEvaluationResult.disabled("NOVAPOS_TEST_POSTGRES=skip");
        }
        try (var connection = DriverManager.getConnection(url(), user(), password())) {
            return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + url());
        } catch (SQLException unreachable) {
            if ("required".equalsIgnoreCase(mode)) {
                throw new IllegalStateException("NOVAPOS_TEST_POSTGRES=required but PostgreSQL at " + url()
                        + " is unreachable: " + unreachable.getMessage());
            }
            System.err.println("*** SKIPPING the whole hub on PostgreSQL: " + url() + " unreachable ("
                    + unreachable.getMessage() + "). Set NOVAPOS_TEST_POSTGRES=required to fail instead.");
            return ConditionEvaluationResult.disabled("PostgreSQL unreachable at " + url());
        }
    }

    /** Hubs of earlier runs (schemas hub_<minute>_<id> older than two hours) are dropped; concurrent runs keep theirs. */
    private static void dropLeftovers(java.sql.Connection connection, long minuteNow) throws SQLException {
        List<String> old = new java.util.ArrayList<>();
        try (Statement query = connection.createStatement();
             var rows = query.executeQuery("select schema_name from information_schema.schemata where schema_name like 'hub\\_%'")) {
            while (rows.next()) {
                String[] parts = rows.getString(1).split("_");
                if (parts.length == 3 && parts[1].matches("\\d+") && Long.parseLong(parts[1]) < minuteNow - 120) {
                    old.add(rows.getString(1));
                }
            }
        }
        for (String schema : old) {
            try (Statement drop = connection.createStatement()) {
                drop.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    static String url() {
        return System.getenv().getOrDefault("NOVAPOS_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    static String user() {
        return System.getenv().getOrDefault("NOVAPOS_TEST_POSTGRES_USER", "postgres");
    }

    static String password() {
        return System.getenv().getOrDefault("NOVAPOS_TEST_POSTGRES_PASSWORD", "");
    }

    /** Spring settings that put a new hub on PostgreSQL, in a new empty schema; none for H2. */
    public static Map<String, String> settingsForNewHub() {
        Map<String, String> settings = new LinkedHashMap<>();
        if (!postgres()) {
            return settings;
        }
        long minute = System.currentTimeMillis() / 60_000;
        String schema = "hub_" + minute + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (var connection = DriverManager.getConnection(url(), user(), password());
             Statement statement = connection.createStatement()) {
            dropLeftovers(connection, minute);
            statement.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " at " + url(), e);
        }
        settings.put("spring.datasource.url", url() + "?currentSchema=" + schema + "&reWriteBatchedInserts=true");
        settings.put("spring.datasource.username", user());
        settings.put("spring.datasource.password", password());
        settings.put("spring.flyway.schemas", schema);
        settings.put("spring.flyway.default-schema", schema);
        settings.put("spring.jpa.properties.hibernate.default_schema", schema);
        return settings;
    }
}
