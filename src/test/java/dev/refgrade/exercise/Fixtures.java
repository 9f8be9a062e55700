package dev.refgrade.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refgrade.python.Diagnostic;
import java.util.List;
import java.util.Set;

/** Checks exercise texts as if they were files named ex.yaml beside a rubrics folder holding 'default'. */
final class Fixtures {
    private Fixtures() {}

    static Exercises.Checked check(String yaml) {
        return Exercises.check("ex.yaml", "ex.yaml", yaml, Set.of("default", "exam"));
    }

    /** The one problem the text has, rendered as FILE:LINE:COL: message. */
    static String problem(String yaml) {
        List<Diagnostic> problems = check(yaml).problems();
        assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
        return problems.get(0).render();
    }

    /** The key of a valid single-variant exercise. */
    static Answer key(String yaml, String question) {
        Exercises.Checked c = check(yaml);
        assertTrue(c.valid(), () -> "expected a valid exercise, got " + c.problems());
        return c.variants().get(0).answers().get(question);
    }
}
