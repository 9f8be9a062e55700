package dev.refgrade.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The schema's history by Flyway: one SQL file per step under db/migrations/, the same files for
 * SQLite and PostgreSQL, named {@code NNN-what.sql} (no "V" prefix, "-" before the description), so
 * a step is a new file with a higher number, never an edit of an applied one. Each step runs in one
 * transaction with its row in flyway_schema_history; concurrent starts wait for each other (Flyway
 * locks the history table, on PostgreSQL with an advisory lock).
 */
final class Migrations {
    private Migrations() {}

    static void apply(DataSource ds, Jdbc jdbc) {
        FluentConfiguration config = Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migrations")
                .sqlMigrationPrefix("")
                .sqlMigrationSeparator("-")
                .validateMigrationNaming(true) // a misnamed file is an error at start, not a step silently skipped
                .loggers("slf4j");
        // A database made before Flyway (by the runner that kept schema_version) already has its first steps.
        Integer before = before(jdbc);
        if (before != null) config.baselineOnMigrate(true).baselineVersion(String.valueOf(before));
        try {
            config.load().migrate();
        } catch (FlywayException e) {
            throw new IllegalStateException("cannot migrate the database: " + e.getMessage(), e);
        }
    }

    /** The last step the old runner applied (its schema_version holds the file numbers: 001 -> 1, 010 -> 10), or null when it never ran here or Flyway has taken over. */
    private static Integer before(Jdbc jdbc) {
        try {
            if (jdbc.one("SELECT 1 FROM flyway_schema_history", rs -> 1).isPresent()) return null;
        } catch (StoreException e) {
            // no history yet
        }
        try {
            return jdbc.one("SELECT MAX(version) FROM schema_version", rs -> rs.getInt(1)).orElse(null);
        } catch (StoreException e) {
            return null;
        }
    }
}
