package dev.refgrade.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Work done inside builtins counts toward a run's step and time budgets (issue 19, finding 3): each
 * program below runs few statements but makes a builtin do much work, and a small budget stops it
 * with the limit's exit (3) and message. The sizes are such that the code before the fix ran them
 * to the end, uncharged.
 */
class BuiltinWorkLimitsTest {
    private static Limits steps(long maxSteps) {
        return new Limits(maxSteps, 100_000, 100, 1 << 16, 1_000_000, 60_000);
    }

    private static void assertStoppedBySteps(String source, long maxSteps) {
        Programs.Result r = Programs.run("prog.py", source, steps(maxSteps));
        assertEquals(3, r.exitCode(), r.stdout() + r.stderr());
        assertEquals("refgrade: limit: the program ran more than " + maxSteps + " steps (an endless loop?)\n", r.stderr());
    }

    @Nested
    class Charged {
        @Test
        void substringSearchChargesTheCharactersItPasses() {
            assertStoppedBySteps("s = 'a' * 2000\nt = 'a' * 1000 + 'b'\nfor i in range(100):\n    t in s\n", 50_000);
        }

        @Test
        void strFindCountReplaceAndSplitChargeTheirSearch() {
            for (String call : new String[] {"s.find(t)", "s.count(t)", "s.replace(t, '')", "s.split(t)"}) {
                assertStoppedBySteps("s = 'a' * 2000\nt = 'a' * 1000 + 'b'\nfor i in range(100):\n    " + call + "\n", 50_000);
            }
        }

        @Test
        void sortingChargesEachComparison() {
            assertStoppedBySteps("l = [0] * 1000\nfor i in range(100):\n    l.sort()\n", 20_000);
        }

        @Test
        void bigIntMultiplicationChargesByTheSizeOfItsDigits() {
            assertStoppedBySteps("x = 3 ** 200000\nfor i in range(50):\n    y = x * x\n", 100_000);
        }

        @Test
        void comparingLongSequencesChargesEachItemPair() {
            assertStoppedBySteps("a = [0] * 1000\nb = [0] * 1000\nfor i in range(100):\n    a == b\n", 20_000);
        }

        @Test
        void membershipInAListChargesEachItemCompared() {
            assertStoppedBySteps("a = [0] * 1000\nfor i in range(100):\n    1 in a\n", 20_000);
        }

        @Test
        void deepcopyChargesEachObjectCopied() {
            assertStoppedBySteps("import copy\na = [[0] for i in range(300)]\nfor i in range(100):\n    copy.deepcopy(a)\n", 50_000);
        }

        @Test
        void theTraceChargesItsLookAtEveryLiveObjectAfterEachLine() {
            Trace.Recording rec = Trace.record("prog.py", "l = list(range(3000))\nfor i in range(100):\n    pass\n", steps(50_000),
                    false, Integer.MAX_VALUE, Integer.MAX_VALUE);
            assertEquals(3, rec.end().exitCode(), rec.end().stderr());
        }
    }

    @Nested
    class Deadline {
        @Test
        void isCheckedInsideABuiltinThatDoesMuchWork() {
            Limits noTime = new Limits(10_000_000, 1_000_000, 100, 1 << 16, 1_000_000, 0);
            Programs.Result r = Programs.run("prog.py", "x = [0] * 100000\n", noTime);
            assertEquals(3, r.exitCode(), r.stderr());
            assertEquals("refgrade: limit: the program ran for more than 0 ms\n", r.stderr());
        }
    }
}
