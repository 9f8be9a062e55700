package dev.refgrade.exercise;

import static dev.refgrade.exercise.Fixtures.key;
import static dev.refgrade.exercise.Fixtures.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refgrade.runtime.HeapGraph;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each answer kind is keyed from the simulator's run of the program with the question's probe. */
class AnswerKindsTest {
    static final String PROGRAM = """
            id: ex
            title: T
            capture:
              - {name: h, after: 2, expr: a}
            code: |
              import sys
              a = [1, 2]
              b = a
              del a
              s = 'x' * 3
              b = None
            questions:
            """;

    @Nested
    class Probes {
        @Test
        void intIsTheProbedValue() {
            assertEquals(new Answer.IntAnswer(BigInteger.valueOf(3)),
                    key(PROGRAM + "  - {id: q, prompt: p, answer: int, after: 3, expr: sys.getrefcount(b)}\n", "q"));
        }

        @Test
        void boolIsTheProbedValue() {
            assertEquals(new Answer.BoolAnswer(true), key(PROGRAM + "  - {id: q, prompt: p, answer: bool, after: 3, expr: a is b}\n", "q"));
        }

        @Test
        void aProbeWithAComprehensionIsOneRunOfItsLine() {
            assertEquals(new Answer.TextAnswer("[2, 4]"), key(PROGRAM + "  - {id: q, prompt: p, answer: text, after: 2, expr: \"[x * 2 for x in a]\"}\n", "q"));
        }

        @Test
        void aProbeWithAGeneratorExpressionIsOneRunOfItsLine() {
            assertEquals(new Answer.BoolAnswer(true), key(PROGRAM + "  - {id: q, prompt: p, answer: bool, after: 3, expr: \"all(x is y for x, y in zip(a, b))\"}\n", "q"));
        }

        @Test
        void aProbeWithALambdaIsOneRunOfItsLine() {
            assertEquals(new Answer.TextAnswer("[2, 1]"), key(PROGRAM + "  - {id: q, prompt: p, answer: text, after: 3, expr: \"sorted(b, key=lambda v: -v)\"}\n", "q"));
        }

        @Test
        void textOfAStrIsItsValueNotItsRepr() {
            assertEquals(new Answer.TextAnswer("xxx"), key(PROGRAM + "  - {id: q, prompt: p, answer: text, after: 5, expr: s}\n", "q"));
        }

        @Test
        void textOfAnyOtherValueIsItsRepr() {
            assertEquals(new Answer.TextAnswer("[1, 2]"), key(PROGRAM + "  - {id: q, prompt: p, answer: text, after: 3, expr: b}\n", "q"));
        }

        @Test
        void choiceListsTheTrueChoices() {
            assertEquals(new Answer.ChoiceAnswer(List.of(0, 2)), key(PROGRAM + """
                      - id: q
                        prompt: p
                        answer: choice
                        after: 3
                        choices: [a is b, "len(b) == 3", refcount(h) == 2]
                    """, "q"));
        }

        @Test
        void aliveFollowsTheCapturedObjectWithoutKeepingIt() {
            assertEquals(new Answer.BoolAnswer(false), key(PROGRAM + "  - {id: q, prompt: p, answer: bool, after: 6, expr: alive(h)}\n", "q"));
        }
    }

    @Nested
    class WholeRuns {
        @Test
        void outputIsEverythingTheProgramPrints() {
            assertEquals(new Answer.OutputAnswer("1\n2\n"), key("""
                    id: ex
                    title: T
                    code: |
                      print(1)
                      print(2)
                    questions:
                      - {id: q, prompt: p, answer: output}
                    """, "q"));
        }

        @Test
        void refcountLinesAreTheStudentsLinesWhereTheCountChanged() {
            assertEquals(new Answer.LinesAnswer(List.of(3, 4, 6)),
                    key(PROGRAM + "  - {id: q, prompt: p, answer: lines, track: h, event: refcount}\n", "q"));
        }

        @Test
        void freedLineIsWhereTheLastReferenceWent() {
            assertEquals(new Answer.LinesAnswer(List.of(6)),
                    key(PROGRAM + "  - {id: q, prompt: p, answer: lines, track: h, event: freed}\n", "q"));
        }

        @Test
        void heapIsTheGraphReachableFromTheNames() {
            Answer a = key("""
                    id: ex
                    title: T
                    code: |
                      inner = [7]
                      outer = [inner, inner]
                    questions:
                      - {id: q, prompt: p, answer: heap, after: 2, names: [outer, inner]}
                    """, "q");
            HeapGraph g = ((Answer.HeapAnswer) a).graph();
            assertEquals(0, g.names().get("outer"));
            assertEquals(1, g.names().get("inner"));
            assertEquals(List.of(new HeapGraph.Ref("[0]", 1), new HeapGraph.Ref("[1]", 1)), g.objects().get(0).refs());
            assertEquals(3L, g.objects().get(1).refcount());
            assertEquals("7", g.objects().get(2).value());
            assertTrue(g.objects().get(2).refcount() == null, "a small int's count is CPython's business");
        }
    }

    @Nested
    class Unknowable {
        @Test
        void anAddressIsRefusedWithAKnowableAlternative() {
            String p = problem(PROGRAM + "  - {id: q, prompt: p, answer: int, after: 3, expr: id(b)}\n");
            assertTrue(p.contains("cannot be keyed: its answer shows a concrete address") && p.contains("id(a) == id(b)"), p);
        }

        @Test
        void comparingTwoAddressesIsKnowable() {
            assertEquals(new Answer.BoolAnswer(true), key(PROGRAM + "  - {id: q, prompt: p, answer: bool, after: 3, expr: id(a) == id(b)}\n", "q"));
        }

        @Test
        void theCountOfASmallIntIsRefused() {
            String p = problem(PROGRAM + "  - {id: q, prompt: p, answer: int, after: 3, expr: sys.getrefcount(1)}\n");
            assertTrue(p.contains("an object the interpreter itself shares"), p);
        }

        @Test
        void theOrderOfASetOfStringsIsRefused() {
            String p = problem(PROGRAM + "  - {id: q, prompt: p, answer: text, after: 5, expr: \"list({'alpha', 'beta', 'gamma', 'delta'})\"}\n");
            assertTrue(p.contains("string hashes"), p);
        }

        /** Objects made one after another, whose addresses and hashes a question may put in order. */
        static final String OBJECTS = "id: ex\ntitle: T\ncode: |\n  class A:\n      pass\n  a = A()\n  x = [A(), A(), A(), A()]\nquestions:\n";

        @Test
        void theOrderOfTwoAddressesIsRefused() {
            // Under a random other placement, the order of two addresses stays half the time.
            for (String pair : new String[] {"x[0]) < id(x[1]", "x[1]) < id(x[2]", "x[2]) < id(x[3]", "a) < id(x[0]"}) {
                String p = problem(OBJECTS + "  - {id: q, prompt: p, answer: bool, after: 4, expr: \"id(" + pair + ")\"}\n");
                assertTrue(p.contains("an order that follows addresses"), pair + ": " + p);
            }
        }

        @Test
        void theOrderOfASetOfTwoObjectsIsRefused() {
            String p = problem(OBJECTS + "  - {id: q, prompt: p, answer: bool, after: 4, expr: \"list({a, x[0]})[0] is a\"}\n");
            assertTrue(p.contains("an order that follows addresses"), p);
        }

        @Test
        void theOrderOfASmallSetOfStringsIsRefused() {
            for (String set : new String[] {"'one', 'two'", "'apple', 'pear'", "'up', 'down'", "'a', 'b'"}) {
                String p = problem(OBJECTS + "  - {id: q, prompt: p, answer: text, after: 4, expr: \"str({" + set + "})\"}\n");
                assertTrue(p.contains("string hashes"), set + ": " + p);
            }
        }

        @Test
        void theOrderObjectsInASetAreFreedInIsRefused() {
            // No address is printed: the set's table, placed by the objects' address hashes, orders the __del__ calls.
            String p = problem("id: ex\ntitle: T\ncode: |\n  class A:\n      def __init__(self, n):\n          self.n = n\n"
                    + "      def __del__(self):\n          print(self.n)\n  s = {A(1), A(2), A(3), A(4)}\n  del s\n"
                    + "questions:\n  - {id: q, prompt: p, answer: output}\n");
            assertTrue(p.contains("cannot be keyed"), p);
        }

        @Test
        void outputThatPrintsAnAddressIsRefused() {
            String p = problem("id: ex\ntitle: T\ncode: |\n  a = []\n  print(hex(id(a)))\nquestions:\n  - {id: q, prompt: p, answer: output}\n");
            assertTrue(p.contains("concrete address"), p);
        }
    }
}
