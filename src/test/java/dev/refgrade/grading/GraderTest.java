package dev.refgrade.grading;

import static dev.refgrade.grading.Sample.ALIASING;
import static dev.refgrade.grading.Sample.json;
import static dev.refgrade.grading.Sample.rubric;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refgrade.grading.GradingException.Reason;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The grader on one real exercise (aliasing.yaml), one policy per test. */
class GraderTest {
    static final Instant DUE = Instant.parse("2026-12-01T12:00:00Z");
    static final Instant ON_TIME = DUE.minusSeconds(3600);
    static final Grader GRADER = new Grader(Insights.NONE);
    static final Rubric PLAIN = rubric("name: r\nreveal: always\n");

    static QuestionGrade one(Rubric r, String qid, String answer) {
        return only(grade(r, List.of(), "{\"" + qid + "\": " + answer + "}", ON_TIME), qid);
    }

    static Graded grade(Rubric r, List<Attempt> history, String answers, Instant at) {
        try {
            return GRADER.grade(ALIASING, r, history, json(answers), at, DUE);
        } catch (GradingException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static QuestionGrade only(Graded g, String qid) {
        return g.questions().stream().filter(q -> q.id().equals(qid)).findFirst().orElseThrow();
    }

    static GradingException refused(Rubric r, List<Attempt> history, String answers, Instant at) {
        return assertThrows(GradingException.class, () -> GRADER.grade(ALIASING, r, history, json(answers), at, DUE));
    }

    @Nested
    class Kinds {
        @Test
        void anIntMatchesExactly() {
            assertTrue(one(PLAIN, "count", "3").correct());
            assertEquals(0, one(PLAIN, "count", "4").points());
        }

        @Test
        void anIntMayComeAsText() {
            assertTrue(one(PLAIN, "count", "\" 3 \"").correct());
        }

        @Test
        void anOffByOneEarnsThePartialCreditWithItsMessage() {
            Rubric r = rubric("name: r\npartial:\n  - {kind: int, off_by: 1, credit: 0.5, message: Count the argument too}\n");
            QuestionGrade g = one(r, "count", "2");
            assertFalse(g.correct());
            assertEquals(0.5, g.points());
            assertTrue(g.feedback().contains("Count the argument too"), g.feedback());
            assertEquals(0, one(r, "count", "5").points());
        }

        @Test
        void aBoolMatchesExactly() {
            assertTrue(one(PLAIN, "same", "true").correct());
            assertFalse(one(PLAIN, "same", "false").correct());
        }

        @Test
        void textIsComparedAfterTheStatedNormalisations() {
            assertTrue(one(PLAIN, "kind", "\" list \"").correct(), "the default rule strips surrounding space");
            assertFalse(one(PLAIN, "kind", "\"'list'\"").correct(), "but keeps quotes");
            Rubric loose = rubric("name: r\ncompare: {text: [strip, case, quotes]}\n");
            assertTrue(one(loose, "kind", "\" 'LIST' \"").correct());
            Rubric exact = rubric("name: r\ncompare: {text: []}\n");
            assertFalse(one(exact, "kind", "\"list \"").correct());
        }

        @Test
        void outputIsExactUnlessWhitespaceIsForgiven() {
            Rubric exact = rubric("name: r\ncompare: {output: exact}\n");
            assertFalse(one(exact, "printed", "\"3 True  \\n\"").correct());
            Rubric loose = rubric("name: r\ncompare: {output: whitespace}\n");
            assertTrue(one(loose, "printed", "\"3 True  \\n\\n\"").correct());
        }

        @Test
        void choicesEarnPerOptionOrAllOrNothing() {
            assertEquals(0.75, one(PLAIN, "pick", "[0]").points());
            Rubric strict = rubric("name: r\ncompare: {choice: all_or_nothing}\n");
            assertEquals(0, one(strict, "pick", "[0]").points());
            assertTrue(one(strict, "pick", "[1, 0]").correct());
        }

        @Test
        void linesAreASetWithPartialCredit() {
            assertTrue(one(PLAIN, "changes", "[5]").correct());
            assertEquals(0.5, one(PLAIN, "changes", "[4, 5]").points());
            Rubric strict = rubric("name: r\ncompare: {lines: all_or_nothing}\n");
            assertEquals(0, one(strict, "changes", "[4, 5]").points());
        }
    }

    @Nested
    class Heaps {
        static final String INTS = "{\"id\": \"one\", \"type\": \"int\", \"value\": \"1\"}, {\"id\": \"two\", \"type\": \"int\"},"
                + " {\"id\": \"three\", \"type\": \"int\"}";
        static final String LIST = "{\"id\": \"L\", \"type\": \"list\", \"refs\": [{\"label\": \"[0]\", \"to\": \"one\"},"
                + " {\"label\": \"[1]\", \"to\": \"two\"}, {\"label\": \"[2]\", \"to\": \"three\"}]}";

        static String drawing(String outer) {
            return "{\"names\": {\"a\": \"L\", \"c\": \"C\"}, \"objects\": [" + LIST + ", " + outer + ", " + INTS + "]}";
        }

        @Test
        void aDrawingMatchesUpToRenamingOfObjects() {
            String outer = "{\"id\": \"C\", \"type\": \"list\", \"refs\": [{\"label\": \"[0]\", \"to\": \"L\"}, {\"label\": \"[1]\", \"to\": \"L\"}]}";
            QuestionGrade g = one(PLAIN, "drawing", drawing(outer));
            assertTrue(g.correct(), g.feedback());
            assertEquals(1, g.points());
        }

        @Test
        void aTypeNamedInAnotherCaseIsTheSameType() {
            String outer = "{\"id\": \"C\", \"type\": \"List\", \"refs\": [{\"label\": \" [0]\", \"to\": \"L\"}, {\"label\": \"[1] \", \"to\": \"L\"}]}";
            QuestionGrade g = one(PLAIN, "drawing", drawing(outer.replace("\"type\": \"list\"", "\"type\": \"LIST\"")));
            assertTrue(g.correct(), "List for list, and labels with spaces around them: " + g.feedback());
        }

        @Test
        void twoEqualListsAreNotOneList() {
            String copy = LIST.replace("\"L\"", "\"M\"");
            String outer = "{\"id\": \"C\", \"type\": \"list\", \"refs\": [{\"label\": \"[0]\", \"to\": \"L\"}, {\"label\": \"[1]\", \"to\": \"M\"}]}, " + copy;
            QuestionGrade g = one(PLAIN, "drawing", drawing(outer));
            assertFalse(g.correct());
            assertTrue(g.feedback().contains("`c[1]` should reach the same object as `a`"), g.feedback());
        }

        @Test
        void eachMissingAndExtraArrowIsNamed() {
            String outer = "{\"id\": \"C\", \"type\": \"list\", \"refs\": [{\"label\": \"[0]\", \"to\": \"L\"}, {\"label\": \"[7]\", \"to\": \"L\"}]}";
            QuestionGrade g = one(PLAIN, "drawing", drawing(outer));
            assertTrue(g.feedback().contains("Missing arrow: `c[1]`"), g.feedback());
            assertTrue(g.feedback().contains("`c[7]` does not exist"), g.feedback());
            assertEquals(6.0 / 8, g.points(), "6 of the 7 true arrows drawn right, and one extra");
        }

        /** Issue 19, finding 6: under reveal: never, feedback says how much is right, never where the true arrows go. */
        @Test
        void withoutRevealTheFeedbackNamesNoTrueArrowObjectOrType() {
            Rubric never = rubric("name: r\nreveal: never\n");
            String outer = "{\"id\": \"C\", \"type\": \"tuple\", \"refs\": [{\"label\": \"[0]\", \"to\": \"L\"}, {\"label\": \"[7]\", \"to\": \"L\"}]}";
            QuestionGrade g = one(never, "drawing", drawing(outer));
            assertNull(g.truth());
            for (String leak : List.of("c[1]", "c[7]", "list", "same object", "different object")) {
                assertFalse(g.feedback().contains(leak), leak + " in: " + g.feedback());
            }
            assertTrue(g.feedback().contains("6 of 7 arrows drawn right"), g.feedback());
            assertEquals(6.0 / 8, g.points(), "the same credit as when the truth is shown");
        }

        @Test
        void withoutRevealANameNotAskedAboutIsStillSaid() {
            Rubric never = rubric("name: r\nreveal: never\n");
            String outer = "{\"id\": \"C\", \"type\": \"list\", \"refs\": [{\"label\": \"[0]\", \"to\": \"L\"}, {\"label\": \"[1]\", \"to\": \"L\"}]}";
            String extraName = drawing(outer).replace("\"c\": \"C\"", "\"c\": \"C\", \"zz\": \"L\"");
            assertTrue(one(never, "drawing", extraName).feedback().contains("`zz` is not one of the names asked about"));
        }
    }

    @Nested
    class Insight {
        final Grader simulated = new Grader();

        QuestionGrade graded(Rubric r, String answers, String qid) throws GradingException {
            return only(simulated.grade(ALIASING, r, List.of(), json(answers), ON_TIME, DUE), qid);
        }

        @Test
        void aWrongAnswerAMisconceptionReproducesIsNamed() throws GradingException {
            QuestionGrade g = graded(PLAIN, "{\"count\": 2}", "count");
            assertEquals("getrefcount-omits-argument", g.misconception());
            assertTrue(g.feedback().contains("Misconception: getrefcount forgets its argument."), g.feedback());
        }

        @Test
        void aWrongAnswerNoMisconceptionReproducesNamesNone() throws GradingException {
            assertNull(graded(PLAIN, "{\"count\": 9}", "count").misconception());
        }

        @Test
        void theExplanationComesWithTheRevealedTruth() throws GradingException {
            QuestionGrade g = graded(PLAIN, "{\"count\": 3}", "count");
            assertTrue(g.explanation().contains("3 references"), g.explanation());
        }

        @Test
        void aRubricWithoutFeedbackNamesNothingAndExplainsNothing() throws GradingException {
            Rubric quiet = rubric("name: r\nreveal: always\nfeedback: {misconceptions: false, explanations: false}\n");
            QuestionGrade g = graded(quiet, "{\"count\": 2}", "count");
            assertNull(g.misconception());
            assertNull(g.explanation());
            assertNotNull(g.truth());
        }
    }
}
