package dev.refgrade.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
    @Test
    void statementsDropCommentsAndSplitAtSemicolons() {
        assertEquals(List.of("CREATE TABLE a (x INTEGER)", "CREATE VIEW v AS SELECT x\nFROM a"),
                Migrations.statements("-- a table; with a comment\nCREATE TABLE a (x INTEGER); -- why\nCREATE VIEW v AS SELECT x\nFROM a;\n"));
    }

    @Test
    void reopeningAStoreKeepsItsDataAndMigratesNothingTwice(@TempDir Path dir) {
        String url = "sqlite:" + dir.resolve("nested/x.db");
        try (Store s = Store.open(url)) {
            s.people().ensureAdmin("hash", Instant.EPOCH);
            assertTrue(s.courses().create(new Records.Course("c", "C"), People.ADMIN, Instant.EPOCH));
        }
        try (Store s = Store.open(url)) {
            assertEquals("C", s.courses().course("c").orElseThrow().title());
            assertTrue(s.courses().teaches(People.ADMIN, "c"));
        }
    }

    @Test
    void sqliteCommitsAreDurableAndReadersDoNotBlockTheWriter(@TempDir Path dir) {
        try (Store s = Store.open("sqlite:" + dir.resolve("x.db"))) {
            for (int i = 0; i < 3; i++) { // several pooled connections, each set up the same way
                assertEquals(2, s.jdbc().one("PRAGMA synchronous", rs -> rs.getInt(1)).orElseThrow(), "synchronous=FULL");
                assertEquals("wal", s.jdbc().one("PRAGMA journal_mode", rs -> rs.getString(1)).orElseThrow());
                assertEquals(1, s.jdbc().one("PRAGMA foreign_keys", rs -> rs.getInt(1)).orElseThrow());
            }
        }
    }

    @Test
    void databaseUrls() {
        assertEquals(Dialect.SQLITE, Dialect.Url.parse("sqlite:data/x.db").dialect());
        assertEquals("jdbc:sqlite:data/x.db", Dialect.Url.parse("sqlite:data/x.db").jdbc());
        assertEquals(Dialect.POSTGRES, Dialect.Url.parse("jdbc:postgresql://h/db").dialect());
        assertThrows(IllegalArgumentException.class, () -> Dialect.Url.parse("mysql://h/db"));
    }
}
