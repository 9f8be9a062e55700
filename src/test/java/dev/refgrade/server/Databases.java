package dev.refgrade.server;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The two databases the server tests run against: a fresh SQLite file, or a fresh schema of the
 * PostgreSQL database `test` on 127.0.0.1:5432 (trust auth; .ci/run starts the server), dropped after.
 */
public final class Databases {
    public static final String POSTGRES = System.getProperty("refgrade.postgres", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private Databases() {}

    public static String sqlite(Path dir) {
        return "sqlite:" + dir.resolve("refgrade.db");
    }

    /** A new empty schema and the URL that makes it the connection's default. */
    public static String postgresSchema() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        exec("CREATE SCHEMA " + schema);
        return schema;
    }

    public static String postgresUrl(String schema) {
        return POSTGRES + "&currentSchema=" + schema;
    }

    public static void dropPostgres(String schema) {
        exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static void exec(String sql) {
        try (Connection c = DriverManager.getConnection(POSTGRES); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + POSTGRES + " is needed for this test (.ci/run starts it): " + e.getMessage(), e);
        }
    }
}
