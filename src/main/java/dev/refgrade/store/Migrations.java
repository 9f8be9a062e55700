package dev.refgrade.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The schema's history, one SQL file per step under db/migrations/, the same files for SQLite and
 * PostgreSQL. Each step runs once, in one transaction with its row in schema_version, so a server
 * that dies half way leaves the previous version; concurrent starts wait for each other.
 */
final class Migrations {
    /**
     * Each step's version is its file's number (001 -> 1), so steps written on different branches
     * (010-, 020-) keep their versions when merged; a new step is a new file, never an edit of an applied one.
     */
    static final List<String> STEPS = List.of("001-schema.sql", "010-security.sql");

    private Migrations() {}

    static void apply(Jdbc jdbc, Dialect dialect) {
        jdbc.tx(c -> {
            if (dialect.migrationLock() != null) Jdbc.query(c, dialect.migrationLock(), rs -> null);
            exec(c, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)");
            List<Integer> applied = Jdbc.query(c, "SELECT version FROM schema_version", rs -> rs.getInt(1));
            for (String step : STEPS) {
                int v = Integer.parseInt(step.substring(0, step.indexOf('-')));
                if (applied.contains(v)) continue;
                for (String statement : statements(read(step))) exec(c, statement);
                Jdbc.update(c, "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)", v, Instant.now());
            }
            return null;
        });
    }

    /** The file's statements: comments dropped (the files put no `--` or `;` inside literals), split at `;`. */
    static List<String> statements(String sql) {
        String code = sql.replaceAll("--[^\n]*", "");
        return java.util.Arrays.stream(code.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String read(String step) {
        try (InputStream in = Migrations.class.getResourceAsStream("/db/migrations/" + step)) {
            if (in == null) throw new IllegalStateException("migration " + step + " is missing from the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
