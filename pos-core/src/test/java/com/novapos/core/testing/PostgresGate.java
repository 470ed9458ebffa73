package com.novapos.core.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Decides whether the PostgreSQL variant of a test runs.
 *
 * <ul>
 *   <li>{@code NOVAPOS_TEST_POSTGRES=required} (CI): the tests run, and fail if the database
 *       cannot be reached.</li>
 *   <li>unset: they run when the database answers, and are skipped — with a loud banner — when
 *       it does not (a developer's laptop without PostgreSQL).</li>
 *   <li>{@code NOVAPOS_TEST_POSTGRES=skip}: skipped deliberately.</li>
 * </ul>
 * The database is {@code NOVAPOS_TEST_POSTGRES_URL} (default {@value #DEFAULT_URL}), user
 * {@code NOVAPOS_TEST_POSTGRES_USER} (default {@code postgres}).
 */
public final class PostgresGate implements ExecutionCondition {
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String mode = System.getenv().getOrDefault("NOVAPOS_TEST_POSTGRES", "auto");
        if ("skip".equalsIgnoreCase(mode)) {
            return ConditionEvaluationResult.disabled("NOVAPOS_TEST_POSTGRES=skip");
        }
        String problem = probe();
        if (problem == null) {
            return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + url());
        }
        if ("required".equalsIgnoreCase(mode)) {
            throw new IllegalStateException("NOVAPOS_TEST_POSTGRES=required but PostgreSQL at " + url()
                    + " is unreachable: " + problem);
        }
        System.err.println("""

                ************************************************************************
                *  SKIPPING PostgreSQL tests: %s unreachable (%s).
                *  Only the H2 variants ran. Set NOVAPOS_TEST_POSTGRES=required to fail instead.
                ************************************************************************
                """.formatted(url(), problem));
        return ConditionEvaluationResult.disabled("PostgreSQL unreachable at " + url() + ": " + problem);
    }

    public static String url() {
        return System.getenv().getOrDefault("NOVAPOS_TEST_POSTGRES_URL", DEFAULT_URL);
    }

    public static String user() {
        return System.getenv().getOrDefault("NOVAPOS_TEST_POSTGRES_USER", "postgres");
    }

    public static String password() {
        return System.getenv().getOrDefault("NOVAPOS_TEST_POSTGRES_PASSWORD", "");
    }

    private static synchronized String probe() {
        try (Connection connection = DriverManager.getConnection(url(), user(), password())) {
            connection.isValid(2);
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }
}
