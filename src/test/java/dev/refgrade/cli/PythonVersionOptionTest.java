package dev.refgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refgrade.runtime.PythonVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `--python VERSION` on run, trace and check: 3.11 runs as before; a version the simulator does not
 * model yet is refused with exit 2 and says so, never run as 3.11; an unknown version is a usage error.
 */
class PythonVersionOptionTest {
    @TempDir
    Path dir;

    static final String REFUSAL = "refgrade: unsupported: " + PythonVersion.V3_14.refusal() + "\n";

    Path program() throws Exception {
        return Files.writeString(dir.resolve("p.py"), "a = [1]\nprint(a is a)\n");
    }

    @Nested
    class Run {
        @Test
        void version311RunsAsWithoutTheOption() throws Exception {
            Cli.Outcome o = Cli.run("run", "--python", "3.11", program().toString());
            assertEquals(new Cli.Outcome(0, "True\n", ""), o);
        }

        @Test
        void aVersionNotModelledIsRefusedWithExitTwo() throws Exception {
            Cli.Outcome o = Cli.run("run", "--python", "3.14", program().toString());
            assertEquals(new Cli.Outcome(2, "", REFUSAL), o);
        }

        @Test
        void withOutDirTheRefusalIsTheErrFile() throws Exception {
            Path out = dir.resolve("out");
            Cli.Outcome o = Cli.run("run", "--python", "3.14", "--out", out.toString(), program().toString());
            assertEquals(1, o.exit());
            assertEquals("", Files.readString(out.resolve("p.out")));
            assertEquals(REFUSAL, Files.readString(out.resolve("p.err")));
        }

        @Test
        void anUnknownVersionIsAUsageErrorNamingTheChoices() throws Exception {
            Cli.Outcome o = Cli.run("run", "--python", "3.10", program().toString());
            assertEquals(2, o.exit());
            assertTrue(o.err().contains("'3.10' is not a Python version refgrade knows; use 3.11, 3.12, 3.13 or 3.14"), o.err());
        }
    }

    @Nested
    class Trace {
        @Test
        void aVersionNotModelledIsRefusedWithExitTwoAndNoTrace() throws Exception {
            Cli.Outcome o = Cli.run("trace", "--python", "3.14", program().toString());
            assertEquals(new Cli.Outcome(2, "", REFUSAL), o);
        }

        @Test
        void version311Traces() throws Exception {
            Cli.Outcome o = Cli.run("trace", "--python", "3.11", program().toString());
            assertEquals(0, o.exit());
            assertTrue(o.out().contains("line 1: a = [1]"), o.out());
        }
    }

    @Nested
    class Check {
        static final String EXERCISE = "id: ok\ntitle: T\n%scode: |\n  a = [1]\n  b = a\nquestions:\n"
                + "  - {id: q1, prompt: p, answer: bool, after: 2, expr: a is b}\n";

        Path exercise(String pythonLine) throws Exception {
            return Files.writeString(dir.resolve("ok.yaml"), EXERCISE.formatted(pythonLine));
        }

        @Test
        void anExerciseForANewerVersionIsRefusedAtItsPythonLine() throws Exception {
            Path f = exercise("python: 3.14\n");
            Cli.Outcome o = Cli.run("check", f.toString());
            assertEquals(1, o.exit());
            assertTrue(o.err().contains(f + ":3:9: the program cannot be keyed: refgrade: unsupported: "
                    + PythonVersion.V3_14.refusal()), o.err());
            assertEquals("", o.out());
        }

        @Test
        void theOptionOverridesTheFilesVersion() throws Exception {
            Cli.Outcome o = Cli.run("check", "--python", "3.14", exercise("python: '3.11'\n").toString());
            assertEquals(1, o.exit());
            assertTrue(o.err().contains("unsupported: Python 3.14 profile"), o.err());
        }

        @Test
        void anExerciseFor311IsKeyedAsWithoutTheKey() throws Exception {
            Cli.Outcome o = Cli.run("check", exercise("python: 3.11\n").toString());
            assertEquals(0, o.exit(), o.err());
            assertTrue(o.out().contains("q1       bool    True"), o.out());
        }

        @Test
        void anUnknownVersionInTheFileIsAnErrorAtItsPosition() throws Exception {
            Path f = exercise("python: 3.10\n");
            Cli.Outcome o = Cli.run("check", f.toString());
            assertEquals(1, o.exit());
            assertTrue(o.err().contains(f + ":3:9: python '3.10' is not a version refgrade knows; use 3.11, 3.12, 3.13 or 3.14"), o.err());
        }
    }
}
