package dev.refgrade.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refgrade.runtime.PythonVersion;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What a 32-bit WebAssembly CPython cannot speak for is reported as not checkable, neither agreeing
 * nor disagreeing; native 64-bit CPython speaks for everything.
 */
class NotCheckableTest {
    static final String EXERCISE = """
            id: ex
            title: T
            code: |
              import sys
              a = [1]
              b = [2]
              c = a
            questions:
              - {id: same, prompt: p, answer: bool, after: 4, expr: id(a) == id(c)}
              - {id: count, prompt: p, answer: int, after: 4, expr: sys.getrefcount(a)}
              - {id: alias, prompt: p, answer: bool, after: 4, expr: a is c}
              - {id: hashes, prompt: p, answer: bool, after: 4, expr: hash(object()) == hash(object())}
            """;

    static Keyer.Probed probe(String question) {
        Exercises.Variant v = Fixtures.check(EXERCISE).variants().get(0);
        return v.probed().stream().filter(p -> p.question().equals(question)).findFirst().orElseThrow();
    }

    /** Never started: which facts are checkable is decided without running anything. */
    static CPython wasm(PythonVersion v) {
        return new WasmCPython(Path.of("run.mjs"), v, v.text() + ".0");
    }

    static final CPython NATIVE = new NativeCPython("python3", "Python 3.11.7");

    @Nested
    class FreedAddressReuse {
        @Test
        void anIdComparisonFrom313OnIsNotCheckableBeforeAnyRun() {
            Keyer.Probed p = probe("same");
            String why = NotCheckable.before(wasm(PythonVersion.V3_13), p.program(), p);
            assertTrue(why.startsWith("not checkable on Python 3.13.0 (WebAssembly, 32-bit): which freed address"), why);
        }

        @Test
        void on312ItIsCompared() {
            Keyer.Probed p = probe("same");
            assertNull(NotCheckable.before(wasm(PythonVersion.V3_12), p.program(), p));
        }

        @Test
        void anAddressHashedIntoTheAnswerIsNotCheckableEither() {
            // No id( in the probe: the simulator's run saw the address through object's hash.
            Keyer.Probed p = probe("hashes");
            String why = NotCheckable.before(wasm(PythonVersion.V3_13), p.program(), p);
            assertTrue(why != null && why.contains("which freed address"), String.valueOf(why));
        }

        @Test
        void aProbeWithoutIdIsCompared() {
            Keyer.Probed p = probe("alias");
            assertNull(NotCheckable.before(wasm(PythonVersion.V3_14), p.program(), p));
        }
    }

    @Nested
    class ImmortalCounts {
        @Test
        void aCountThatOnlyAnImmortalObjectHasIsNotCheckable() {
            Keyer.Probed p = probe("count");
            String why = NotCheckable.after(wasm(PythonVersion.V3_12), p.program(), p, "1073741824", false);
            assertTrue(why.endsWith("the count of an immortal object (PEP 683) depends on the word size"), why);
        }

        @Test
        void aCountReadThroughRefcountOfAnImmortalCaptureIsNotCheckable() {
            Keyer.Probed p = probe("alias");
            assertTrue(NotCheckable.after(wasm(PythonVersion.V3_14), p.program(), p, "True", true).contains("immortal"));
        }

        @Test
        void anOrdinaryCountIsCompared() {
            Keyer.Probed p = probe("count");
            assertNull(NotCheckable.after(wasm(PythonVersion.V3_12), p.program(), p, "3", false));
        }
    }

    @Test
    void native64BitCPythonSpeaksForEverything() {
        for (String q : List.of("same", "count", "alias")) {
            Keyer.Probed p = probe(q);
            assertNull(NotCheckable.before(NATIVE, p.program(), p));
            assertNull(NotCheckable.after(NATIVE, p.program(), p, "1073741824", true));
        }
        assertEquals(PythonVersion.V3_11, NATIVE.version());
    }
}
