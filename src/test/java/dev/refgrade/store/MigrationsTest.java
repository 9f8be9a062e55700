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
    void databaseUrls() {
        assertEquals(Dialect.SQLITE, Dialect.Url.parse("sqlite:data/x.db").dialect());
        assertEquals("jdbc:sqlite:data/x.db", Dialect.Url.parse("sqlite:data/x.db").jdbc());
        assertEquals(Dialect.POSTGRES, Dialect.Url.parse("jdbc:postgresql://h/db").dialect());
        assertThrows(IllegalArgumentException.class, () -> Dialect.Url.parse("mysql://h/db"));
    }
}
