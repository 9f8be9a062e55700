package dev.refgrade.grading;

import static dev.refgrade.grading.DiagnosisFixtures.exercise;
import static dev.refgrade.grading.DiagnosisFixtures.question;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refgrade.exercise.Answer;
import dev.refgrade.exercise.Exercises;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each misconception of the catalog, on a program where it predicts another answer than CPython
 * gives (every truth here checked with python3 3.11.7), is named for that answer.
 */
class DiagnoserTest {
    /** A program, its captures, one question q, CPython's answer and the answer the misconception predicts. */
    record Case(String code, String captures, String question, Answer truth, Answer wrong) {}

    static final Map<String, Case> CASES = new LinkedHashMap<>();

    static {
        CASES.put("getrefcount-omits-argument", new Case("import sys\na = [1, 2]\n", "",
                "{id: q, prompt: p, answer: int, after: 2, expr: sys.getrefcount(a)}", integer(2), integer(1)));
        CASES.put("assignment-copies", new Case("a = [1, 2]\nb = a\nb.append(3)\n", "",
                "{id: q, prompt: p, answer: int, after: 3, expr: len(a)}", integer(3), integer(2)));
        CASES.put("call-by-value", new Case("def add(x):\n    x.append(3)\na = [1, 2]\nadd(a)\n", "",
                "{id: q, prompt: p, answer: int, after: 4, expr: len(a)}", integer(3), integer(2)));
        CASES.put("is-compares-values", new Case("a = [1, 2]\nb = [1, 2]\n", "",
                "{id: q, prompt: p, answer: bool, after: 2, expr: a is b}", bool(false), bool(true)));
        CASES.put("inplace-rebinds", new Case("a = [1]\nbox = [a]\na += [2]\n", "",
                "{id: q, prompt: p, answer: int, after: 3, expr: 'len(box[0])'}", integer(2), integer(1)));
        CASES.put("copies-are-deep", new Case("import copy\na = [[1], [2]]\nc = copy.copy(a)\nc[0].append(9)\n", "",
                "{id: q, prompt: p, answer: int, after: 4, expr: 'len(a[0])'}", integer(2), integer(1)));
        CASES.put("repetition-copies", new Case("g = [[0] * 3] * 3\ng[0][0] = 1\n", "",
                "{id: q, prompt: p, answer: int, after: 2, expr: 'g[1][0]'}", integer(1), integer(0)));
        CASES.put("defaults-per-call", new Case("def f(v=[]):\n    v.append(1)\n    return len(v)\nf()\nn = f()\n", "",
                "{id: q, prompt: p, answer: int, after: 5, expr: n}", integer(2), integer(1)));
        CASES.put("del-destroys", new Case("a = [1, 2]\nbox = [a]\ndel a\n", "- {name: h, after: 1, expr: a}",
                "{id: q, prompt: p, answer: bool, after: 3, expr: alive(h)}", bool(true), bool(false)));
        CASES.put("cycles-freed-at-once", new Case("a = []\na.append(a)\na = None\n", "- {name: h, after: 1, expr: a}",
                "{id: q, prompt: p, answer: bool, after: 3, expr: alive(h)}", bool(true), bool(false)));
        CASES.put("cycles-never-freed", new Case("import gc\na = []\na.append(a)\na = None\ngc.collect()\n",
                "- {name: h, after: 2, expr: a}", "{id: q, prompt: p, answer: bool, after: 5, expr: alive(h)}", bool(false), bool(true)));
        CASES.put("equal-ints-identical", new Case("m = 1000\nr = m + 1\ns = m + 1\n", "",
                "{id: q, prompt: p, answer: bool, after: 3, expr: id(r) == id(s)}", bool(false), bool(true)));
        CASES.put("no-small-int-cache", new Case("n = 10\np = n + 1\nq = n + 1\n", "",
                "{id: q, prompt: p, answer: bool, after: 3, expr: id(p) == id(q)}", bool(true), bool(false)));
        CASES.put("equal-strings-identical", new Case("s = ''.join(['ab', 'c'])\nt = 'abc'\n", "",
                "{id: q, prompt: p, answer: bool, after: 2, expr: id(s) == id(t)}", bool(false), bool(true)));
    }

    static Answer integer(long v) {
        return new Answer.IntAnswer(BigInteger.valueOf(v));
    }

    static Answer bool(boolean v) {
        return new Answer.BoolAnswer(v);
    }

    private static Exercises.Variant variant(Case c) {
        return exercise(c.code, c.captures, c.question);
    }

    private static Misconception named(String id) {
        return Misconceptions.byId(id).orElseThrow();
    }

    /** The case's truth is the key, its wrong answer is what the misconception predicts, and that answer is diagnosed as it. */
    private static void assertNamed(String id) {
        Case c = CASES.get(id);
        Exercises.Variant v = variant(c);
        assertEquals(c.truth, v.answers().get("q"), "the key is CPython's answer");
        assertNotEquals(c.truth, c.wrong);
        assertEquals(Optional.of(c.wrong), new Diagnoser().predicted(v, question(v), named(id)), "what " + id + " predicts");
        assertEquals(Optional.of(named(id)), new Diagnoser().diagnose(v, question(v), c.wrong));
    }

    @Nested
    class EachMisconceptionIsNamed {
        @Test
        void everyMisconceptionOfTheCatalogHasACaseHere() {
            assertEquals(Misconceptions.ALL.stream().map(Misconception::id).toList(), List.copyOf(CASES.keySet()));
        }

        @Test
        void getrefcountOmitsArgument() {
            assertNamed("getrefcount-omits-argument");
        }

        @Test
        void assignmentCopies() {
            assertNamed("assignment-copies");
        }

        @Test
        void callByValue() {
            assertNamed("call-by-value");
        }

        @Test
        void isComparesValues() {
            assertNamed("is-compares-values");
        }

        @Test
        void inplaceRebinds() {
            assertNamed("inplace-rebinds");
        }

        @Test
        void copiesAreDeep() {
            assertNamed("copies-are-deep");
        }

        @Test
        void repetitionCopies() {
            assertNamed("repetition-copies");
        }

        @Test
        void defaultsPerCall() {
            assertNamed("defaults-per-call");
        }

        @Test
        void delDestroys() {
            assertNamed("del-destroys");
        }

        @Test
        void cyclesFreedAtOnce() {
            assertNamed("cycles-freed-at-once");
        }

        @Test
        void cyclesNeverFreed() {
            assertNamed("cycles-never-freed");
        }

        @Test
        void equalIntsIdentical() {
            assertNamed("equal-ints-identical");
        }

        @Test
        void noSmallIntCache() {
            assertNamed("no-small-int-cache");
        }

        @Test
        void equalStringsIdentical() {
            assertNamed("equal-strings-identical");
        }
    }

    @Nested
    class SeveralBeliefsReproduceAnAnswer {
        @Test
        void theNarrowestIsNamedNotTheOneThatChangesEverything() throws Exception {
            // After my_var = None with the collector off, the A<->B cycle still exists: False is what
            // "cycles are freed at once" predicts, and also what "assignment copies" does (no cycle is made).
            String yaml = java.nio.file.Files.readString(java.nio.file.Path.of("exercises/seed-memory-references.yaml"));
            Exercises.Checked c = Exercises.check("seed-memory-references.yaml", "seed-memory-references.yaml", yaml,
                    java.util.Set.of("default", "exam", "practice"));
            Exercises.Variant v = c.variants().get(0);
            var q = v.exercise().questions().stream().filter(x -> x.id().equals("exists-after-none")).findFirst().orElseThrow();
            Diagnoser d = new Diagnoser();
            assertEquals(Optional.of(bool(false)), d.predicted(v, q, named("assignment-copies")), "both reproduce it");
            assertEquals(Optional.of(named("cycles-freed-at-once")), d.diagnose(v, q, bool(false)));
        }
    }

    @Nested
    class NoDiagnosis {
        @Test
        void theTrueAnswerIsNeverDiagnosed() {
            Exercises.Variant v = variant(CASES.get("assignment-copies"));
            assertEquals(Optional.empty(), new Diagnoser().diagnose(v, question(v), integer(3)));
        }

        @Test
        void aWrongAnswerNoMisconceptionPredictsIsNotDiagnosed() {
            Exercises.Variant v = variant(CASES.get("assignment-copies"));
            assertEquals(Optional.empty(), new Diagnoser().diagnose(v, question(v), integer(7)));
        }

        @Test
        void aMisconceptionThatChangesNothingHereNamesNothing() {
            Exercises.Variant v = variant(CASES.get("getrefcount-omits-argument"));
            assertEquals(Optional.empty(), new Diagnoser().predicted(v, question(v), named("repetition-copies")));
        }

        @Test
        void aCounterfactualRunThatFailsBeforeTheProbePredictsNothing() {
            // Were b a copy, a[2] would raise IndexError before the probe's line.
            Exercises.Variant v = exercise("a = [1, 2]\nb = a\nb.append(3)\nx = a[2]\n", "{id: q, prompt: p, answer: int, after: 4, expr: x}");
            assertEquals(Optional.empty(), new Diagnoser().predicted(v, question(v), named("assignment-copies")));
        }

        @Test
        void aCounterfactualThatAnswersAsTheKeyDoesGivesNoAnswer() {
            Exercises.Variant v = variant(CASES.get("getrefcount-omits-argument"));
            assertEquals(null, Exercises.answerUnder(v, question(v), named("assignment-copies").variations()));
        }

        @Test
        void aCounterfactualAnswerThatShowsAnAddressPredictsNothing() {
            // Were b a copy, the probe would show its address, which no CPython run fixes; the key ('alias') shows none.
            Exercises.Variant v = exercise("class C:\n    pass\na = C()\nb = a\n",
                    "{id: q, prompt: p, answer: text, after: 4, expr: \"'alias' if b is a else repr(b)\"}");
            assertEquals(null, Exercises.answerUnder(v, question(v), named("assignment-copies").variations()));
            assertEquals(Optional.empty(), new Diagnoser().predicted(v, question(v), named("assignment-copies")));
        }

        @Test
        void aCounterfactualOutputOfAProgramThatRaisesIsNoAnswer() {
            Exercises.Variant v = exercise("a = [1, 2]\nb = a\nb.append(3)\nprint('before')\nprint(a[2])\n", "{id: q, prompt: p, answer: output}");
            assertEquals(Optional.empty(), new Diagnoser().predicted(v, question(v), named("assignment-copies")));
        }
    }

    @Nested
    class Order {
        @Test
        void whenTwoMisconceptionsPredictTheAnswerTheEarlierInTheCatalogIsNamed() {
            Exercises.Variant v = exercise("import sys\na = [1]\nb = a\n", "{id: q, prompt: p, answer: int, after: 3, expr: sys.getrefcount(a)}");
            Diagnoser d = new Diagnoser();
            assertEquals(Optional.of(integer(2)), d.predicted(v, question(v), named("assignment-copies")));
            assertEquals(Optional.of(named("getrefcount-omits-argument")), d.diagnose(v, question(v), integer(2)));
        }

        @Test
        void aCatalogOfOneNamesOnlyItsOwn() {
            Exercises.Variant v = exercise("import sys\na = [1]\nb = a\n", "{id: q, prompt: p, answer: int, after: 3, expr: sys.getrefcount(a)}");
            Diagnoser d = new Diagnoser(List.of(named("assignment-copies")), Answer::equals);
            assertEquals(Optional.of(named("assignment-copies")), d.diagnose(v, question(v), integer(2)));
        }

        @Test
        void theGradersComparisonDecidesWhatMatches() {
            Exercises.Variant v = exercise("a = [1, 2]\nb = a\nb.append(3)\n", "{id: q, prompt: p, answer: text, after: 3, expr: a}");
            Diagnoser spaceBlind = new Diagnoser(Misconceptions.ALL, (x, y) -> x.show().replace(" ", "").equals(y.show().replace(" ", "")));
            assertEquals(Optional.of(named("assignment-copies")), spaceBlind.diagnose(v, question(v), new Answer.TextAnswer("[1,2]")));
        }
    }

    @Nested
    class WholeRunAnswers {
        @Test
        void anOutputIsDiagnosed() {
            Exercises.Variant v = exercise("class R:\n    def __del__(self):\n        print('bye')\na = R()\nb = [a]\ndel a\nprint('end')\n",
                    "{id: q, prompt: p, answer: output}");
            assertEquals(new Answer.OutputAnswer("end\nbye\n"), v.answers().get("q"));
            assertEquals(Optional.of(named("del-destroys")), new Diagnoser().diagnose(v, question(v), new Answer.OutputAnswer("bye\nend\n")));
        }

        @Test
        void aChoiceIsDiagnosed() {
            Exercises.Variant v = exercise("a = [1, 2]\nb = a\n", "{id: q, prompt: p, answer: choice, after: 2, choices: [a is b, a == b]}");
            assertEquals(new Answer.ChoiceAnswer(List.of(0, 1)), v.answers().get("q"));
            assertEquals(Optional.of(named("assignment-copies")), new Diagnoser().diagnose(v, question(v), new Answer.ChoiceAnswer(List.of(1))));
        }

        @Test
        void theLinesAnObjectIsFreedOnAreDiagnosed() {
            Exercises.Variant v = exercise("import gc\na = []\na.append(a)\na = None\ngc.collect()\n", "- {name: h, after: 2, expr: a}",
                    "{id: q, prompt: p, answer: lines, track: h, event: freed}");
            assertEquals(new Answer.LinesAnswer(List.of(5)), v.answers().get("q"));
            assertEquals(Optional.of(named("cycles-freed-at-once")), new Diagnoser().diagnose(v, question(v), new Answer.LinesAnswer(List.of(4))));
        }
    }

    @Nested
    class Sharing {
        @Test
        void aCounterfactualAnswerIsComputedOnceForEveryDiagnoser() {
            Exercises.Variant v = variant(CASES.get("call-by-value"));
            Answer first = new Diagnoser().predicted(v, question(v), named("call-by-value")).orElseThrow();
            assertSame(first, new Diagnoser().predicted(v, question(v), named("call-by-value")).orElseThrow());
        }

        @Test
        void threadsDiagnosingAtOnceAgree() throws Exception {
            Exercises.Variant v = variant(CASES.get("inplace-rebinds"));
            Diagnoser shared = new Diagnoser();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Optional<Misconception>>> all = new java.util.ArrayList<>();
                for (int i = 0; i < 32; i++) all.add(pool.submit(() -> shared.diagnose(v, question(v), integer(1))));
                for (Future<Optional<Misconception>> f : all) assertEquals(Optional.of(named("inplace-rebinds")), f.get());
            } finally {
                pool.shutdown();
            }
        }
    }
}
