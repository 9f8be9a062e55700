package dev.refgrade.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Programs that try to escape the simulator (deep nesting, runaway recursion, huge allocations,
 * enormous values, endless loops) end quickly with their documented error: CPython's own
 * (exit 1) where CPython stops them, else `refgrade: limit: ...` (exit 3) within the limits.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EscapeTest {
    private static Programs.Result run(String source) {
        return Programs.runIsolated("prog.py", source, Limits.DEFAULT);
    }

    private static void assertPythonError(Programs.Result r, String lastLine) {
        assertEquals(1, r.exitCode(), r::stderr);
        assertTrue(r.stderr().endsWith(lastLine + "\n"), r::stderr);
    }

    private static void assertLimit(Programs.Result r, String what) {
        assertEquals(3, r.exitCode(), r::stderr);
        assertTrue(r.stderr().startsWith("refgrade: limit: " + what), r::stderr);
    }

    /** Programs.run on a thread with a small stack, where the Java stack runs out before Python's limits. */
    private static Programs.Result runOnSmallStack(String source) throws InterruptedException {
        Programs.Result[] result = new Programs.Result[1];
        Thread t = new Thread(null, () -> result[0] = Programs.run("prog.py", source, Limits.DEFAULT), "small", 256 * 1024);
        t.start();
        t.join();
        return result[0];
    }

    @Nested
    class DeepSourceNesting {
        @Test
        void tenThousandNestedParenthesesAreTooManyAsInCPython() {
            assertPythonError(run("x = " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + "\n"),
                    "SyntaxError: too many nested parentheses");
        }

        @Test
        void tenThousandNestedListDisplaysAreTooManyParentheses() {
            assertPythonError(run("x = " + "[".repeat(10_000) + "]".repeat(10_000) + "\n"),
                    "SyntaxError: too many nested parentheses");
        }

        @Test
        void fiveHundredNestedIfsAreTooManyLevelsOfIndentation() {
            StringBuilder source = new StringBuilder();
            for (int i = 0; i < 500; i++) source.append(" ".repeat(i)).append("if True:\n");
            source.append(" ".repeat(500)).append("pass\n");
            assertPythonError(run(source.toString()), "IndentationError: too many levels of indentation");
        }

        @Test
        void aSumOfThreeThousandTermsIsTooDeepToCompile() {
            Programs.Result r = run("x = " + "1 + ".repeat(2999) + "1\n");
            assertEquals(1, r.exitCode());
            assertEquals("RecursionError: maximum recursion depth exceeded during compilation\n", r.stderr());
        }

        @Test
        void oneTermFewerCompilesAndRuns() {
            Programs.Result r = run("x = " + "1 + ".repeat(2998) + "1\nprint(x)\n");
            assertEquals("2999\n", r.stdout(), r::stderr);
        }

        @Test
        void aHundredThousandAttributeLookupsAreTooDeepToCompile() {
            assertPythonError(run("x = a" + ".b".repeat(100_000) + "\n"),
                    "RecursionError: maximum recursion depth exceeded during compilation");
        }

        @Test
        void tenThousandUnaryMinusesAreRefused() {
            Programs.Result r = run("x = " + "-".repeat(10_000) + "1\n");
            assertEquals(2, r.exitCode());
            assertEquals("refgrade: unsupported: expression nested too deeply at line 1\n", r.stderr());
        }

        @Test
        void onASmallStackADeepTreeIsRefusedRatherThanOverflowing() throws InterruptedException {
            Programs.Result r = runOnSmallStack("x = " + "1 + ".repeat(2998) + "1\nprint(x)\n");
            assertTrue(r.exitCode() == 2 || r.exitCode() == 3, r::stderr);
        }
    }

    @Nested
    class DeepRecursion {
        @Test
        void mutualRecursionRaisesRecursionError() {
            assertPythonError(run("def f():\n    g()\ndef g():\n    f()\nf()\n"), "RecursionError: maximum recursion depth exceeded");
        }

        @Test
        void aConstructorThatConstructsItselfRaisesRecursionError() {
            assertPythonError(run("class A:\n    def __init__(self):\n        A()\nA()\n"),
                    "RecursionError: maximum recursion depth exceeded");
        }

        @Test
        void comparingListsThatContainEachOtherRaisesRecursionError() {
            assertPythonError(run("a = []\nb = [a]\na.append(b)\nprint(a == b)\n"),
                    "RecursionError: maximum recursion depth exceeded in comparison");
        }

        @Test
        void printingAListNestedAHundredThousandDeepRaisesRecursionError() {
            assertPythonError(run("x = []\ni = 0\nwhile i < 100000:\n    x = [x]\n    i += 1\nprint(x)\n"),
                    "RecursionError: maximum recursion depth exceeded while getting the repr of an object");
        }

        @Test
        void onASmallStackRecursionEndsAtALimitNotInAStackOverflow() throws InterruptedException {
            Programs.Result r = runOnSmallStack("def f(n):\n    return f(n + 1)\nf(0)\n");
            assertTrue(r.exitCode() == 1 || r.exitCode() == 3, r::stderr);
        }
    }

    @Nested
    class HugeAllocations {
        @Test
        void aListRepeatedInPlaceABillionTimesIsStopped() {
            assertLimit(run("x = [0]\nx *= 10**9\n"), "the program built a sequence of 1000000000 items");
        }

        @Test
        void aStringOfTenBillionCharactersIsStopped() {
            assertLimit(run("x = 'x' * 10**10\n"), "the program built a sequence of 10000000000 items");
        }

        @Test
        void aTupleDoubledForeverIsStopped() {
            assertLimit(run("x = (0,)\nwhile True:\n    x = x + x\n"), "the program built a tuple longer than");
        }

        @Test
        void appendingForeverIsStopped() {
            assertLimit(run("x = []\nwhile True:\n    x.append(0)\n"), "the program built a list longer than");
        }

        @Test
        void aListOfABillionIntsIsStoppedAtTheObjectLimit() {
            assertLimit(run("x = list(range(10**9))\n"), "the program created more than");
        }

        @Test
        void joiningAMillionCopiesOfALongStringIsStoppedBeforeItIsBuilt() {
            assertLimit(run("x = 'a' * 10**7\ny = ''.join([x] * 10**6)\n"), "the program built a string longer than");
        }

        @Test
        void aReplaceThatWouldOutgrowTheLimitIsStopped() {
            assertLimit(run("x = 'abc' * 3000000\ny = x.replace('a', x)\n"), "the program built a string longer than");
        }

        @Test
        void aFormatWidthOfABillionIsStopped() {
            assertLimit(run("x = f\"{1:>1000000000}\"\n"), "the program built a string longer than");
        }

        @Test
        void aFormatPrecisionOfABillionIsStopped() {
            assertLimit(run("x = f\"{1.5:.1000000000f}\"\n"), "the program built a string longer than");
        }

        @Test
        void keepingTenMillionItemListsForeverIsStoppedByTheItemsItCopied() {
            assertLimit(run("keep = []\nwhile True:\n    keep.append([0] * 10**7)\n"), "the program ran more than 50000000 steps");
        }

        @Test
        void theReprOfAHundredTrillionItemsIsStoppedWhileItIsBuilt() {
            assertLimit(run("x = [0] * 10**7\ny = [x] * 10**7\ns = str(y)\n"), "the program built a string longer than");
        }
    }

    @Nested
    class EnormousNumbers {
        @Test
        void tenToTheTenToTheNineIsStopped() {
            assertLimit(run("x = 10**10**9\n"), "the program computed an int of more than");
        }

        @Test
        void shiftingByABillionBitsIsStopped() {
            assertLimit(run("x = 1 << 10**9\n"), "the program computed an int of more than");
        }

        @Test
        void zeroOneAndMinusOneStaySmallUnderAnyPowerOrShift() {
            Programs.Result r = run("print(1 ** 10**100, 0 ** 10**100, (-1) ** (10**20 + 1), 0 << 10**100)\n");
            assertEquals("1 0 -1 0\n", r.stdout(), r::stderr);
        }

        @Test
        void aFormatWidthPastPySsizeTIsTooManyDigits() {
            assertPythonError(run("x = f\"{1:99999999999999999999}\"\n"), "ValueError: Too many decimal digits in format string");
        }
    }

    @Nested
    class EndlessLoops {
        @Test
        void aLoopOverAListItGrowsIsStopped() {
            Programs.Result r = run("x = [0]\nfor y in x:\n    x.append(y)\n");
            assertEquals(3, r.exitCode(), r::stderr);
        }

        @Test
        void comparingTwoLongStringsForeverIsStoppedByTheCharactersItCompared() {
            assertLimit(run("x = 'a' * 10**7\ny = 'a' * 10**7\nwhile True:\n    z = x == y\n"), "the program ran more than");
        }

        @Test
        void bigIntArithmeticForeverIsStoppedByTheClock() {
            Programs.Result r = Programs.runIsolated("prog.py", "x = 1 << 500000\nwhile True:\n    y = x * x\n",
                    new Limits(50_000_000L, 2_000_000L, 1000, 1 << 20, 10_000_000L, 500));
            assertLimit(r, "the program ran for more than 500 ms");
        }

        @Test
        void splittingOnAnEmptySeparatorRaisesInsteadOfLoopingForever() {
            assertPythonError(run("x = 'abc'.split('')\n"), "ValueError: empty separator");
        }
    }
}
