package dev.refgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `trace` exits as `run` does, so scripts can tell a program that raised from one that ran. */
class TraceCommandTest {
    @TempDir
    Path dir;

    Cli.Outcome trace(String source) throws Exception {
        return Cli.run("trace", Files.writeString(dir.resolve("p.py"), source).toString());
    }

    @Test
    void aProgramThatRunsExitsZero() throws Exception {
        Cli.Outcome o = trace("a = [1]\nb = a\n");
        assertEquals(0, o.exit());
        assertTrue(o.out().contains("line 2: b = a"), o.out());
    }

    @Test
    void aProgramThatRaisesExitsOneAfterItsTrace() throws Exception {
        Cli.Outcome o = trace("a = 1\nb = c\n");
        assertEquals(1, o.exit());
        assertTrue(o.out().contains("stopped by NameError: name 'c' is not defined"), o.out());
    }

    @Test
    void sourceOutsideTheSubsetExitsTwoWithRunsMessage() throws Exception {
        Cli.Outcome o = trace("x = 1\nmatch x:\n    case 1:\n        pass\n");
        assertEquals(2, o.exit());
        assertTrue(o.err().contains("refgrade: unsupported: match statement at line 2"), o.err());
        assertEquals("", o.out());
    }
}
