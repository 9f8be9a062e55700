package dev.refgrade.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
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
    void aDatabaseTheOldRunnerMadeIsTakenOverAndMigratedOn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("old.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file); var st = c.createStatement()) {
            String first = new String(MigrationsTest.class.getResourceAsStream("/db/migrations/001-schema.sql").readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            st.executeUpdate(first);
            st.executeUpdate("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)");
            st.executeUpdate("INSERT INTO schema_version VALUES (1, 0)");
            st.executeUpdate("INSERT INTO courses (id, title, created_at) VALUES ('c', 'Kept', 0)");
        }
        try (Store s = Store.open("sqlite:" + file)) {
            assertEquals("Kept", s.courses().course("c").orElseThrow().title());
            assertEquals(0, s.lti().owed(), "the steps after the first ran");
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
