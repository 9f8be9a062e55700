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
    /** In order; a new step is a new file added at the end, never an edit of an applied one. */
    static final List<String> STEPS = List.of("001-schema.sql", "020-accommodations.sql");

    private Migrations() {}

    static void apply(Jdbc jdbc, Dialect dialect) {
        jdbc.tx(c -> {
            if (dialect.migrationLock() != null) Jdbc.query(c, dialect.migrationLock(), rs -> null);
            exec(c, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)");
            int current = Jdbc.query(c, "SELECT COALESCE(MAX(version), 0) FROM schema_version", rs -> rs.getInt(1)).get(0);
            for (int v = current + 1; v <= STEPS.size(); v++) {
                for (String statement : statements(read(STEPS.get(v - 1)))) exec(c, statement);
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
