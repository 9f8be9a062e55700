package dev.refgrade.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refgrade.python.Module;
import dev.refgrade.python.Parser;
import dev.refgrade.runtime.eval.PyRuntime;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Builtin types, builtin functions, None and the small ints are static objects that every run in
 * the JVM shares (issue 19, finding 1): nothing one run attaches to them may reach another run.
 */
class SharedStateTest {
    /** A run that hangs weak references, callbacks and finalizers on shared objects, then loops until a limit stops it. */
    private static final String ATTACHING = """
            import weakref
            kept = list(range(2000))
            def callback(ref):
                print("callback", len(kept))
            refs = [weakref.ref(int, callback), weakref.ref(len, callback), weakref.ref(type), weakref.ref(object, callback)]
            fin = weakref.finalize(int, print, "finalized")
            ws = weakref.WeakSet([int, str])
            while True:
                pass
            """;
    private static final Limits SMALL = new Limits(50_000, 10_000, 100, 1 << 16, 100_000, 60_000);

    private static Programs.Result run(String source) {
        return Programs.run("prog.py", source, SMALL);
    }

    private static void assertStopped(Programs.Result r) {
        assertEquals(3, r.exitCode(), r.stderr());
        assertEquals("refgrade: limit: the program ran more than 50000 steps (an endless loop?)\n", r.stderr());
    }

    @Nested
    class AFreshRun {
        @Test
        void seesNoWeakReferenceThatAStoppedRunAttachedToABuiltin() {
            assertStopped(run(ATTACHING));
            Programs.Result later = run("""
                    import weakref
                    print(weakref.getweakrefcount(int), weakref.getweakrefcount(len),
                          weakref.getweakrefcount(type), weakref.getweakrefcount(object))
                    """);
            assertEquals("0 0 0 0\n", later.stdout(), later.stderr());
        }

        @Test
        void runsNoCallbackOrFinalizerOfAnotherRun() {
            assertStopped(run(ATTACHING));
            Programs.Result later = run("print('alone')\n");
            assertEquals("alone\n", later.stdout());
            assertEquals("", later.stderr());
        }

        @Test
        void hasItsOwnIntStringDigitLimit() {
            assertEquals(3, run("import sys\nsys.set_int_max_str_digits(0)\nwhile True:\n    pass\n").exitCode());
            assertEquals("4300\n", run("import sys\nprint(sys.get_int_max_str_digits())\n").stdout());
        }
    }

    @Nested
    class StoppedRuns {
        /**
         * Each run is stopped by its step limit while its objects are attached to int, len, type and
         * object; once every run is over, nothing the JVM keeps (the statics) may still reach any of
         * their heaps. Measured directly: a weak Java reference to each run's global namespace must
         * be cleared by the collector.
         */
        @Test
        void retainNothingOnceOver() throws Exception {
            Module module = Parser.parse("prog.py", ATTACHING);
            List<WeakReference<Object>> runs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                PyRuntime rt = new PyRuntime(SMALL, new Output(SMALL.maxOutputBytes()));
                Programs.Result r = Programs.execute(rt, () -> rt.interp.runScript(module, "prog.py"), List.of(module));
                assertStopped(r);
                runs.add(new WeakReference<>(rt.interp.mainGlobals));
            }
            for (int attempt = 0; attempt < 20 && runs.stream().anyMatch(w -> w.get() != null); attempt++) {
                System.gc();
                Thread.sleep(20);
            }
            long retained = runs.stream().filter(w -> w.get() != null).count();
            assertEquals(0, retained, "runs whose namespace is still reachable after they ended");
        }
    }

    @Nested
    class SharedObjects {
        @Test
        void aBuiltinTypeRefusesNewAttributesAsCPythonDoes() {
            Programs.Result r = run("int.x = 1\n");
            assertEquals(1, r.exitCode());
            assertTrue(r.stderr().endsWith("TypeError: cannot set 'x' attribute of immutable type 'int'\n"), r.stderr());
        }
    }
}
