package dev.refgrade.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refgrade.exercise.Exercises;
import dev.refgrade.runtime.PythonVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key cache: what one process works out for an exercise, the next recalls, and only when nothing it depends on changed. */
class KeyCacheTest {
    private static final String BUILD = "test build 1";

    @TempDir
    Path dir;

    private Path exercise(String text) throws IOException {
        Path f = dir.resolve("ex").resolve("aliasing.yaml");
        Files.createDirectories(f.getParent());
        return Files.writeString(f, text);
    }

    private Path cacheDir() {
        return dir.resolve("cache");
    }

    /** Checks the file with a fresh cache over the folder (as a new process would), and saves what it learnt. */
    private Exercises.Variant checked(Path file, String build, PythonVersion python) throws IOException {
        KeyCache cache = new KeyCache(cacheDir(), build);
        Exercises.Checked c = Exercises.check(file, Set.of("default"), python, cache);
        assertTrue(c.valid(), () -> c.problems().toString());
        cache.save();
        return c.variants().get(0);
    }

    private Exercises.Variant checked(Path file) throws IOException {
        return checked(file, BUILD, null);
    }

    /** The one file about the exercise (beside its YAML tree's). */
    private Path savedFile() throws IOException {
        try (Stream<Path> s = Files.walk(cacheDir())) {
            List<Path> files = new java.util.ArrayList<>();
            for (Path f : s.filter(Files::isRegularFile).toList()) if (JsonTrees.read(Files.readString(f)).has("file")) files.add(f);
            assertEquals(1, files.size(), files::toString);
            return files.get(0);
        }
    }

    @Nested
    class Recalling {
        @Test
        void aSecondProcessRecallsEveryKindOfAnswerWithoutKeying() throws IOException {
            Path file = exercise(Sample.text("aliasing.yaml")); // int, bool, text, output, choice, heap and lines
            Exercises.Variant first = checked(file);
            Exercises.Variant second = checked(file);
            assertFalse(first.probed().isEmpty(), "the first keys by running the probes");
            assertTrue(second.probed().isEmpty(), "the second runs none");
            assertEquals(first.answers(), second.answers());
        }

        @Test
        void gradesWithRecalledDiagnosesAndExplanationsAreTheSame() throws IOException {
            Path file = exercise(Sample.text("aliasing.yaml"));
            JsonNode answers = Sample.json("{\"count\": 2, \"same\": false, \"kind\": \"tuple\", \"pick\": [0]}");
            Rubric rubric = Sample.rubric("name: r\nreveal: always\nfeedback: {misconceptions: true, explanations: true}\n");
            KeyCache firstCache = new KeyCache(cacheDir(), BUILD);
            Exercises.Variant first = Exercises.check(file, null, null, firstCache).variants().get(0);
            Graded keyed = grade(first, rubric, answers);
            firstCache.save();
            Graded recalled = grade(checked(file), rubric, answers);
            assertEquals(keyed, recalled);
            assertTrue(keyed.questions().stream().anyMatch(q -> q.misconception() != null), "a misconception was named: " + keyed);
        }

        @Test
        void aCounterfactualAnswerComesFromTheFile() throws IOException {
            Path file = exercise(Sample.text("aliasing.yaml"));
            checked(file);
            // No belief makes sys.getrefcount(a) 77: if the diagnosis names one, it read it from the file.
            ObjectNode saved = (ObjectNode) JsonTrees.read(Files.readString(savedFile()));
            ((ObjectNode) saved.get("variants").get(0)).putObject("under").putObject("count").put("believing GETREFCOUNT_OMITS_ARGUMENT", 77);
            Files.writeString(savedFile(), JsonTrees.write(saved, false));
            Graded g = grade(checked(file), Rubric.DEFAULT, Sample.json("{\"count\": 77}"));
            assertEquals("getrefcount-omits-argument", g.questions().get(0).misconception(), g.questions().get(0).toString());
        }

        private Graded grade(Exercises.Variant v, Rubric rubric, JsonNode answers) {
            try {
                return new Grader().grade(v, rubric, List.of(), answers, Instant.parse("2026-12-01T00:00:00Z"), null);
            } catch (GradingException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Nested
    class KeyingAnew {
        @Test
        void whenTheExerciseChanged() throws IOException {
            Path file = exercise(Sample.text("aliasing.yaml"));
            checked(file);
            Files.writeString(file, Sample.text("aliasing.yaml").replace("b = a\n", "b = a[:]\n"));
            Exercises.Variant edited = checked(file);
            assertFalse(edited.probed().isEmpty());
            assertEquals("False", edited.answers().get("same").show());
        }

        @Test
        void forAnotherBuild() throws IOException {
            Path file = exercise(Sample.text("aliasing.yaml"));
            checked(file);
            assertFalse(checked(file, "test build 2", null).probed().isEmpty());
        }

        @Test
        void forAnotherPython() throws IOException {
            Path file = exercise(Sample.text("aliasing.yaml"));
            checked(file);
            Exercises.Variant v314 = checked(file, BUILD, PythonVersion.V3_14);
            assertFalse(v314.probed().isEmpty());
            assertTrue(checked(file, BUILD, PythonVersion.V3_14).probed().isEmpty(), "and recalls that version's next time");
        }

        @Test
        void whenTheFileIsTornAndThenMendsIt() throws IOException {
            Path file = exercise(Sample.text("aliasing.yaml"));
            Exercises.Variant first = checked(file);
            String whole = Files.readString(savedFile());
            Files.writeString(savedFile(), whole.substring(0, whole.length() / 2));
            Exercises.Variant again = checked(file);
            assertFalse(again.probed().isEmpty());
            assertEquals(first.answers(), again.answers());
            assertTrue(checked(file).probed().isEmpty(), "the torn file was written whole again");
        }
    }

    @Nested
    class OtherBuildsFolders {
        @Test
        void aNewBuildDeletesTheFoldersOfBuildsUnusedForAWeek() throws IOException {
            Path file = exercise(Sample.text("aliasing.yaml"));
            checked(file, "build 1", null);
            checked(file, "build 2", null);
            Path first = folderOf("build 1");
            Files.setLastModifiedTime(first, java.nio.file.attribute.FileTime.from(Instant.now().minus(KeyCache.UNUSED).minusSeconds(60)));
            checked(file, "build 3", null);
            assertFalse(Files.exists(first), "unused for over a week");
            assertTrue(Files.isDirectory(folderOf("build 2")), "used within the week");
            assertTrue(checked(file, "build 2", null).probed().isEmpty(), "and still recalled");
        }

        private Path folderOf(String build) throws IOException {
            try (Stream<Path> s = Files.list(cacheDir())) {
                for (Path folder : s.toList()) {
                    try (Stream<Path> files = Files.list(folder)) {
                        for (Path f : files.toList()) if (Files.readString(f).contains("\"build\":\"" + build + "\"")) return folder;
                    }
                }
            }
            throw new AssertionError("no folder for " + build);
        }
    }
}
