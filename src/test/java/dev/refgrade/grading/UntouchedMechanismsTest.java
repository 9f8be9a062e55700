package dev.refgrade.grading;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refgrade.exercise.Answer;
import dev.refgrade.exercise.Exercise;
import dev.refgrade.exercise.Exercises;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Diagnoser runs no counterfactual for a belief about a mechanism that the question's key runs
 * never consulted (Exercises.Variant.untouchedBy). Over the exercise library, every run so skipped
 * is made here, and must answer as the key does or give no answer, which the Diagnoser reads alike.
 */
class UntouchedMechanismsTest {
    @TestFactory
    Stream<DynamicTest> everySkippedRunWouldHaveAnsweredAsTheKey() throws IOException {
        return Exercises.files(List.of(Path.of("exercises"))).stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Exercises.Variant v = Exercises.check(f, null).variants().get(0);
            int skipped = 0;
            for (Exercise.Question q : v.exercise().questions()) {
                Answer truth = v.answers().get(q.id());
                for (Misconception m : Misconceptions.ALL) {
                    if (!v.untouchedBy(q.id(), m.variations())) continue;
                    skipped++;
                    Answer a = Exercises.answerUnder(v, q, m.variations());
                    assertTrue(a == null || a.equals(truth), () -> q.id() + " under " + m.id() + " answers " + a.show() + ", not " + truth.show());
                }
            }
            int asked = v.exercise().questions().size() * Misconceptions.ALL.size();
            assertTrue(skipped < asked, "some belief touches every exercise (at least assignment-copies)");
        }));
    }
}
