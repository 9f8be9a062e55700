package dev.refgrade.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The version a run reproduces: written as users write it, and each one run as itself. */
class PythonVersionTest {
    @Test
    void parsesWhatUsersWrite() {
        assertEquals(Optional.of(PythonVersion.V3_13), PythonVersion.parse(" 3.13 "));
        assertEquals(Optional.empty(), PythonVersion.parse("3.1"));
        assertEquals(Optional.empty(), PythonVersion.parse(null));
        assertEquals("3.11, 3.12, 3.13 or 3.14", PythonVersion.choices());
    }

    @Test
    void versionsAreOrdered() {
        assertTrue(PythonVersion.V3_14.atLeast(PythonVersion.V3_12));
        assertFalse(PythonVersion.V3_11.atLeast(PythonVersion.V3_12));
    }

    /** A program whose answer differs: 3.14 passes the local to the call borrowed (LOAD_FAST_BORROW). */
    @Nested
    class EachVersionRuns {
        static final String PROGRAM = "import sys\ndef f(x):\n    return sys.getrefcount(x)\na = [1]\nprint(f(a))\n";

        @Test
        void programsRunTheVersionAsked() {
            assertEquals(new Programs.Result("3\n", "", 0), Programs.runIsolated("p.py", PROGRAM, Limits.DEFAULT, PythonVersion.V3_13));
            assertEquals(new Programs.Result("2\n", "", 0), Programs.runIsolated("p.py", PROGRAM, Limits.DEFAULT, PythonVersion.V3_14));
        }

        @Test
        void aSessionRunsTheVersionAsked() {
            Session.Report r = new Session().python(PythonVersion.V3_14).runScript("p.py", PROGRAM);
            assertEquals("2\n", r.stdout());
        }

        @Test
        void aTraceRecordsTheVersionAsked() {
            Trace.Recording rec = Trace.record("p.py", PROGRAM, Limits.DEFAULT, false, 100, 100, Long.MAX_VALUE, PythonVersion.V3_14);
            assertEquals(0, rec.end().exitCode());
            assertEquals("2\n", rec.end().stdout());
        }

        @Test
        void version311RunsAsTheDefault() {
            assertEquals(Programs.run("p.py", PROGRAM, Limits.DEFAULT), Programs.run("p.py", PROGRAM, Limits.DEFAULT, PythonVersion.V3_11));
        }
    }
}
