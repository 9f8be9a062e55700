package dev.refgrade.grading;

import static dev.refgrade.grading.GraderTest.DUE;
import static dev.refgrade.grading.GraderTest.ON_TIME;
import static dev.refgrade.grading.GraderTest.grade;
import static dev.refgrade.grading.GraderTest.only;
import static dev.refgrade.grading.GraderTest.refused;
import static dev.refgrade.grading.Sample.rubric;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refgrade.grading.GradingException.Reason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Attempts, lateness, reveal and refusals, each on the same exercise. */
class PoliciesTest {
    static final String RIGHT = "{\"count\": 3}";
    static final String WRONG = "{\"count\": 7}";

    static Attempt earlier(double score, boolean countRight) {
        return new Attempt(ON_TIME.minusSeconds(600), score, countRight ? List.of("count") : List.of());
    }

    @Nested
    class Attempts {
        final Rubric three = rubric("name: r\nattempts: {max: 3, penalty: 0.25, counts: best}\n");

        @Test
        void anAttemptPastTheMaximumIsRefused() {
            GradingException e = refused(three, List.of(earlier(0, false), earlier(0, false), earlier(0, false)), RIGHT, ON_TIME);
            assertEquals(Reason.NO_ATTEMPTS_LEFT, e.reason());
        }

        @Test
        void eachExtraAttemptCostsThePenalty() {
            assertEquals(0.5, grade(three, List.of(earlier(0, false), earlier(0, false)), RIGHT, ON_TIME).score());
        }

        @Test
        void theBestAttemptCountsWhenTheRubricSaysBest() {
            Graded g = grade(three, List.of(earlier(1, true)), WRONG, ON_TIME);
            assertEquals(0, g.score());
            assertEquals(1, g.counted());
            assertEquals(2, g.attempt());
        }

        @Test
        void theLastAttemptCountsWhenTheRubricSaysLast() {
            Rubric last = rubric("name: r\nattempts: {max: unlimited, counts: last}\n");
            assertEquals(0, grade(last, List.of(earlier(1, true)), WRONG, ON_TIME).counted());
        }
    }

    @Nested
    class Lateness {
        final Rubric late = rubric("name: r\nlate: {penalty_per_day: 0.2, cutoff: 2d 12h}\n");

        @Test
        void workOnTimeKeepsAllItsPoints() {
            Graded g = grade(late, List.of(), RIGHT, DUE);
            assertEquals(1, g.score());
            assertFalse(g.late());
        }

        @Test
        void eachStartedDayLateCostsThePenalty() {
            assertEquals(0.8, grade(late, List.of(), RIGHT, DUE.plusSeconds(1)).score());
            assertEquals(0.6, grade(late, List.of(), RIGHT, DUE.plus(Duration.ofHours(25))).score());
            assertTrue(grade(late, List.of(), RIGHT, DUE.plusSeconds(1)).late());
        }

        @Test
        void workAfterTheHardCutoffIsRefused() {
            assertEquals(Reason.PAST_CUTOFF, refused(late, List.of(), RIGHT, DUE.plus(Duration.ofHours(61))).reason());
        }

        @Test
        void aCutoffOfZeroTakesNothingLate() {
            Rubric closed = rubric("name: r\nlate: {cutoff: 0}\n");
            assertEquals(Reason.PAST_CUTOFF, refused(closed, List.of(), RIGHT, DUE.plusSeconds(1)).reason());
        }
    }

    @Nested
    class Reveal {
        @Test
        void neverKeepsTheTruthAndTheDiffHidden() {
            Rubric never = rubric("name: r\nreveal: never\n");
            QuestionGrade g = only(grade(never, List.of(), "{\"printed\": \"3 False\"}", ON_TIME), "printed");
            assertNull(g.truth());
            assertFalse(g.feedback().contains("True"), g.feedback());
            assertTrue(g.feedback().contains("Your line 1, \"3 False\", is not what the program prints there"), g.feedback());
        }

        @Test
        void alwaysShowsTheTruthAfterAnyAttempt() {
            Rubric always = rubric("name: r\nreveal: always\n");
            QuestionGrade g = only(grade(always, List.of(), WRONG, ON_TIME), "count");
            assertEquals(3, g.truth().asInt());
        }

        @Test
        void afterCorrectShowsOnlyWhatWasAnsweredRight() {
            Rubric r = rubric("name: r\nreveal: after_correct\n");
            Graded g = grade(r, List.of(), "{\"count\": 3, \"same\": false}", ON_TIME);
            assertNotNull(only(g, "count").truth());
            assertNull(only(g, "same").truth());
        }

        @Test
        void afterLastAttemptWaitsForTheLastOne() {
            Rubric r = rubric("name: r\nattempts: {max: 2}\nreveal: after_last_attempt\n");
            assertNull(only(grade(r, List.of(), WRONG, ON_TIME), "count").truth());
            assertNotNull(only(grade(r, List.of(earlier(0, false)), WRONG, ON_TIME), "count").truth());
        }

        @Test
        void afterDueShowsNothingBeforeTheDueDate() {
            Rubric r = rubric("name: r\nreveal: after_due\n");
            assertNull(only(grade(r, List.of(), RIGHT, ON_TIME), "count").truth());
            assertTrue(GraderTest.GRADER.revealed(Sample.ALIASING, r, List.of(), ON_TIME, DUE).isEmpty());
            assertEquals(7, GraderTest.GRADER.revealed(Sample.ALIASING, r, List.of(), DUE.plusSeconds(1), DUE).size());
        }
    }

    @Nested
    class Refusals {
        @Test
        void anAnswerToNoQuestionNamesTheField() {
            GradingException e = refused(GraderTest.PLAIN, List.of(), "{\"q9\": 1}", ON_TIME);
            assertEquals(Reason.UNKNOWN_QUESTION, e.reason());
            assertEquals("answers.q9", e.field());
        }

        @Test
        void anAnswerOfTheWrongKindNamesTheField() {
            GradingException e = refused(GraderTest.PLAIN, List.of(), "{\"count\": [1]}", ON_TIME);
            assertEquals(Reason.WRONG_KIND, e.reason());
            assertEquals("answers.count", e.field());
        }

        @Test
        void aChoiceOutOfRangeIsTheWrongKind() {
            GradingException e = refused(GraderTest.PLAIN, List.of(), "{\"pick\": [0, 9]}", ON_TIME);
            assertEquals("answers.pick[1]", e.field());
        }

        @Test
        void aDrawingWithADanglingArrowNamesTheArrow() {
            GradingException e = refused(GraderTest.PLAIN, List.of(), "{\"drawing\": {\"names\": {\"a\": 1}, \"objects\": [{\"id\": 1, "
                    + "\"refs\": [{\"label\": \"[0]\", \"to\": 2}]}]}}", ON_TIME);
            assertEquals("answers.drawing.objects[0].refs[0].to", e.field());
        }

        @Test
        void answersThatAreNotAnObjectAreMalformed() {
            assertEquals(Reason.MALFORMED, refused(GraderTest.PLAIN, List.of(), "[1, 2]", ON_TIME).reason());
        }

        @Test
        void anUnansweredQuestionScoresNothingWithoutRefusal() {
            QuestionGrade g = only(grade(GraderTest.PLAIN, List.of(), "{}", ON_TIME), "count");
            assertEquals(0, g.points());
            assertTrue(g.feedback().contains("No answer given"), g.feedback());
        }
    }

    @Test
    void theSameSubmissionGradesTheSameEveryTime() {
        String answers = "{\"count\": 2, \"pick\": [0], \"changes\": [4, 5]}";
        assertEquals(grade(GraderTest.PLAIN, List.of(), answers, ON_TIME), grade(GraderTest.PLAIN, List.of(), answers, ON_TIME));
    }
}
