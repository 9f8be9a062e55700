package dev.refgrade.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Plain JDBC with the boilerplate in one place: statements, binding, row mapping, transactions. */
public final class Jdbc {
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Where a statement that changes rows runs: once on a connection, or prepared once for many rows. */
    @FunctionalInterface
    public interface Updates {
        int update(String sql, Object... args) throws SQLException;
    }

    /**
     * Each statement prepared once for all the rows of one transaction: a group commit's batch
     * runs the same two statements per submission, and SQLite's prepare cost more than running them.
     */
    static final class Prepared implements Updates, AutoCloseable {
        private final Connection c;
        private final Map<String, PreparedStatement> open = new HashMap<>();

        Prepared(Connection c) {
            this.c = c;
        }

        @Override
        public int update(String sql, Object... args) throws SQLException {
            PreparedStatement ps = open.get(sql);
            if (ps == null) open.put(sql, ps = c.prepareStatement(sql));
            bind(ps, args);
            return ps.executeUpdate();
        }

        @Override
        public void close() throws SQLException {
            SQLException first = null;
            for (PreparedStatement ps : open.values()) {
                try {
                    ps.close();
                } catch (SQLException e) {
                    if (first == null) first = e;
                }
            }
            if (first != null) throw first;
        }
    }

    /** Each statement prepared, run and closed on {@code c}. */
    static Updates on(Connection c) {
        return (sql, args) -> update(c, sql, args);
    }

    private final DataSource ds;

    Jdbc(DataSource ds) {
        this.ds = ds;
    }

    public <T> List<T> query(String sql, Row<T> row, Object... args) {
        return call(c -> query(c, sql, row, args));
    }

    public <T> Optional<T> one(String sql, Row<T> row, Object... args) {
        return query(sql, row, args).stream().findFirst();
    }

    public int update(String sql, Object... args) {
        return call(c -> update(c, sql, args));
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T tx(Work<T> work) {
        return call(c -> {
            c.setAutoCommit(false);
            try {
                T out = work.run(c);
                c.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    private <T> T call(Work<T> work) {
        try (Connection c = ds.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public static <T> List<T> query(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) out.add(row.map(rs));
                return out;
            }
        }
    }

    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    /** Instants as epoch milliseconds and booleans as 0/1: the two types the schema spells portably. */
    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = switch (args[i]) {
                case Instant t -> t.toEpochMilli();
                case Boolean b -> b ? 1 : 0;
                case null, default -> args[i];
            };
            ps.setObject(i + 1, a);
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return Instant.ofEpochMilli(rs.getLong(column));
    }
}
