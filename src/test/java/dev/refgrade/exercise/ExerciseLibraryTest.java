package dev.refgrade.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

/** The exercise library in exercises/: every file keys, and the shipped JSON Schema agrees with the loader. */
class ExerciseLibraryTest {
    static final Path LIBRARY = Path.of("exercises");

    static Set<String> rubrics() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("rubrics"))) {
            return s.map(p -> p.getFileName().toString().replaceFirst("\\.yaml$", "")).collect(Collectors.toSet());
        }
    }

    static Schema schema() throws IOException {
        try (InputStream in = ExerciseLibraryTest.class.getResourceAsStream("/schema/exercise.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }

    /** The validator reads Jackson 3 trees; ours are Jackson 2's, so they cross over as JSON text. */
    static List<com.networknt.schema.Error> validate(Schema schema, JsonNode json) {
        return schema.validate(json.toString(), InputFormat.JSON);
    }

    static JsonNode json(String yaml) {
        return new ObjectMapper().valueToTree(new Yaml().load(yaml));
    }

    @TestFactory
    Stream<DynamicTest> everyExerciseIsValidAndKeyed() throws IOException {
        Set<String> rubrics = rubrics();
        return Exercises.files(List.of(LIBRARY)).stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Exercises.Checked c = Exercises.check(f, rubrics);
            assertEquals(List.of(), c.problems());
            for (Exercises.Variant v : c.variants()) assertEquals(v.exercise().questions().size(), v.answers().size());
        }));
    }

    @TestFactory
    Stream<DynamicTest> theSchemaAcceptsEveryExercise() throws IOException {
        Schema schema = schema();
        return Exercises.files(List.of(LIBRARY)).stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(),
                () -> assertEquals(List.of(), validate(schema, json(Files.readString(f))))));
    }

    @Test
    void theLibraryIsLargeAndUsesEveryAnswerKind() throws IOException {
        Set<String> rubrics = rubrics();
        var files = Exercises.files(List.of(LIBRARY));
        assertTrue(files.size() >= 30, files.size() + " exercises");
        Set<Exercise.Kind> kinds = files.stream().flatMap(f -> Exercises.check(f, rubrics).variants().stream().limit(1))
                .flatMap(v -> v.exercise().questions().stream()).map(Exercise.Question::kind).collect(Collectors.toSet());
        assertEquals(Set.of(Exercise.Kind.values()), kinds);
        assertTrue(Files.exists(LIBRARY.resolve("seed-memory-references.yaml")));
    }

    @Nested
    class TheSchema {
        @Test
        void rejectsAnUnknownKey() throws IOException {
            assertFalse(validate(schema(), json("id: a\ntitle: T\ncode: x = 1\ntitel: U\nquestions: [{id: q, prompt: p, answer: output}]\n")).isEmpty());
        }

        @Test
        void rejectsAProbeWithoutAnExpression() throws IOException {
            assertFalse(validate(schema(), json("id: a\ntitle: T\ncode: x = 1\nquestions: [{id: q, prompt: p, answer: int, after: 1}]\n")).isEmpty());
        }

        @Test
        void acceptsAMinimalExercise() throws IOException {
            assertEquals(List.of(), validate(schema(), json("id: a\ntitle: T\ncode: x = 1\nquestions: [{id: q, prompt: p, answer: output}]\n")));
        }
    }
}
