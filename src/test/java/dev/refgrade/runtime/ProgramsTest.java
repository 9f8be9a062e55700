package dev.refgrade.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** How a run ends, as `refgrade run` reports it: output, CPython's traceback shape, refusals and limits. */
class ProgramsTest {
    private static Programs.Result run(String source) {
        return Programs.runIsolated("prog.py", source, Limits.DEFAULT);
    }

    private static Programs.Result run(String source, Limits limits) {
        return Programs.runIsolated("prog.py", source, limits);
    }

    /** The main module's namespace holds the program's names and __name__; CPython's __main__ starts with more. */
    @Nested
    class MainNamespace {
        private void assertRefused(String source, String what) {
            Programs.Result r = run(source);
            assertEquals(2, r.exitCode(), r::stderr);
            assertTrue(r.stderr().startsWith("refgrade: unsupported: " + what), r.stderr());
        }

        @Test
        void itsOtherStartingNamesAreRefusedNotNameErrors() {
            assertRefused("print(type(__builtins__).__name__)\n", "the main module's '__builtins__'");
            assertRefused("print(__file__)\n", "the main module's '__file__'");
        }

        @Test
        void dirListsTheNamesItStartsWith() {
            Programs.Result r = run("x = 1\nprint(dir())\n");
            assertEquals("['__annotations__', '__builtins__', '__cached__', '__doc__', '__file__', '__loader__', '__name__',"
                    + " '__package__', '__spec__', 'x']\n", r.stdout(), r::stderr);
        }

        @Test
        void itsLengthIsRefused() {
            assertRefused("x = 1\nprint(len(globals()))\n", "len() of the main module's namespace");
        }

        @Test
        void itsOwnNamesStillServe() {
            Programs.Result r = run("x = 1\ng = globals()\ng['y'] = 2\nprint(g['x'], 'x' in g, y, g is globals())\n"
                    + "def f():\n    a = 1\n    return dir()\nprint(f())\n");
            assertEquals("1 True 2 True\n['a']\n", r.stdout(), r::stderr);
        }
    }

    @Test
    void callingASpecialMethodBoundKeepsNoReferenceToItsName() {
        Programs.Result r = run("import sys\nclass P:\n    def __format__(self, spec):\n        return 'x'\np = P()\n"
                + "n = sys.getrefcount('__format__')\nfor _ in range(5):\n    format(p)\nprint(sys.getrefcount('__format__') - n)\n");
        assertEquals("0\n", r.stdout(), r::stderr);
    }

    /** What the program still holds when it ends (golden programs shutdown_*: the order and what __del__ sees). */
    @Nested
    class AtExit {
        private static final String TWO = "class N:\n    def __init__(self, n):\n        self.n = n\n    def __del__(self):\n"
                + "        print('del', self.n, N.__name__)\n"
                + "a = N('a')\nb = N('b')\n";

        @Test
        void finalizersSeeEveryGlobalStillBound() {
            Programs.Result r = run(TWO);
            assertEquals("del a N\ndel b N\n", r.stdout(), r::stderr);
            assertEquals(0, r.exitCode());
        }

        @Test
        void from313TwoFinalizersAtExitAreRefused() {
            Programs.Result r = Programs.runIsolated("prog.py", TWO, Limits.DEFAULT, PythonVersion.V3_13);
            assertEquals(2, r.exitCode(), r::stderr);
            assertTrue(r.stderr().contains("which of two or more finalizers CPython 3.13 runs first"), r.stderr());
        }

        @Test
        void from313OneFinalizerAtExitRuns() {
            Programs.Result r = Programs.runIsolated("prog.py", TWO.replace("b = N('b')\n", ""), Limits.DEFAULT, PythonVersion.V3_13);
            assertEquals("del a N\n", r.stdout(), r::stderr);
            assertEquals(0, r.exitCode());
        }
    }

    @Nested
    class SystemExitAtTheTop {
        @Test
        void aMessageGoesToStderrWithStatusOne() {
            Programs.Result r = run("import sys\nprint('a')\nsys.exit('bye')\nprint('b')\n");
            assertEquals("a\n", r.stdout());
            assertEquals("bye\n", r.stderr());
            assertEquals(1, r.exitCode());
        }

        @Test
        void anIntIsTheStatusAndNoRefusal() {
            Programs.Result r = run("import sys\nsys.exit(2)\n");
            assertEquals(2, r.exitCode());
            assertEquals("", r.stderr());
            assertTrue(!Programs.stoppedBySimulator(r.exitCode(), r.stderr()));
        }

        @Test
        void aRefusalIsTheSimulatorsStop() {
            Programs.Result r = run("x = 1\nmatch x:\n    case 1:\n        pass\n");
            assertTrue(Programs.stoppedBySimulator(r.exitCode(), r.stderr()), r::stderr);
        }
    }

    @Nested
    class UncaughtExceptions {
        @Test
        void nameErrorEndsWithCPythonsLastLineAndExitOne() {
            Programs.Result r = run("x = 1\nprint(y)\n");
            assertEquals(1, r.exitCode());
            assertTrue(r.stderr().endsWith("NameError: name 'y' is not defined\n"), r.stderr());
        }

        @Test
        void tracebackNamesEveryFrameOutermostFirst() {
            Programs.Result r = run("def f():\n    return g()\ndef g():\n    return 1 / 0\nf()\n");
            assertEquals("""
                    Traceback (most recent call last):
                      File "prog.py", line 5, in <module>
                        f()
                      File "prog.py", line 2, in f
                        return g()
                               ^^^
                      File "prog.py", line 4, in g
                        return 1 / 0
                               ~~^~~
                    ZeroDivisionError: division by zero
                    """, r.stderr());
        }

        @Test
        void nameErrorInsideAComprehensionShowsItsOwnFrame() {
            Programs.Result r = run("x = [1]\nys = [y for _ in x]\n");
            assertEquals(1, r.exitCode());
            assertEquals("""
                    Traceback (most recent call last):
                      File "prog.py", line 2, in <module>
                        ys = [y for _ in x]
                             ^^^^^^^^^^^^^^
                      File "prog.py", line 2, in <listcomp>
                        ys = [y for _ in x]
                              ^
                    NameError: name 'y' is not defined
                    """, r.stderr());
        }

        @Test
        void aComprehensionInAClassBodyCannotSeeTheClassesNames() {
            Programs.Result r = run("class C:\n    n = 2\n    v = [n for _ in range(n)]\n");
            assertEquals("""
                    Traceback (most recent call last):
                      File "prog.py", line 1, in <module>
                        class C:
                      File "prog.py", line 3, in C
                        v = [n for _ in range(n)]
                            ^^^^^^^^^^^^^^^^^^^^^
                      File "prog.py", line 3, in <listcomp>
                        v = [n for _ in range(n)]
                             ^
                    NameError: name 'n' is not defined
                    """, r.stderr());
        }

        @Test
        void errorInAMultiLineComprehensionIsOnTheElementsLine() {
            Programs.Result r = run("def f():\n    return {\n        k: a[k]\n        for k in range(3)}\na = [1]\nf()\n");
            assertEquals("""
                    Traceback (most recent call last):
                      File "prog.py", line 6, in <module>
                        f()
                      File "prog.py", line 2, in f
                        return {
                               ^
                      File "prog.py", line 3, in <dictcomp>
                        k: a[k]
                           ~^^^
                    IndexError: list index out of range
                    """, r.stderr());
        }

        @Test
        void errorInALambdaNamesTheLambdaFrame() {
            Programs.Result r = run("g = lambda v: v.missing\nprint(g(1))\n");
            assertEquals("""
                    Traceback (most recent call last):
                      File "prog.py", line 2, in <module>
                        print(g(1))
                              ^^^^
                      File "prog.py", line 1, in <lambda>
                        g = lambda v: v.missing
                                      ^^^^^^^^^
                    AttributeError: 'int' object has no attribute 'missing'
                    """, r.stderr());
        }

        @Test
        void outputBeforeTheExceptionIsKept() {
            Programs.Result r = run("print('before')\n[][0]\n");
            assertEquals("before\n", r.stdout());
            assertTrue(r.stderr().endsWith("IndexError: list index out of range\n"), r.stderr());
        }

        @Test
        void unboundLocalUsesThe311Message() {
            Programs.Result r = run("def f():\n    print(x)\n    x = 1\nf()\n");
            assertTrue(r.stderr().endsWith(
                    "UnboundLocalError: cannot access local variable 'x' where it is not associated with a value\n"), r.stderr());
        }

        @Test
        void wrongArgumentCountIsATypeError() {
            Programs.Result r = run("def f(a, b):\n    pass\nf(1)\n");
            assertTrue(r.stderr().endsWith("TypeError: f() missing 1 required positional argument: 'b'\n"), r.stderr());
        }
    }

    @Nested
    class RefusedBeforeRunning {
        @Test
        void unsupportedConstructExitsTwoAndPrintsNothing() {
            Programs.Result r = run("print('never')\nfrom . import m\n");
            assertEquals(2, r.exitCode());
            assertEquals("", r.stdout());
            assertEquals("refgrade: unsupported: relative import at line 2\n", r.stderr());
        }

        @Test
        void importOfAModuleOutsideTheSubsetIsRefused() {
            Programs.Result r = run("print('never')\nimport pickle\n");
            assertEquals(2, r.exitCode());
            assertEquals("", r.stdout());
            assertEquals("refgrade: unsupported: import of module 'pickle' at line 2\n", r.stderr());
        }

        @Test
        void importOfANondeterministicModuleSaysWhy() {
            Programs.Result r = run("from os import path\n");
            assertEquals("refgrade: unsupported: import of module 'os' (it reaches the machine's files, processes or network,"
                    + " which a graded run does not have) at line 1\n", r.stderr());
        }

        @Test
        void syntaxErrorIsReportedAsCPythonDoesAndNothingRuns() {
            Programs.Result r = run("print('never')\nx = (1,\n");
            assertEquals(1, r.exitCode());
            assertEquals("", r.stdout());
            assertTrue(r.stderr().contains("line 2") && r.stderr().endsWith("SyntaxError: '(' was never closed\n"), r.stderr());
        }
    }

    /** A builtin given an argument the simulator does not implement stops the run, naming the argument. */
    @Nested
    class RefusedArguments {
        private void assertRefused(String source, String what) {
            Programs.Result r = run(source);
            assertEquals(2, r.exitCode(), r::stderr);
            assertEquals("", r.stdout());
            assertEquals("refgrade: unsupported: " + what + "\n", r.stderr());
        }

        @Test
        void aStartForStrFindThatIsAnInstanceIsRefused() {
            assertRefused("class I:\n    def __index__(self):\n        return 1\nprint('abc'.find('c', I()))\n",
                    "a slice index that is an instance (its __index__) at line 4");
        }

        @Test
        void aFileForPrintIsRefused() {
            assertRefused("import sys\nprint(1, file=sys)\n", "the 'file' argument of print() at line 2");
        }

        @Test
        void anItertoolsIteratorsPicklingIsRefusedByName() {
            assertRefused("import itertools\nx = itertools.count().__reduce__()\n",
                    "the attribute '__reduce__' of 'itertools.count' objects (not modelled yet) at line 2");
        }

        @Test
        void aDeepcopyMemoThatIsNotADictIsRefused() {
            assertRefused("import copy\ncopy.deepcopy([], [])\n", "copy.deepcopy() with a memo that is not a dict at line 2");
        }

        @Test
        void theCacheParametersLambdaOfAnLruCacheIsRefused() {
            assertRefused("import functools\n@functools.cache\ndef f(x):\n    return x\nprint(f.cache_parameters())\n",
                    "the cache_parameters of an lru_cache wrapper (Lib/functools.py's cache_parameters lambda is not modelled) at line 5");
        }

        @Test
        void copyingAnInstanceWithSlotsIsRefused() {
            assertRefused("import copy\nclass S:\n    __slots__ = ('a',)\ncopy.copy(S())\n",
                    "copy.copy() of an instance of a class with __slots__ at line 4");
        }

        @Test
        void deepcopyOfAClassWithItsOwnReduceIsRefused() {
            assertRefused("import copy\nclass R:\n    def __reduce__(self):\n        return (R, ())\ncopy.deepcopy(R())\n",
                    "copy.deepcopy() of an object whose class defines __reduce__ at line 5");
        }

        @Test
        void aGenerationForGetObjectsIsRefused() {
            assertRefused("import gc\ngc.get_objects(0)\n", "the 'generation' argument of gc.get_objects() at line 2");
        }

        @Test
        void theSizeOfAListWhoseGrowthIsNotModelledIsRefusedNotGuessed() {
            assertRefused("import sys\nclass C:\n    def __iter__(self):\n        return iter([1])\nprint(sys.getsizeof(list(C())))\n",
                    "sys.getsizeof() of a list built in a way whose over-allocation is not modelled at line 5");
        }

        @Test
        void theSizeOfAnInstanceOfAnUnmodelledLayoutIsRefusedNotGuessed() {
            Programs.Result r = Programs.runIsolated("prog.py", "import sys\nclass C:\n    __slots__ = ('a', '__weakref__')\nsys.getsizeof(C())\n",
                    Limits.DEFAULT, PythonVersion.V3_12);
            assertEquals(2, r.exitCode(), r::stderr);
            assertEquals("refgrade: unsupported: sys.getsizeof() of an instance whose __slots__ names __dict__ or __weakref__,"
                    + " on Python 3.12 at line 4\n", r.stderr());
        }

        @Test
        void theSizeOfAnInstanceDerivingFromASlottedClassCountsItsSlotsDictAndWeaklist() {
            assertEquals("40 64\n", run("import sys\nclass C:\n    __slots__ = ('a',)\nclass D(C):\n    pass\n"
                    + "print(sys.getsizeof(C()), sys.getsizeof(D()))\n").stdout());
        }

        @Test
        void aMetaclassOtherThanTypeIsRefusedByName() {
            assertRefused("class Meta(type):\n    pass\nclass A(metaclass=Meta):\n    pass\n",
                    "metaclass=Meta (a metaclass other than type) at line 3");
        }

        @Test
        void metaclassTypeShadowedByAnotherClassIsRefusedWhenTheStatementRuns() {
            assertRefused("class type(type):\n    pass\nprint(1)\nclass A(metaclass=type):\n    pass\n",
                    "metaclass=type (a metaclass other than type) at line 4");
        }

        @Test
        void anAttributeCPythonsTypeHasAndTheSimulatorLacksIsRefused() {
            assertRefused("print('ab'.__getnewargs__())\n", "the attribute '__getnewargs__' of 'str' objects (not modelled yet) at line 1");
        }

        @Test
        void theArgumentsGivenAreCheckedBeforeAnyRefusal() {
            Programs.Result r = run("'abc'.find()\n");
            assertEquals(1, r.exitCode(), r::stderr);
            assertTrue(r.stderr().endsWith("TypeError: find() takes at least 1 argument (0 given)\n"), r.stderr());
        }
    }

    /** A Java exception inside a run is the simulator's bug: it ends that run alone, named, with exit 3. */
    @Nested
    class InternalErrors {
        /** Runs {@code source} with a line hook that fails as a simulator bug would on {@code badLine}. */
        private Programs.Result runFailingAt(String source, int badLine, RuntimeException bug) throws Exception {
            dev.refgrade.python.Module m = dev.refgrade.python.Parser.parse("prog.py", source);
            var rt = new dev.refgrade.runtime.eval.PyRuntime(Limits.DEFAULT, new Output(1 << 20));
            rt.interp.lineHook = (frame, line) -> {
                if (line == badLine) throw bug;
            };
            return Programs.execute(rt, () -> rt.interp.runScript(m, "prog.py"), java.util.List.of(m));
        }

        @Test
        void aJavaExceptionBecomesOneLineOnStderrWithItsLine() throws Exception {
            Programs.Result r = runFailingAt("x = 1\ny = 2\n", 2, new NullPointerException("boom"));
            assertEquals(3, r.exitCode());
            assertEquals("refgrade: internal error: java.lang.NullPointerException: boom at line 2 (please report this bug)\n", r.stderr());
        }

        @Test
        void theLineIsTheOneRunningInsideAFunction() throws Exception {
            Programs.Result r = runFailingAt("def f():\n    return 1\nf()\n", 2, new ClassCastException());
            assertEquals("refgrade: internal error: java.lang.ClassCastException at line 2 (please report this bug)\n", r.stderr());
        }

        @Test
        void theNextRunIsUntouched() throws Exception {
            runFailingAt("x = 1\n", 1, new IllegalStateException());
            Programs.Result next = run("print('fine')\n");
            assertEquals(0, next.exitCode());
            assertEquals("fine\n", next.stdout());
        }

        @Test
        void aLimitKeepsItsOwnMessage() {
            Programs.Result r = run("while True:\n    pass\n", new Limits(1_000, 1_000_000, 1000, 1 << 20, 1_000_000));
            assertEquals(3, r.exitCode());
            assertTrue(r.stderr().startsWith("refgrade: limit: "), r.stderr());
        }
    }

    @Nested
    class Unhashable {
        private void assertUnhashable(String source, String type) {
            Programs.Result r = run(source);
            assertEquals(1, r.exitCode(), r::stderr);
            assertTrue(r.stderr().endsWith("TypeError: unhashable type: '" + type + "'\n"), r.stderr());
        }

        @Test
        void aListIsUnhashable() {
            assertUnhashable("hash([1])\n", "list");
        }

        @Test
        void aTupleHoldingAListIsUnhashable() {
            assertUnhashable("hash((1, [2]))\n", "list");
        }

        @Test
        void aClassDefiningEqWithoutHashIsUnhashable() {
            assertUnhashable("class E:\n    def __eq__(self, other):\n        return True\nhash(E())\n", "E");
        }
    }

    @Nested
    class UnknowableValues {
        @Test
        void printingAnAddressIsFlaggedOnStderr() {
            Programs.Result r = run("x = []\nprint(id(x))\n");
            assertEquals(0, r.exitCode());
            assertTrue(r.stderr().startsWith("refgrade: note: line 2 printed a simulated address"), r.stderr());
        }

        @Test
        void anAddressInHexWithoutItsPrefixIsFlagged() {
            Programs.Result r = run("x = []\nprint(format(id(x), 'x'))\n");
            assertTrue(r.stderr().startsWith("refgrade: note: line 2 printed a simulated address"), r.stderr());
        }

        @Test
        void anAddressWithinOtherTextIsFlagged() {
            Programs.Result r = run("x = []\nprint('at:' + hex(id(x)).upper() + '!')\n");
            assertTrue(r.stderr().startsWith("refgrade: note: line 2 printed a simulated address"), r.stderr());
        }

        @Test
        void hexDigitsThatAreNoAddressPrintWithoutANote() {
            Programs.Result r = run("print('deadbeefcafe', 0x10, '0x', 'x0', 12345678901)\n");
            assertEquals("deadbeefcafe 16 0x x0 12345678901\n", r.stdout());
            assertEquals("", r.stderr());
        }

        @Test
        void theOrderOfASetOfObjectsHashedByAddressIsFlagged() {
            // CPython's order of {None, 0} follows where its build placed None: {0, None} for one, not all.
            Programs.Result r = run("print({None, 0})\n");
            assertTrue(r.stderr().contains("refgrade: note: the output follows where objects live in memory"), r.stderr());
        }

        @Test
        void idsComparedForOrderAreFlagged() {
            Programs.Result r = run("a = []\nb = []\nprint(id(a) < id(b), sorted([a, b], key=id)[0] is a)\n");
            assertTrue(r.stderr().contains("the output follows where objects live in memory"), r.stderr());
        }

        @Test
        void idsComparedForIdentityPrintWithoutANote() {
            Programs.Result r = run("a = []\nb = a\nc = []\nprint(id(a) == id(b), id(a) == id(c), len({id(a), id(b)}))\n");
            assertEquals("True False 1\n", r.stdout());
            assertEquals("", r.stderr());
        }

        @Test
        void aPrintedAddressHasOnlyItsOwnNote() {
            Programs.Result r = run("x = []\nprint(id(x))\nprint(x)\n");
            assertTrue(r.stderr().startsWith("refgrade: note: line 2 printed a simulated address"), r.stderr());
            assertFalse(r.stderr().contains("where objects live"), r.stderr());
        }

        @Test
        void readingTheCountAtAFreedAddressIsFlagged() {
            Programs.Result r = run("import ctypes\nx = [1]\na = id(x)\ndel x\nprint(ctypes.c_long.from_address(a).value)\n");
            assertTrue(r.stderr().startsWith("refgrade: note: line 5 printed a value only CPython's internals fix"), r.stderr());
        }

        @Test
        void theCountOfASharedObjectIsFlagged() {
            Programs.Result r = run("import sys\nprint(sys.getrefcount(None))\n");
            assertTrue(r.stderr().contains("line 2 printed a value only CPython's internals fix"), r.stderr());
        }

        @Test
        void theLengthOfGcGetObjectsIsFlagged() {
            Programs.Result r = run("import gc\nprint(len(gc.get_objects()))\n");
            assertEquals(0, r.exitCode(), r::stderr);
            assertTrue(r.stderr().startsWith("refgrade: note: line 2 printed a value only CPython's internals fix"), r.stderr());
        }

        @Test
        void whatIsInGcGetObjectsIsKnowable() {
            Programs.Result r = run("import gc\nclass C:\n    pass\nc = C()\nprint(c in gc.get_objects(), [] in gc.get_objects())\n");
            assertEquals("True True\n", r.stdout());
            assertEquals("", r.stderr());
        }

        @Test
        void theLengthOfAnOrdinaryListIsKnowable() {
            Programs.Result r = run("print(len([1, 2]))\n");
            assertEquals("", r.stderr());
        }

        @Test
        void aStrHashIsFlaggedAsSeededPerProcess() {
            Programs.Result r = run("print(hash('abc'))\n");
            assertEquals(0, r.exitCode(), r::stderr);
            assertTrue(r.stderr().startsWith("refgrade: note: line 1 printed a value only CPython's internals fix"), r.stderr());
        }

        @Test
        void aTupleHoldingAStrHashesUnknowably() {
            Programs.Result r = run("print(hash((1, 'a')))\n");
            assertTrue(r.stderr().startsWith("refgrade: note: line 1 printed a value only CPython's internals fix"), r.stderr());
        }

        @Test
        void theHashOfNoneIsItsAddress() {
            Programs.Result r = run("print(hash(None))\n");
            assertTrue(r.stderr().startsWith("refgrade: note: line 1 printed a simulated address"), r.stderr());
        }

        @Test
        void theHashOfAnIntPrintsWithoutANote() {
            Programs.Result r = run("print(hash(-1), hash((1, 2.5)))\n");
            assertEquals("-2 396935360214441795\n", r.stdout());
            assertEquals("", r.stderr());
        }

        @Test
        void knowableCountsPrintWithoutANote() {
            Programs.Result r = run("import sys\nx = []\nprint(sys.getrefcount(x))\n");
            assertEquals("2\n", r.stdout());
            assertEquals("", r.stderr());
        }
    }

    @Nested
    class Limits_ {
        @Test
        void endlessLoopStopsAtTheStepLimit() {
            Programs.Result r = run("while True:\n    pass\n", new Limits(10_000, 1_000_000, 1000, 1 << 20, 1_000_000));
            assertEquals(3, r.exitCode());
            assertTrue(r.stderr().startsWith("refgrade: limit: the program ran more than 10000 steps"), r.stderr());
        }

        @Test
        void runawayRecursionRaisesRecursionError() {
            Programs.Result r = run("def f(n):\n    return f(n + 1)\nf(0)\n");
            assertEquals(1, r.exitCode());
            assertTrue(r.stderr().endsWith("RecursionError: maximum recursion depth exceeded\n"), r.stderr());
        }

        @Test
        void hugeListIsStoppedBeforeItIsBuilt() {
            Programs.Result r = run("x = [0] * 10**9\n");
            assertEquals(3, r.exitCode());
            assertTrue(r.stderr().startsWith("refgrade: limit: the program built a sequence"), r.stderr());
        }

        @Test
        void printFloodStopsAtTheOutputLimit() {
            Programs.Result r = run("while True:\n    print('x' * 100)\n", new Limits(100_000_000, 1_000_000, 1000, 10_000, 1_000_000));
            assertEquals(3, r.exitCode());
            assertTrue(r.stderr().startsWith("refgrade: limit: the program printed more than 10000 characters"), r.stderr());
        }

        @Test
        void tooManyLiveObjectsStopTheRun() {
            Programs.Result r = run("keep = []\nwhile True:\n    keep.append([])\n", new Limits(100_000_000, 5_000, 1000, 1 << 20, 1_000_000));
            assertEquals(3, r.exitCode());
            assertTrue(r.stderr().startsWith("refgrade: limit: the program created more than 5000 live objects"), r.stderr());
        }
    }

    @Nested
    class DeepStacks {
        @Test
        void theResultsComeInTheWorksOrder() {
            List<Callable<Integer>> work = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                work.add(() -> n * n);
            }
            assertEquals(IntStream.range(0, 20).map(i -> i * i).boxed().toList(), Programs.onDeepStacks(work));
        }
    }
}
