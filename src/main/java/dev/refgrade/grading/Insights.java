package dev.refgrade.grading;

import dev.refgrade.exercise.Answer;
import dev.refgrade.exercise.Exercise.Question;
import dev.refgrade.exercise.Exercises.Variant;
import java.util.Optional;

/**
 * What the simulator can say about an answer beyond right or wrong: which misconception reproduces
 * a wrong answer, and which references hold the object a probe looks at. Implementations run the
 * simulator, so they are shared across threads and cache per variant and question.
 */
public interface Insights {
    /** A misconception as a student reads it. */
    record Named(String id, String name, String explanation) {}

    Optional<Named> misconception(Variant v, Question q, Answer student);

    Optional<String> explanation(Variant v, Question q);

    /** Grading without diagnosis or explanations: the scores alone. */
    Insights NONE = new Insights() {
        public Optional<Named> misconception(Variant v, Question q, Answer student) {
            return Optional.empty();
        }

        public Optional<String> explanation(Variant v, Question q) {
            return Optional.empty();
        }
    };
}
