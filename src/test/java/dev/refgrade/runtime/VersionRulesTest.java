package dev.refgrade.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The switches of each version, seen from a program. Expected values come from the real CPython of
 * that version (the pyodide builds, tools/cpython-wasm) where a 32-bit build can speak for 64-bit
 * Linux; the immortal counts and object sizes, which it cannot, come from CPython's source as cited
 * in VersionRules.
 */
class VersionRulesTest {
    static Programs.Result run(PythonVersion v, String source) {
        return Programs.runIsolated("p.py", source, Limits.DEFAULT, v);
    }

    @Nested
    class ImmortalObjects {
        static final String COUNTS = "import sys\nprint(sys.getrefcount(None), sys.getrefcount(7), sys.getrefcount(()), sys.getrefcount(int))\n";

        @Test
        void from312TheirCountIsUintMaxOn64Bit() {
            assertEquals("4294967295 4294967295 4294967295 4294967295\n", run(PythonVersion.V3_12, COUNTS).stdout());
        }

        @Test
        void in311TheirCountIsNotOneToPredict() {
            assertFalse(run(PythonVersion.V3_11, COUNTS).stdout().contains("4294967295"));
        }

        @Test
        void builtinFunctionsAndLibraryClassesStayMortal() {
            String out = run(PythonVersion.V3_12, "import sys, weakref\nprint(sys.getrefcount(len), sys.getrefcount(weakref.WeakSet))\n").stdout();
            assertFalse(out.contains("4294967295"), out);
        }

        @Test
        void aMortalObjectsCountIsUnchanged() {
            assertEquals("2\n", run(PythonVersion.V3_12, "import sys\na = [1]\nprint(sys.getrefcount(a))\n").stdout());
        }
    }

    @Nested
    class Sizes {
        @Test
        void from312StrHasNoWstrField() {
            String p = "import sys\nprint(sys.getsizeof(''), sys.getsizeof('abc'), sys.getsizeof('\u00e9'))\n";
            assertEquals("49 52 74\n", run(PythonVersion.V3_11, p).stdout());
            assertEquals("41 44 58\n", run(PythonVersion.V3_12, p).stdout());
        }
    }

    @Nested
    class InlinedComprehensions {
        static final String FAILS = "def f(a):\n    return [1 / x for x in a]\nf([1, 0])\n";

        @Test
        void in311TheComprehensionHasAFrameOfItsOwn() {
            assertTrue(run(PythonVersion.V3_11, FAILS).stderr().contains("in <listcomp>"));
        }

        @Test
        void from312ATracebackShowsTheEnclosingFrameAtTheFailingExpression() {
            assertEquals("""
                    Traceback (most recent call last):
                      File "p.py", line 3, in <module>
                        f([1, 0])
                      File "p.py", line 2, in f
                        return [1 / x for x in a]
                                ~~^~~
                    ZeroDivisionError: division by zero
                    """, run(PythonVersion.V3_12, FAILS).stderr());
        }

        @Test
        void from312TheComprehensionAddsNoRecursionDepth() {
            // 1000 frames with the comprehensions inlined, 1003 with their own (python3 and the 3.12 build agree).
            String p = "def f(n):\n    return f(n + 1) if n < 996 else [g() for _ in [0]]\n"
                    + "def g():\n    return [h() for _ in [0]]\ndef h():\n    return [0 for _ in [0] for _ in [0]]\nprint(len(f(0)))\n";
            assertTrue(run(PythonVersion.V3_11, p).stderr().endsWith("RecursionError: maximum recursion depth exceeded\n"));
            assertEquals("1\n", run(PythonVersion.V3_12, p).stdout());
        }
    }
}
