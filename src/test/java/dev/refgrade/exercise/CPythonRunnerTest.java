package dev.refgrade.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refgrade.runtime.PythonVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The truth source, not the simulator: tools/cpython-wasm/run.mjs must run a file on pyodide's
 * CPython exactly as `python3 FILE.py` does. Calibration: on 3.11.3 it reproduces native 3.11.7's
 * recorded outputs, and on 3.12-3.14 the outputs recorded in ../shared/conformance/versions/.
 * A program costs one Node process, ~3.5 s of CPU (the whole corpus, 164 programs, ~10 CPU-minutes
 * per version), so the suite runs a fixed sample that touches each thing the runner must get right:
 * the parse tree's references to constants while the script runs (constants_05), finalisers at
 * exit (finalizers_09), start-up garbage collected before the program (cycles_gc_07, which is also
 * where 3.13 differs) and 3.14's own differences (constants_05, functions_12);
 * tools/cpython-wasm/calibrate.sh runs the whole corpus on every version (docs/PERFORMANCE.md).
 */
class CPythonRunnerTest {
    static final Path CASES = Path.of(System.getProperty("refgrade.conformance", "../shared/conformance/cases"));

    static final Map<PythonVersion, List<String>> SAMPLE = Map.of(
            PythonVersion.V3_11, List.of("constants_05_tuple_literal", "finalizers_09_alive_at_exit"),
            PythonVersion.V3_12, List.of("seed_01_notebook"),
            PythonVersion.V3_13, List.of("cycles_gc_07_materialized_dicts_counted"),
            PythonVersion.V3_14, List.of("constants_05_tuple_literal", "functions_12_locals_freed_in_order"));

    static ExecutorService pool;

    @BeforeAll
    static void twoAtATime() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    static WasmCPython cpython(PythonVersion v) {
        Path runner = WasmCPython.locate();
        assertNotNull(runner, "tools/cpython-wasm/run.mjs not found");
        Path pkg = runner.resolveSibling("node_modules").resolve("pyodide-" + v.text().replace(".", ""));
        assertTrue(Files.isDirectory(pkg), "not installed: " + pkg + " (bash tools/cpython-wasm/install.sh; the build runs it)");
        // The full version is asked only by check; here the package fixes it.
        return new WasmCPython(runner, v, v.text());
    }

    static Path truth(PythonVersion v, String name) {
        return v == PythonVersion.V3_11 ? CASES.resolve(name + ".out") : CASES.resolveSibling("versions").resolve(v.text()).resolve(name + ".out");
    }

    @TestFactory
    Stream<DynamicTest> theSampleReproducesTheRecordedOutputsOfEveryVersion() {
        // Every run starts now, two at a time; each test waits for its own.
        record Pending(PythonVersion v, String name, Future<CPython.Run> run) {}
        List<Pending> pending = Stream.of(PythonVersion.values()).flatMap(v -> SAMPLE.get(v).stream().map(name -> new Pending(v, name,
                pool.submit(() -> cpython(v).run(CASES.resolve(name + ".py"), CASES, Map.of()))))).toList();
        return pending.stream().map(p -> DynamicTest.dynamicTest(p.v() + " " + p.name(), () -> {
            CPython.Run r = p.run().get();
            assertNotNull(r, "did not finish");
            assertEquals(new CPython.Run(Files.readString(truth(p.v(), p.name()), StandardCharsets.UTF_8), "", 0), r);
        }));
    }

    @Nested
    class AsPython3Runs {
        @TempDir
        Path dir;

        CPython.Run both(PythonVersion v, String source) throws IOException {
            Path main = Files.writeString(dir.resolve("main.py"), source);
            CPython.Run wasm = cpython(v).run(main, dir, Map.of());
            CPython.Run nativeRun = CPython.exec(List.of("python3", main.toString()), dir, Map.of(), List.of(), 20);
            assertEquals(nativeRun, wasm);
            return wasm;
        }

        @Test
        void sysExitFinalisesThenExitsWithItsCode() throws IOException {
            // pyodide >= 0.27 starts CPython as `python -i`; the runner must still exit as a script does.
            CPython.Run r = both(PythonVersion.V3_13, """
                    import sys
                    class D:
                        def __del__(self):
                            print("finalised at exit")
                    d = D()
                    print("before")
                    sys.exit(3)
                    """);
            assertEquals(new CPython.Run("before\nfinalised at exit\n", "", 3), r);
        }

        @Test
        void checkRunsProbesThroughTheRunner() throws IOException {
            // The probe helpers come in as sitecustomize.py through PYTHONPATH, and the probe's answer
            // goes to a file outside the wasm sandbox; a list's count is the same on 3.11 and 3.12.
            Exercises.Variant v = Fixtures.check(AnswerKindsTest.PROGRAM
                    + "  - {id: r, prompt: p, answer: int, after: 3, expr: refcount(h)}\n").variants().get(0);
            CPythonCheck check = new CPythonCheck(cpython(PythonVersion.V3_12));
            assertEquals(new CPythonCheck.Outcome(List.of(), List.of()), check.compare(v));
        }

        @Test
        void anUncaughtExceptionPrintsItsTracebackAndExitsOne() throws IOException {
            Path main = Files.writeString(dir.resolve("main.py"), "print('before')\nraise ValueError('boom')\n");
            CPython.Run r = cpython(PythonVersion.V3_12).run(main, dir, Map.of());
            assertEquals(1, r.exit());
            assertEquals("before\n", r.stdout());
            assertEquals("Traceback (most recent call last):\n  File \"" + main.toAbsolutePath() + "\", line 2, in <module>\n"
                    + "    raise ValueError('boom')\nValueError: boom\n", r.stderr());
        }
    }
}
