package dev.refgrade.grading;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refgrade.exercise.Exercise;
import dev.refgrade.exercise.Exercises;
import java.util.Set;

/** Exercises built from YAML text, as files named ex.yaml beside a rubrics folder holding 'default'. */
final class DiagnosisFixtures {
    private DiagnosisFixtures() {}

    /** The one variant of a valid exercise. */
    static Exercises.Variant variant(String yaml) {
        Exercises.Checked c = Exercises.check("ex.yaml", "ex.yaml", yaml, Set.of("default"));
        assertTrue(c.valid(), () -> "expected a valid exercise, got " + c.problems());
        return c.variants().get(0);
    }

    /** An exercise of one question, q, over this code. */
    static Exercises.Variant exercise(String code, String question) {
        return exercise(code, "", question);
    }

    /** An exercise of one question, q, over this code, with captures (YAML list items, indented by two). */
    static Exercises.Variant exercise(String code, String captures, String question) {
        return variant("id: ex\ntitle: T\ncode: |\n" + code.indent(2) + (captures.isEmpty() ? "" : "capture:\n" + captures.indent(2))
                + "questions:\n  - " + question + "\n");
    }

    static Exercise.Question question(Exercises.Variant v) {
        return v.exercise().questions().get(0);
    }
}
