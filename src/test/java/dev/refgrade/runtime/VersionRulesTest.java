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

    /** gh-87995 (3.12): hash(mappingproxy) is its mapping's hash; python3 and the 3.12-3.14 builds say so. */
    @Nested
    class HashableMappingProxy {
        static final String HASH = "import types\ntry:\n    hash(types.MappingProxyType({}))\nexcept TypeError as e:\n    print(e)\n";

        @Test
        void in311TheProxyItselfIsUnhashable() {
            assertEquals("unhashable type: 'mappingproxy'\n", run(PythonVersion.V3_11, HASH).stdout());
        }

        @Test
        void from312ItHashesItsMapping() {
            assertEquals("unhashable type: 'dict'\n", run(PythonVersion.V3_12, HASH).stdout());
        }
    }

    /** gh-87634 (3.12): cached_property makes no RLock. */
    @Nested
    class CachedPropertyLock {
        static final String LOCK = "import functools\ndef f(self):\n    pass\ncp = functools.cached_property(f)\ntry:\n    cp.lock\nexcept AttributeError as e:\n    print(e)\n";

        @Test
        void in311ItsLockIsThereButRefused() {
            assertTrue(run(PythonVersion.V3_11, LOCK).stderr().contains("a cached_property's lock"));
        }

        @Test
        void from312ThereIsNoLock() {
            assertEquals("'cached_property' object has no attribute 'lock'\n", run(PythonVersion.V3_12, LOCK).stdout());
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

    @Nested
    class EmbeddedInstanceValues {
        /** Outputs: python3 (3.11.7) and the 3.13.2 build. */
        static final String PROGRAM = """
                import gc
                class Node:
                    pass
                gc.disable()
                b = Node()
                b.me = b
                d = b.__dict__
                print(gc.is_tracked(d), len(gc.get_referents(b)))
                del d, b
                print(gc.collect())
                c = Node()
                d = c.__dict__
                c.me = c
                print(gc.is_tracked(d))
                d["again"] = c
                print(gc.is_tracked(d))
                del d, c
                print(gc.collect())
                """;

        @Test
        void in311TheMaterializedDictIsPartOfTheCycle() {
            assertEquals("True 2\n2\nTrue\nTrue\n2\n", run(PythonVersion.V3_11, PROGRAM).stdout());
        }

        @Test
        void from313TheInstanceReportsItsValuesAndTheDictIsNotCounted() {
            assertEquals("True 2\n1\nFalse\nTrue\n1\n", run(PythonVersion.V3_13, PROGRAM).stdout());
        }
    }

    @Nested
    class Thresholds {
        static final String PROGRAM = "import gc\nprint(gc.get_threshold())\n";

        @Test
        void until312TheYoungestIs700() {
            assertEquals("(700, 10, 10)\n", run(PythonVersion.V3_12, PROGRAM).stdout());
        }

        @Test
        void from313TheYoungestIs2000() {
            assertEquals("(2000, 10, 10)\n", run(PythonVersion.V3_13, PROGRAM).stdout());
        }
    }

    @Nested
    class FrameLocals {
        @Test
        void from313AFunctionFramesProxyIsRefused() {
            Programs.Result r = run(PythonVersion.V3_13, "def f():\n    x = [1]\n    raise ValueError\ntry:\n    f()\nexcept ValueError as e:\n"
                    + "    d = e.__traceback__.tb_next.tb_frame.f_locals\n");
            assertEquals(2, r.exitCode());
            assertEquals("refgrade: unsupported: f_locals of a function frame on Python 3.13 (PEP 667: a FrameLocalsProxy) at line 7\n", r.stderr());
        }
    }

    @Nested
    class BorrowedReferences {
        /** Outputs: python3 (3.11.7) and the 3.14.2 build. */
        static final String PROGRAM = """
                import sys
                def f():
                    a = [1]
                    print(sys.getrefcount(a))
                    try:
                        raise ValueError
                    except ValueError:
                        print(sys.getrefcount(a))
                    print(sys.getrefcount(a))
                f()
                def g():
                    n = [7]
                    return sys.getrefcount(n), [sys.getrefcount(n) for _ in range(2)]
                print(g())
                def h(obj=None):
                    return sys.getrefcount(obj)
                def k():
                    v = [1]
                    return h(obj=v), h(v)
                print(k())
                def m():
                    x = [1]
                    y = x
                    return sys.getrefcount(x)
                print(m())
                def t():
                    try:
                        z = [2]
                        return sys.getrefcount(z)
                    finally:
                        pass
                print(t())
                """;

        @Test
        void in311EveryLoadOfALocalIsAReference() {
            assertEquals("2\n2\n2\n(2, [2, 2])\n(3, 3)\n3\n2\n", run(PythonVersion.V3_11, PROGRAM).stdout());
        }

        @Test
        void in314ALocalPassedOnIsBorrowedExceptWhereOnlyAHandlerLeads() {
            assertEquals("1\n2\n2\n(1, [1, 1])\n(1, 1)\n2\n1\n", run(PythonVersion.V3_14, PROGRAM).stdout());
        }

        @Test
        void in314AFrameKeptByATracebackHoldsItsParametersStrongAndLocalsGoLastToFirst() {
            String program = """
                    import sys
                    def inner(o):
                        raise ValueError
                    def outer3():
                        o = [1]
                        try:
                            inner(o)
                        except ValueError as e:
                            tb = e.__traceback__
                        return sys.getrefcount(o)
                    print(outer3())
                    class Tag:
                        def __init__(self, name):
                            self.name = name
                        def __del__(self):
                            print("del", self.name)
                    def scope(p):
                        a = Tag("a")
                        b = Tag("b")
                        return 0
                    scope(Tag("p"))
                    """;
            assertEquals("2\ndel b\ndel a\ndel p\n", run(PythonVersion.V3_14, program).stdout());
        }
    }

    @Nested
    class IncrementalCollector {
        @Test
        void in314ARunWithGarbageWhereACollectionMayStartIsRefused() {
            String program = "class P:\n    pass\nfor i in range(3000):\n    p = P()\n    p.me = p\n";
            Programs.Result r = run(PythonVersion.V3_14, program);
            assertEquals(2, r.exitCode());
            assertTrue(r.stderr().startsWith("refgrade: unsupported: garbage cycles when an automatic collection may start on Python 3.14"), r.stderr());
        }

        @Test
        void in314WithoutGarbageTheRunGoesOn() {
            String program = "keep = []\nfor i in range(3000):\n    keep.append([i])\nprint(len(keep))\n";
            assertEquals("3000\n", run(PythonVersion.V3_14, program).stdout());
        }
    }

    @Nested
    class Changes {
        @Test
        void eachVersionHasTheChangesMadeUpToIt() {
            for (PythonVersion v : PythonVersion.values()) {
                for (VersionChange c : VersionChange.values()) assertEquals(v.atLeast(c.since), VersionRules.of(v).changes.contains(c), v + " " + c);
            }
        }

        @Test
        void flippingAChangeSwitchesOnlyItsOwnRule() {
            VersionRules without = VersionRules.of(PythonVersion.V3_14).flipped(VersionChange.BORROWED_LOADS);
            assertFalse(without.borrowedLoads);
            assertTrue(without.foldingAfterParse);
            assertEquals(PythonVersion.V3_14, without.version);
        }

        @Test
        void aVersionWithoutItsChangeAnswersAsTheVersionBefore() {
            String p = "import sys\ndef f(p):\n    return sys.getrefcount(p)\na = [1]\nprint(f(a))\n";
            String without = new Session().rules(VersionRules.of(PythonVersion.V3_14).flipped(VersionChange.BORROWED_LOADS))
                    .runScript("p.py", p).stdout();
            assertEquals(run(PythonVersion.V3_13, p).stdout(), without);
        }
    }
}
