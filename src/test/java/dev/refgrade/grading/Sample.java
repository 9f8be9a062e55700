package dev.refgrade.grading;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refgrade.exercise.Exercises;
import dev.refgrade.exercise.Problems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** The exercises and rubrics the grading tests grade with, keyed once by the real simulator. */
final class Sample {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Exercises.Variant ALIASING = variant("aliasing.yaml");

    private Sample() {}

    static Exercises.Variant variant(String resource) {
        Exercises.Checked c = Exercises.check(resource, resource, text(resource), Set.of("default"));
        assertTrue(c.valid(), () -> c.problems().toString());
        return c.variants().get(0);
    }

    static Rubric rubric(String yaml) {
        Problems p = new Problems("r.yaml");
        Rubric r = Rubrics.parse(yaml, "r.yaml", p);
        assertTrue(!p.any(), () -> p.all().toString());
        return r;
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String resource) {
        try (var in = Sample.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
