package dev.refgrade.grading;

import static dev.refgrade.grading.DiagnosisFixtures.exercise;
import static dev.refgrade.grading.DiagnosisFixtures.question;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refgrade.exercise.Answer;
import dev.refgrade.exercise.Exercise;
import dev.refgrade.exercise.Exercises;
import dev.refgrade.exercise.Referents;
import dev.refgrade.runtime.Held;
import dev.refgrade.runtime.Held.Kind;
import dev.refgrade.runtime.Held.Referrer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Explanations list every reference to what a probe asks about, where each comes from (counts checked with python3 3.11.7). */
class ExplainerTest {
    private static Explanation explain(String code, String question) {
        return explain(code, "", question);
    }

    private static Explanation explain(String code, String captures, String question) {
        Exercises.Variant v = exercise(code, captures, question);
        return new Explainer().explain(v, question(v)).orElseThrow();
    }

    private static Held only(Explanation e) {
        assertEquals(1, e.objects().size(), e::text);
        return e.objects().get(0).held();
    }

    private static final Referrer ARGUMENT = new Referrer(Kind.ARGUMENT, "the argument sys.getrefcount() holds while it runs");

    @Nested
    class Getrefcount {
        @Test
        void namesEveryNameAndTheCallsOwnArgument() {
            Explanation e = explain("import sys\na = [1, 2, 3]\nb = a\n", "{id: q, prompt: p, answer: int, after: 3, expr: sys.getrefcount(a)}");
            assertEquals(List.of(new Referrer(Kind.NAME, "global name 'a'"), new Referrer(Kind.NAME, "global name 'b'"), ARGUMENT),
                    only(e).referrers());
        }

        @Test
        void readsAsOneParagraph() {
            Explanation e = explain("import sys\na = [1, 2, 3]\nb = a\n", "{id: q, prompt: p, answer: int, after: 3, expr: sys.getrefcount(a)}");
            assertEquals("After line 3, `a` is the list [1, 2, 3], with 3 references: global name 'a'; global name 'b';"
                    + " the argument sys.getrefcount() holds while it runs.", e.text());
        }

        @Test
        void containerSlotsAreItemsOfTheirListCalledByItsName() {
            Explanation e = explain("import sys\nb = [1]\nouter = [b, b]\n", "{id: q, prompt: p, answer: int, after: 3, expr: sys.getrefcount(b)}");
            assertEquals(List.of(new Referrer(Kind.NAME, "global name 'b'"), new Referrer(Kind.SLOT, "item 0 of the list named 'outer'"),
                    new Referrer(Kind.SLOT, "item 1 of the list named 'outer'"), ARGUMENT), only(e).referrers());
        }

        @Test
        void attributesAreOfTheirObject() {
            Explanation e = explain("import sys\nclass A:\n    pass\nx = A()\nx.items = [1]\n",
                    "{id: q, prompt: p, answer: int, after: 5, expr: sys.getrefcount(x.items)}");
            assertEquals(List.of(new Referrer(Kind.ATTRIBUTE, "attribute items of the A object named 'x'"), ARGUMENT), only(e).referrers());
        }

        @Test
        void aLiteralIsHeldByItsCodeAndTheParseTree() {
            Explanation e = explain("import sys\ny = 1000\n", "{id: q, prompt: p, answer: int, after: 2, expr: sys.getrefcount(y)}");
            assertEquals(List.of(new Referrer(Kind.NAME, "global name 'y'"), new Referrer(Kind.CONSTANT, "a constant of the code of <module>"),
                    new Referrer(Kind.CONSTANT, "the parse tree (kept while the file runs)"), ARGUMENT), only(e).referrers());
        }

        @Test
        void insideAFunctionItsParametersAndLocalsCount() {
            Explanation e = explain("import sys\ndef f(p):\n    q = p\n    return q\na = [1]\nf(a)\n",
                    "{id: q, prompt: p, answer: int, after: 3, expr: sys.getrefcount(p)}");
            assertEquals(List.of(new Referrer(Kind.NAME, "local name 'p' of f()"), new Referrer(Kind.NAME, "local name 'q' of f()"),
                    new Referrer(Kind.NAME, "global name 'a'"), ARGUMENT), only(e).referrers());
        }
    }

    @Nested
    class Identity {
        @Test
        void twoNamesOfOneObjectAreOneObject() {
            Explanation e = explain("a = [1]\nb = a\n", "{id: q, prompt: p, answer: bool, after: 2, expr: a is b}");
            assertEquals(List.of("a", "b"), e.objects().get(0).exprs());
            assertEquals("After line 2, `a` and `b` are the same list [1], with 2 references: global name 'a'; global name 'b'.", e.text());
        }

        @Test
        void twoEqualObjectsAreTwo() {
            Explanation e = explain("a = [1]\nb = [1]\n", "{id: q, prompt: p, answer: bool, after: 2, expr: id(a) == id(b)}");
            assertEquals(List.of(List.of("a"), List.of("b")), e.objects().stream().map(Referents.Referent::exprs).toList());
        }

        @Test
        void anObjectTheInterpreterSharesHasNoCountOfItsOwn() {
            Explanation e = explain("a = 5\nb = 5\n", "{id: q, prompt: p, answer: bool, after: 2, expr: a is b}");
            assertTrue(only(e).shared());
            assertTrue(e.text().endsWith("only CPython knows its count; the program refers to it by global name 'a'; global name 'b'."),
                    e::text);
        }
    }

    @Nested
    class Captures {
        @Test
        void refcountOfAHandleExplainsTheCapturedObjectWithoutAnArgument() {
            Explanation e = explain("a = [1, 2]\nb = a\ndel a\n", "- {name: h, after: 1, expr: a}",
                    "{id: q, prompt: p, answer: int, after: 3, expr: refcount(h)}");
            assertEquals(List.of("h"), e.objects().get(0).exprs());
            assertEquals(List.of(new Referrer(Kind.NAME, "global name 'b'")), only(e).referrers());
        }

        @Test
        void aFreedObjectHasNoExplanation() {
            Exercises.Variant v = exercise("a = [1, 2]\ndel a\n", "- {name: h, after: 1, expr: a}",
                    "{id: q, prompt: p, answer: bool, after: 2, expr: alive(h)}");
            assertEquals(Optional.empty(), new Explainer().explain(v, question(v)));
        }
    }

    @Nested
    class NothingToExplain {
        @Test
        void aQuestionThatIsNotAProbe() {
            Exercises.Variant v = exercise("print(1)\n", "{id: q, prompt: p, answer: output}");
            assertEquals(Optional.empty(), new Explainer().explain(v, question(v)));
        }

        @Test
        void aProbeAboutNoObject() {
            Exercises.Variant v = exercise("a = [1]\n", "{id: q, prompt: p, answer: int, after: 1, expr: len(a) + 1}");
            assertEquals(Optional.empty(), new Explainer().explain(v, question(v)));
        }
    }

    @Nested
    class Counts {
        @Test
        void inTheLibraryEveryCountAddsUpToItsReferences() throws Exception {
            int checked = 0;
            for (Path file : Exercises.files(List.of(Path.of("exercises")))) {
                Exercises.Checked c = Exercises.check(file, null);
                for (Exercises.Variant v : c.variants()) {
                    for (Exercise.Question q : v.exercise().questions()) {
                        if (q.expr() == null || !q.expr().expr().matches("(sys\\.getrefcount|refcount)\\(\\w+\\)")) continue;
                        int key = ((Answer.IntAnswer) v.answers().get(q.id())).value().intValue();
                        Explanation e = new Explainer().explain(v, q).orElseThrow();
                        assertEquals(key, only(e).referrers().size(), () -> c.id() + " " + q.id() + ": " + e.text());
                        checked++;
                    }
                }
            }
            assertTrue(checked >= 20, "only " + checked + " counts in the library");
        }

        @Test
        void inALoopTheReferencesStillAddUpToTheKeysCount() {
            Exercises.Variant v = exercise("import sys\na = [1]\nfor x in [a, a]:\n    n = sys.getrefcount(a)\n",
                    "{id: q, prompt: p, answer: int, after: 4, hit: 2, expr: sys.getrefcount(a)}");
            Answer.IntAnswer key = (Answer.IntAnswer) v.answers().get("q");
            assertEquals(key.value().intValue(), only(new Explainer().explain(v, question(v)).orElseThrow()).referrers().size());
        }
    }

    @Nested
    class Sharing {
        @Test
        void anExplanationIsMadeOncePerVariantAndQuestion() {
            Exercises.Variant v = exercise("a = [1]\n", "{id: q, prompt: p, answer: bool, after: 1, expr: a is a}");
            assertSame(new Explainer().explain(v, question(v)).orElseThrow(), new Explainer().explain(v, question(v)).orElseThrow());
        }
    }
}
