package dev.refgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `--python VERSION` on run, trace and check: each version runs as itself. The program passes a
 * local to a call, which 3.14 does borrowed (LOAD_FAST_BORROW): its count there is one lower.
 */
class PythonVersionOptionTest {
    @TempDir
    Path dir;

    static final String PROGRAM = "import sys\ndef f(x):\n    return sys.getrefcount(x)\na = [1]\nr = f(a)\nprint(r)\n";

    Path program() throws Exception {
        return Files.writeString(dir.resolve("p.py"), PROGRAM);
    }

    @Nested
    class Run {
        @Test
        void version311RunsAsWithoutTheOption() throws Exception {
            assertEquals(Cli.run("run", program().toString()), Cli.run("run", "--python", "3.11", program().toString()));
        }

        @Test
        void eachVersionGivesItsOwnAnswer() throws Exception {
            assertEquals(new Cli.Outcome(0, "3\n", ""), Cli.run("run", "--python", "3.13", program().toString()));
            assertEquals(new Cli.Outcome(0, "2\n", ""), Cli.run("run", "--python", "3.14", program().toString()));
        }

        @Test
        void withOutDirEachFileRunsAsTheVersion() throws Exception {
            Path out = dir.resolve("out");
            Cli.Outcome o = Cli.run("run", "--python", "3.14", "--out", out.toString(), program().toString());
            assertEquals(0, o.exit());
            assertEquals("2\n", Files.readString(out.resolve("p.out")));
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
        void theTraceIsTheVersions() throws Exception {
            Cli.Outcome o = Cli.run("trace", "--python", "3.14", program().toString());
            assertEquals(0, o.exit());
            assertTrue(o.out().contains("line 5: r = f(a)"), o.out());
        }
    }

    @Nested
    class Check {
        static final String EXERCISE = "id: ok\ntitle: T\n%scode: |\n  import sys\n  def f(x):\n      return sys.getrefcount(x)\n"
                + "  a = [1]\n  r = f(a)\nquestions:\n  - {id: q1, prompt: p, answer: int, after: 5, expr: r}\n";

        Path exercise(String pythonLine) throws Exception {
            return Files.writeString(dir.resolve("ok.yaml"), EXERCISE.formatted(pythonLine));
        }

        @Test
        void anExerciseIsKeyedForItsVersion() throws Exception {
            Cli.Outcome o = Cli.run("check", exercise("python: 3.14\n").toString());
            assertEquals(0, o.exit(), o.err());
            assertTrue(o.out().contains("q1       int     2"), o.out());
        }

        @Test
        void theOptionOverridesTheFilesVersion() throws Exception {
            Cli.Outcome o = Cli.run("check", "--python", "3.14", exercise("python: '3.11'\n").toString());
            assertEquals(0, o.exit(), o.err());
            assertTrue(o.out().contains("q1       int     2"), o.out());
        }

        @Test
        void anExerciseFor311IsKeyedAsWithoutTheKey() throws Exception {
            Cli.Outcome o = Cli.run("check", exercise("python: 3.11\n").toString());
            assertEquals(0, o.exit(), o.err());
            assertTrue(o.out().contains("q1       int     3"), o.out());
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
