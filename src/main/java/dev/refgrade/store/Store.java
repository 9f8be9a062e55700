package dev.refgrade.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The server's storage over JDBC: SQLite (one file, the default) or PostgreSQL (shared by several
 * server instances), one schema and one set of queries for both. Opening it migrates the schema.
 */
public final class Store implements AutoCloseable {
    private final Dialect dialect;
    private final java.nio.file.Path file;
    private final HikariDataSource pool;
    private final Jdbc jdbc;
    private final GroupCommit groupCommit;
    private final People people;
    private final Courses courses;
    private final Submissions submissions;
    private final Switches switches;
    private final Lti lti;
    private final Overrides overrides;

    private Store(Dialect.Url url) {
        this.dialect = url.dialect();
        this.file = url.file();
        if (url.file() != null && url.file().toAbsolutePath().getParent() != null) {
            try {
                Files.createDirectories(url.file().toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbc());
        config.setPoolName("refgrade");
        dialect.configure(config);
        this.pool = new HikariDataSource(config);
        this.jdbc = new Jdbc(pool);
        Migrations.apply(pool, jdbc);
        this.groupCommit = dialect == Dialect.SQLITE ? new GroupCommit(jdbc) : null;
        this.people = new People(jdbc);
        this.courses = new Courses(jdbc);
        this.submissions = new Submissions(jdbc, groupCommit);
        this.switches = new Switches(jdbc);
        this.lti = new Lti(jdbc);
        this.overrides = new Overrides(jdbc);
    }

    /** Opens (and creates or migrates) the database at {@code url}: `sqlite:PATH` or `jdbc:postgresql://...`. */
    public static Store open(String url) {
        return new Store(Dialect.Url.parse(url));
    }

    /** For the store's own tests: the connection settings each pooled connection really has. */
    Jdbc jdbc() {
        return jdbc;
    }

    public Dialect dialect() {
        return dialect;
    }

    public People people() {
        return people;
    }

    public Courses courses() {
        return courses;
    }

    public Submissions submissions() {
        return submissions;
    }

    public Switches switches() {
        return switches;
    }

    public Lti lti() {
        return lti;
    }

    public Overrides overrides() {
        return overrides;
    }

    /** True when the database answers a query. */
    public boolean healthy() {
        try {
            return jdbc.one("SELECT 1", rs -> rs.getInt(1)).isPresent();
        } catch (StoreException e) {
            return false;
        }
    }

    /**
     * Bytes free for the database file to grow into, or -1 when the database is elsewhere (PostgreSQL's
     * disk is its server's to watch). A full disk fails every write while reads, and SELECT 1, still work.
     */
    public long freeDisk() {
        if (file == null) return -1;
        try {
            return Files.getFileStore(file.toAbsolutePath().getParent()).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Group commit batches and the submissions they held, for /metrics (zero on PostgreSQL). */
    public long[] commitStats() {
        return groupCommit == null ? new long[] {0, 0} : new long[] {groupCommit.batches.sum(), groupCommit.rows.sum()};
    }

    /** Commits what is queued, then closes the pool. */
    @Override
    public void close() {
        try {
            if (groupCommit != null) groupCommit.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.close();
        }
    }
}
