package dev.refgrade.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** `trace` reports, per line, allocations, frees and count changes with the references behind them. */
class TraceTest {
    /** Addresses are the simulator's own; the golden files compare everything else. */
    private static String trace(String source) {
        return Trace.run("prog.py", source, Limits.DEFAULT).replaceAll("0x[0-9a-f]+", "0x…");
    }

    @TestFactory
    Stream<DynamicTest> goldenTraces() throws IOException {
        Path dir = Path.of("src/test/resources/trace");
        return Files.list(dir).filter(p -> p.toString().endsWith(".py")).sorted().map(py -> DynamicTest.dynamicTest(
                py.getFileName().toString(), () -> assertEquals(
                        Files.readString(Path.of(py.toString().replace(".py", ".trace")), StandardCharsets.UTF_8),
                        trace(Files.readString(py, StandardCharsets.UTF_8)))));
    }

    @Nested
    class Causes {
        @Test
        void bindingANameIsNamedAsTheCause() {
            assertTrue(trace("a = []\nb = a\n").contains("list [] at 0x…: refcount 1 -> 2  (+ global name 'b')"));
        }

        @Test
        void aCallsArgumentShowsOnlyInsideTheCall() {
            String t = trace("def f(o):\n    return 0\nx = []\nf(x)\nprint(1)\n");
            assertTrue(t.contains("(+ local name 'o' of f())"), t);
            assertTrue(t.contains("line 5: print(1)\n    prints: 1\n"), t);
        }

        @Test
        void aFreedObjectNamesItsLastReference() {
            assertTrue(trace("a = [1]\na = None\n").contains("freed list at 0x…  (its last reference was global name 'a')"));
        }

        @Test
        void literalConstantsShowTheParseTreeAndCoConsts() {
            String t = trace("x = 1000\ny = x\n");
            assertTrue(t.contains("int 1000 at 0x…: refcount 3 -> 4  (+ global name 'y')"), t);
        }
    }

    @Nested
    class OwnWork {
        @Test
        void describingAViewThatAllocatesDoesNotStopTheTrace() {
            String t = trace("d = {'a': 1}\nks = d.keys()\nprint(1)\n");
            assertTrue(t.contains("line 3: print(1)\n    prints: 1\n"), t);
        }

        @Test
        void allocationsMadeToDescribeObjectsAreNotReported() {
            String t = trace("d = {'a': 1}\nks = d.keys()\nprint(1)\n");
            assertFalse(t.contains("dict_keyiterator"), t);
        }
    }

    /** The structured recording a visualiser steps through: the graph after each line, and the ids events point at. */
    @Nested
    class Recording {
        private Trace.Recording record(String source, int maxLines) {
            return Trace.record("prog.py", source, Limits.DEFAULT, true, maxLines, Integer.MAX_VALUE);
        }

        @Test
        void eachLineCarriesTheGraphAfterItAndEventsPointIntoIt() {
            Trace.Line second = record("a = [1]\nb = a\n", 100).lines().get(1);
            StackGraph heap = second.heap();
            assertEquals(1, heap.frames().size());
            assertEquals("<module>", heap.frames().get(0).function());
            int list = heap.frames().get(0).names().get("a");
            assertEquals(list, heap.frames().get(0).names().get("b"));
            assertEquals(2L, heap.objects().get(list).refcount());
            Trace.Event change = second.events().get(0);
            assertEquals(Trace.Kind.COUNT, change.kind());
            assertEquals(list, change.node());
            assertEquals(java.util.List.of("global name 'b'"), change.gained());
        }

        @Test
        void aCycleNoNameReachesIsDrawnAsUnreachableWithItsCounts() {
            var lines = record("import gc\ngc.disable()\na = []\nb = [a]\na.append(b)\na = b = None\ngc.collect()\n", 100).lines();
            StackGraph leaked = lines.get(5).heap();
            assertEquals(2, leaked.unreachable().size(), leaked.toString());
            for (int id : leaked.unreachable()) {
                assertEquals("list", leaked.objects().get(id).type());
                assertEquals(1L, leaked.objects().get(id).refcount(), "each held only by the other");
            }
            assertEquals(java.util.List.of(), lines.get(6).heap().unreachable(), "collected");
        }

        @Test
        void aCallShowsItsFrameWithItsLocals() {
            var lines = record("def f(o):\n    y = o\n    return 0\nx = []\nf(x)\n", 100).lines();
            Trace.Line inF = lines.stream().filter(l -> "f".equals(l.function()) && l.line() == 2).findFirst().orElseThrow();
            var frames = inF.heap().frames();
            assertEquals(java.util.List.of("<module>", "f"), frames.stream().map(StackGraph.FrameNames::function).toList());
            assertEquals(frames.get(0).names().get("x"), frames.get(1).names().get("y"));
        }

        @Test
        void pastTheLineLimitTheProgramRunsOnUnrecorded() {
            var rec = record("i = 0\nwhile i < 100:\n    i += 1\nprint(i)\n", 10);
            assertEquals(10, rec.lines().size());
            assertTrue(rec.truncated());
            assertEquals("100\n", rec.end().stdout());
        }

        @Test
        void pastTheDrawingBudgetTheProgramRunsOnUnrecorded() {
            var rec = Trace.record("prog.py", "a = []\nfor _ in range(50):\n    a.append([])\nprint(len(a))\n", Limits.DEFAULT, true, 100, 60);
            assertTrue(rec.truncated());
            assertTrue(rec.lines().stream().mapToInt(l -> l.heap().objects().size()).sum() < 60 + 52, "stops at the first line past the budget");
            assertEquals("50\n", rec.end().stdout());
        }

        @Test
        void anUncaughtExceptionEndsTheRecordingAtItsLine() {
            var rec = record("a = 1\nb = c\n", 100);
            assertEquals(1, rec.end().exitCode());
            assertTrue(rec.end().stderr().endsWith("NameError: name 'c' is not defined\n"), rec.end().stderr());
            assertEquals(2, rec.lines().get(1).line());
            assertTrue(trace("a = 1\nb = c\n").contains("stopped by NameError: name 'c' is not defined"));
        }

        @Test
        void aSyntaxErrorHasItsPosition() {
            var rec = record("x = 1\ny = (\n", 100);
            assertEquals(2, rec.syntax().line());
            assertTrue(rec.lines().isEmpty());
        }
    }
}
