package dev.refgrade.grading;

import static dev.refgrade.grading.DiagnosisFixtures.variant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refgrade.exercise.Answer;
import dev.refgrade.exercise.Exercise;
import dev.refgrade.exercise.Exercises;
import dev.refgrade.runtime.PythonVersion;
import dev.refgrade.runtime.VersionChange;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Another version's answer is named with the change that makes it (the versions' answers are
 * VersionConformanceTest's, checked against real CPython; here only which change explains them).
 */
class VersionEffectsTest {
    /** 3.11-3.13: a, p and the call's own argument; 3.14 borrows the argument (gh-130704). */
    private static final String ARGUMENT = "import sys\ndef f(p):\n    return sys.getrefcount(p)\na = [1]\nn = f(a)\n";
    /** From 3.13 a materialized __dict__ is the instance's own values, not counted by gc.collect() (gh-115776). */
    private static final String INSTANCE_DICT = "import gc\nclass A:\n    pass\no = A()\no.me = o\no.__dict__\ndel o\nm = gc.collect()\n";

    private static Exercises.Variant exercise(String python, String code, String question) {
        return variant("id: ex\ntitle: T\npython: \"" + python + "\"\ncode: |\n" + code.indent(2) + "questions:\n  - " + question + "\n");
    }

    private static final String N = "{id: q, prompt: p, answer: int, after: 5, expr: n}";
    private static final String M = "{id: q, prompt: p, answer: int, after: 8, expr: m}";
    private static final VersionEffects EFFECTS = new VersionEffects(Scoring::same);

    private static Exercise.Question q(Exercises.Variant v) {
        return v.exercise().questions().get(0);
    }

    private static Answer key(String python, String code, String question) {
        Exercises.Variant v = exercise(python, code, question);
        return v.answers().get("q");
    }

    @Nested
    class Effects {
        @Test
        void theOlderVersionsSharingAnAnswerAreOneEffectNamedByTheChangeBetween() {
            Exercises.Variant v = exercise("3.14", ARGUMENT, N);
            List<VersionEffects.Effect> effects = EFFECTS.effects(v, q(v));
            assertEquals(1, effects.size(), effects::toString);
            VersionEffects.Effect e = effects.get(0);
            assertEquals(List.of(PythonVersion.V3_13, PythonVersion.V3_12, PythonVersion.V3_11), e.versions());
            assertEquals(List.of(VersionChange.BORROWED_LOADS), e.changes());
            assertEquals(key("3.11", ARGUMENT, N), e.answer());
            assertEquals("CPython 3.11 to 3.13", e.who());
        }

        @Test
        void aLaterChangeExplainsWhyNewerVersionsDifferFromAnOlderKey() {
            Exercises.Variant v = exercise("3.11", INSTANCE_DICT, M);
            VersionEffects.Effect e = EFFECTS.effects(v, q(v)).get(0);
            assertEquals("CPython 3.13 and 3.14", e.who());
            assertEquals(List.of(VersionChange.EMBEDDED_INSTANCE_VALUES), e.changes());
            assertEquals(key("3.13", INSTANCE_DICT, M), e.answer());
        }

        @Test
        void anAnswerEveryVersionSharesHasNoEffect() {
            Exercises.Variant v = exercise("3.14", "a = [1]\nb = a\nsame = a is b\n", "{id: q, prompt: p, answer: bool, after: 3, expr: same}");
            assertTrue(EFFECTS.effects(v, q(v)).isEmpty());
        }
    }

    @Nested
    class Feedback {
        private final Insights insights = new SimulatedInsights();

        @Test
        void anotherVersionsAnswerIsNamedWithItsChangeAndSource() {
            Exercises.Variant v = exercise("3.14", ARGUMENT, N);
            Insights.Named named = insights.misconception(v, q(v), key("3.11", ARGUMENT, N)).orElseThrow();
            assertEquals("version-borrowed-loads", named.id());
            assertEquals("CPython 3.11 to 3.13's answer", named.name());
            assertTrue(named.explanation().startsWith("Your answer is what CPython 3.11 to 3.13 give, but this exercise is for"
                    + " CPython 3.14: from CPython 3.14, a local passed as an argument"), named::explanation);
            assertTrue(named.explanation().endsWith("(gh-130704)."), named::explanation);
        }

        @Test
        void theExplanationOfTheKeySaysWhatOtherVersionsAnswer() {
            Exercises.Variant v = exercise("3.11", INSTANCE_DICT, M);
            String text = insights.explanation(v, q(v)).orElseThrow();
            assertTrue(text.contains("This is CPython 3.11's answer; CPython 3.13 and 3.14 answer " + key("3.13", INSTANCE_DICT, M).show()
                    + ", because from CPython 3.13, an instance's __dict__"), text);
        }

        @Test
        void anAnswerNoVersionGivesIsLeftToTheMisconceptions() {
            Exercises.Variant v = exercise("3.14", ARGUMENT, N);
            Answer.IntAnswer far = new Answer.IntAnswer(java.math.BigInteger.valueOf(40));
            assertFalse(insights.misconception(v, q(v), far).map(Insights.Named::id).orElse("").startsWith("version-"));
        }
    }
}
