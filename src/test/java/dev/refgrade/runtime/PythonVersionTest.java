package dev.refgrade.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The version a run reproduces: written as users write it, and refused until the simulator models it. */
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

    @Nested
    class UntilModelled {
        static final String PROGRAM = "a = [1]\nprint(a is a)\n";

        @Test
        void versionsUpTo313AreModelledSoFar() {
            assertEquals(List.of(PythonVersion.V3_11, PythonVersion.V3_12, PythonVersion.V3_13),
                    List.of(PythonVersion.values()).stream().filter(PythonVersion::modelled).toList());
            assertNull(PythonVersion.V3_11.refusal());
        }

        @Test
        void programsRefuseTheRunWithExitTwo() {
            Programs.Result r = Programs.runIsolated("p.py", PROGRAM, Limits.DEFAULT, PythonVersion.V3_14);
            assertEquals(new Programs.Result("", "refgrade: unsupported: Python 3.14 profile (the simulator models 3.11 to 3.13 so far)\n", 2), r);
        }

        @Test
        void aSessionRefusesTheRunWithExitTwo() {
            Session.Report r = new Session().python(PythonVersion.V3_14).runScript("p.py", PROGRAM);
            assertEquals(2, r.exitCode());
            assertEquals("refgrade: unsupported: Python 3.14 profile (the simulator models 3.11 to 3.13 so far)\n", r.stderr());
        }

        @Test
        void aTraceRefusesBeforeAnyLineRuns() {
            Trace.Recording rec = Trace.record("p.py", PROGRAM, Limits.DEFAULT, false, 100, 100, Long.MAX_VALUE, PythonVersion.V3_14);
            assertEquals(List.of(), rec.lines());
            assertEquals(2, rec.end().exitCode());
        }

        @Test
        void version311RunsAsTheDefault() {
            assertEquals(Programs.run("p.py", PROGRAM, Limits.DEFAULT), Programs.run("p.py", PROGRAM, Limits.DEFAULT, PythonVersion.V3_11));
        }
    }
}
