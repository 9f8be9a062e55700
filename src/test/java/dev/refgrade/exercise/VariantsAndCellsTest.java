package dev.refgrade.exercise;

import static dev.refgrade.exercise.Fixtures.check;
import static dev.refgrade.exercise.Fixtures.problem;
import static dev.refgrade.exercise.Fixtures.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.refgrade.runtime.PythonVersion;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class VariantsAndCellsTest {
    static final String VARIANTS = """
            id: ex
            title: Is {{n}} shared?
            params:
              n: [10, 257]
            code: |
              a = {{n}}
              b = int('{{n}}')
            questions:
              - {id: q, prompt: "After line 2, is a is b for {{n}}?", answer: bool, after: 2, expr: a is b}
            """;

    static final String CELLS = """
            id: ex
            title: T
            profile: cells
            cells:
              - |
                import sys
                a = 1000
              - |
                sys.getrefcount(a)
              - |
                b = [a]
                print(len(b))
                b
            questions:
              - {id: display, prompt: p, answer: output, cell: 2}
              - {id: own, prompt: p, answer: int, after_cell: 1, expr: sys.getrefcount(a)}
              - {id: inner, prompt: p, answer: int, cell: 3, after: 1, expr: len(b)}
              - {id: printed, prompt: p, answer: output, cell: 3}
            """;

    @Nested
    class Variants {
        @Test
        void everyCombinationIsKeyedOnItsOwn() {
            var c = check(VARIANTS);
            assertTrue(c.valid(), c.problems().toString());
            assertEquals(List.of(Map.of("n", "10"), Map.of("n", "257")), c.variants().stream().map(Exercises.Variant::params).toList());
            assertEquals(new Answer.BoolAnswer(true), c.variants().get(0).answers().get("q"));
            assertEquals(new Answer.BoolAnswer(false), c.variants().get(1).answers().get("q"));
        }

        @Test
        void placeholdersAreReplacedInPromptsAndTitlesToo() {
            var v = check(VARIANTS).variants().get(1).exercise();
            assertEquals("Is 257 shared?", v.title());
            assertEquals("After line 2, is a is b for 257?", v.questions().get(0).prompt());
        }

        @Test
        void aStudentAlwaysGetsTheSameVariant() {
            var c = check(VARIANTS);
            assertEquals(c.variantFor("cs101", "ada").params(), c.variantFor("cs101", "ada").params());
        }

        @Test
        void studentsAreSpreadOverTheVariants() {
            var c = check(VARIANTS);
            Set<Map<String, String>> seen = new HashSet<>();
            for (int i = 0; i < 40; i++) seen.add(c.variantFor("cs101", "student" + i).params());
            assertEquals(2, seen.size());
        }

        /** Issue 19, finding 7: a short draft once asked for 10^8 combinations and exhausted memory. */
        @Test
        void moreCombinationsThanTheLimitAreAProblemAtParamsBeforeAnyIsMade() {
            StringBuilder params = new StringBuilder("params:\n");
            for (char name = 'a'; name <= 'h'; name++) params.append("  ").append(name).append(": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]\n");
            String yaml = "id: ex\ntitle: T\ncode: |\n  x = {{a}}\n" + params + "questions:\n  - {id: q, prompt: p, answer: output}\n";
            assertEquals("ex.yaml:6:3: the parameters make 100000000 variants; an exercise has at most " + Exercises.MAX_VARIANTS
                    + " (each is keyed by simulated runs)", problem(yaml));
        }

        @Test
        void exactlyTheLimitIsFine() {
            String values = "[" + String.join(", ", java.util.stream.IntStream.range(0, Exercises.MAX_VARIANTS).mapToObj(Integer::toString).toList()) + "]";
            var c = check("id: ex\ntitle: T\ncode: |\n  x = {{n}}\nparams:\n  n: " + values + "\nquestions:\n  - {id: q, prompt: p, answer: output}\n");
            assertEquals(Exercises.MAX_VARIANTS, c.variants().size(), c.problems().toString());
        }

        @Test
        void aProblemInOneVariantNamesTheVariant() {
            var c = check(VARIANTS.replace("expr: a is b", "expr: a + b"));
            assertEquals(1, c.problems().size());
            assertTrue(c.problems().get(0).message().startsWith("in variant n=10: 'a + b' gives 20, not True or False"), c.problems().toString());
        }
    }

    @Nested
    class Cells {
        @Test
        void aCellDisplaysItsLastExpression() {
            assertEquals(new Answer.OutputAnswer("2\n"), key(CELLS, "display"));
        }

        @Test
        void aLiteralLivesOnlyAsLongAsItsCellsCode() {
            // After cell 1, 1000 is held by the name alone: the cell's code object is gone.
            assertEquals(new Answer.IntAnswer(BigInteger.TWO), key(CELLS, "own"));
        }

        @Test
        void aProbeInsideACellRunsAfterThatLine() {
            assertEquals(new Answer.IntAnswer(BigInteger.ONE), key(CELLS, "inner"));
        }

        @Test
        void aCellsOutputIsWhatItPrintsThenWhatItDisplays() {
            assertEquals(new Answer.OutputAnswer("1\n[1000]\n"), key(CELLS, "printed"));
        }

        @Test
        void aCellThatDoesNotExistIsAnError() {
            String p = Fixtures.problem(CELLS.replace("after_cell: 1", "after_cell: 9"));
            assertTrue(p.endsWith("there is no cell 9; the exercise has 3 cells"), p);
        }
    }

    @Nested
    class AgainstCPython {
        static CPythonCheck nativeCheck() {
            try {
                return new CPythonCheck(CPython.find(PythonVersion.V3_11, "python3"));
            } catch (CPython.Unavailable e) {
                assumeTrue(false, e.getMessage());
                return null;
            }
        }
        @Test
        void realCPythonAgreesWithTheKeys() throws Exception {
            CPythonCheck cpython = nativeCheck();
            for (String yaml : List.of(VARIANTS, CELLS, AnswerKindsTest.PROGRAM
                    + "  - {id: q, prompt: p, answer: bool, after: 4, expr: alive(h)}\n  - {id: r, prompt: p, answer: int, after: 3, expr: refcount(h)}\n")) {
                for (Exercises.Variant v : check(yaml).variants()) assertEquals(new CPythonCheck.Outcome(List.of(), List.of()), cpython.compare(v));
            }
        }

        @Test
        void aWrongKeyIsReportedAsADisagreement() throws Exception {
            CPythonCheck cpython = nativeCheck();
            Exercises.Variant v = check(CELLS).variants().get(0);
            List<Keyer.Probed> tampered = new ArrayList<>();
            for (Keyer.Probed p : v.probed()) {
                tampered.add(p.question().equals("own") ? new Keyer.Probed(p.question(), p.program(), p.hit(), "3", p.kind(), p.cell(), p.observed()) : p);
            }
            List<String> found = cpython.compare(new Exercises.Variant(v.params(), v.exercise(), v.answers(), tampered)).disagreements();
            assertEquals(List.of("own: the simulator says 3, CPython says 2"), found);
            assertNotEquals(List.of(), found);
        }
    }
}
