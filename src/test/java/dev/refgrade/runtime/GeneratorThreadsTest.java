package dev.refgrade.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Generator bodies run on threads of their own; none may outlive the run that made it. */
class GeneratorThreadsTest {
    private static long bodyThreads() throws InterruptedException {
        // A halted body's thread ends right after it hands back its last turn: give it a moment.
        for (int i = 0; i < 50; i++) {
            long n = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("refgrade-generator") && t.isAlive()).count();
            if (n == 0) return 0;
            Thread.sleep(20);
        }
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("refgrade-generator") && t.isAlive()).count();
    }

    @Nested
    class NoThreadOutlivesItsRun {
        @Test
        void aRunThatEndsWithGeneratorsStillSuspended() throws InterruptedException {
            String src = "def g():\n    while True:\n        yield 1\nkeep = [g() for _ in range(5)]\nfor x in keep:\n    next(x)\n"
                    + "keep.append(keep)\n";
            Programs.Result r = Programs.runIsolated("prog.py", src, Limits.DEFAULT);
            assertEquals(0, r.exitCode(), r.stderr());
            assertEquals(0, bodyThreads());
        }

        @Test
        void aRunThatAGeneratorStopsAtTheStepLimit() throws InterruptedException {
            Limits small = new Limits(2_000, 100_000, 1000, 1 << 20, 100_000);
            String src = "def spin():\n    yield 1\n    while True:\n        pass\ng = spin()\nnext(g)\nnext(g)\n";
            Programs.Result r = Programs.runIsolated("prog.py", src, small);
            assertEquals(3, r.exitCode());
            assertTrue(r.stderr().startsWith("refgrade: limit: the program ran more than 2000 steps"), r.stderr());
            assertEquals(0, bodyThreads());
        }

        @Test
        void aRunThatAnExceptionEndsWhileABodyIsSuspended() throws InterruptedException {
            String src = "def g():\n    try:\n        yield 1\n    finally:\n        print('never at halt')\n"
                    + "h = g()\nnext(h)\nh.loop = h\n1 / 0\n";
            Programs.Result r = Programs.runIsolated("prog.py", src, Limits.DEFAULT);
            assertEquals(1, r.exitCode());
            assertEquals(0, bodyThreads());
        }
    }

    @Test
    void aSuspendedBodyInACycleIsClosedByTheExitCollection() {
        String src = "import gc\ngc.disable()\ndef g():\n    try:\n        yield 1\n    finally:\n        print('closed')\n"
                + "h = g()\nnext(h)\nbox = [h]\nbox.append(box)\ndel h, box\nprint('end')\n";
        Programs.Result r = Programs.runIsolated("prog.py", src, Limits.DEFAULT);
        assertEquals(0, r.exitCode(), r.stderr());
        // As python3: the exit collection finds the cycle and closes the generator.
        assertEquals("end\nclosed\n", r.stdout());
    }
}
