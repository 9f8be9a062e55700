package dev.refgrade.store;

import com.zaxxer.hikari.HikariConfig;
import java.nio.file.Path;

/**
 * What differs between the two databases. The schema and the queries are the same for both; this
 * is the connection setup and how submissions reach the disk.
 */
public enum Dialect {
    /**
     * One file, WAL so readers never wait for the writer, synchronous=FULL so a commit is on disk
     * before it returns, and IMMEDIATE transactions so a writer waits for the lock (busy_timeout)
     * instead of failing when it upgrades from reading.
     */
    SQLITE {
        @Override
        void configure(HikariConfig c) {
            c.addDataSourceProperty("journal_mode", "WAL");
            c.addDataSourceProperty("synchronous", "FULL");
            c.addDataSourceProperty("busy_timeout", "30000");
            c.addDataSourceProperty("foreign_keys", "true");
            c.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            c.setMaximumPoolSize(8);
        }
    },
    /** Several server instances may share one database: plain pooled transactions. */
    POSTGRES {
        @Override
        void configure(HikariConfig c) {
            c.setMaximumPoolSize(12);
        }
    };

    abstract void configure(HikariConfig c);

    /** `sqlite:PATH`, `jdbc:sqlite:PATH` or `jdbc:postgresql://...` as a dialect and a JDBC URL. */
    public record Url(Dialect dialect, String jdbc, Path file) {
        public static Url parse(String url) {
            if (url.startsWith("jdbc:postgresql:")) return new Url(POSTGRES, url, null);
            String path = url.startsWith("jdbc:sqlite:") ? url.substring(12) : url.startsWith("sqlite:") ? url.substring(7) : null;
            if (path == null || path.isBlank()) {
                throw new IllegalArgumentException("--db takes sqlite:PATH or jdbc:postgresql://HOST/DB, not '" + url + "'");
            }
            return new Url(SQLITE, "jdbc:sqlite:" + path, Path.of(path));
        }
    }
}
