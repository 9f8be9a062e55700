package dev.refgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refgrade.server.Databases;
import dev.refgrade.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue 19, finding 11: `serve` refuses to start unsafely, and says why in one line, without a Java stack trace. */
class ServeCommandTest {
    private static final String STRONG = "a-random-token-of-some-length-0123";
    @TempDir
    Path dir;

    private record Outcome(int exit, String err) {}

    private static synchronized Outcome serve(String adminToken, String... args) {
        ServeCommand cmd = new ServeCommand();
        cmd.env = name -> name.equals("REFGRADE_ADMIN_TOKEN") ? adminToken : null;
        PrintStream err = System.err;
        var e = new ByteArrayOutputStream();
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(cmd).execute(args);
            return new Outcome(exit, Cli.withoutAgentLog(e.toString(StandardCharsets.UTF_8)));
        } finally {
            System.setErr(err);
        }
    }

    private String sqlite() {
        return Databases.sqlite(dir);
    }

    private static void noStackTrace(Outcome o) {
        assertFalse(o.err().contains("\tat "), o.err());
        assertFalse(o.err().contains("Exception"), o.err());
    }

    @Test
    void aPlaceholderAdminTokenOnAReachableAddressIsRefused() {
        Outcome o = serve("change-me", "--db", sqlite(), "--port", "0", "--exercises", dir.toString(), "--rubrics", dir.toString());
        assertEquals(2, o.exit());
        assertTrue(o.err().contains("REFGRADE_ADMIN_TOKEN is a placeholder or shorter than 16 characters"), o.err());
        noStackTrace(o);
    }

    @Test
    void anEmptyAdminTokenIsRefusedEvenOnLoopback() {
        Outcome o = serve("", "--db", sqlite(), "--port", "0", "--host", "127.0.0.1", "--exercises", dir.toString(), "--rubrics", dir.toString());
        assertEquals(2, o.exit());
        assertTrue(o.err().contains("REFGRADE_ADMIN_TOKEN is empty"), o.err());
    }

    /** A PostgreSQL schema with refgrade's tables that role refgrade_ro may read but not write. */
    private static void readOnlyRole(String schema) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(Databases.POSTGRES); var st = c.createStatement()) {
            st.execute("DO $$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'refgrade_ro') THEN CREATE ROLE refgrade_ro LOGIN;"
                    + " END IF; END$$");
            st.execute("GRANT USAGE, CREATE ON SCHEMA " + schema + " TO refgrade_ro");
            st.execute("GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO refgrade_ro");
        }
    }

    @Test
    void aDatabaseThatRefusesWritesStopsStartUpWithOneLine() throws Exception {
        String schema = Databases.postgresSchema();
        try {
            Store.open(Databases.postgresUrl(schema)).close();
            readOnlyRole(schema);
            String readOnly = Databases.postgresUrl(schema).replace("user=postgres", "user=refgrade_ro");
            Outcome o = serve(STRONG, "--db", readOnly, "--port", "0", "--exercises", dir.toString(), "--rubrics", dir.toString());
            assertEquals(2, o.exit(), o.err());
            assertTrue(o.err().lines().anyMatch(l -> l.startsWith("refgrade: cannot start: ") && l.contains("permission denied")), o.err());
            noStackTrace(o);
        } finally {
            Databases.dropPostgres(schema);
        }
    }
}
