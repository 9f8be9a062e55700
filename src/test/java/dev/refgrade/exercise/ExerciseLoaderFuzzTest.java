package dev.refgrade.exercise;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.refgrade.python.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Coverage-guided fuzzing of the exercise loader and checker: whatever the file holds, the outcome
 * is a keyed exercise or problems with positions inside the file, never an exception. `mvn test`
 * replays the seeds under ExerciseLoaderFuzzTestInputs/ (exercises of the library);
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=ExerciseLoaderFuzzTest} fuzzes.
 */
class ExerciseLoaderFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void anyFileEndsInAKeyOrPositionedProblems(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        // YAML also breaks lines at \r, NEL, LS and PS.
        int lines = (int) text.chars().filter(c -> c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029).count() + 2;
        Exercises.Checked c = Exercises.check("fuzz.yaml", null, text, Set.of("default"));
        for (Diagnostic d : c.problems()) {
            assertTrue(d.line() >= 1 && d.line() <= lines && d.col() >= 1, d::render);
            assertTrue(!d.message().isBlank(), d::render);
        }
        if (c.valid()) {
            for (Exercises.Variant v : c.variants()) assertTrue(v.answers().size() == v.exercise().questions().size());
        }
    }
}
