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
    /** A misconception as a student reads it: its id, a few words, and what it means for this answer. */
    record Named(String id, String name, String explanation) {}

    Optional<Named> misconception(Variant v, Question q, Answer student);

    Optional<String> explanation(Variant v, Question q);

    /**
     * Works out now all that grading any answer to {@code v} may ask of this (autograder set-up,
     * `check --prepare`), so that a key cache holds it and a later process recalls it rather than run it.
     */
    default void prepare(Variant v) {}

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
