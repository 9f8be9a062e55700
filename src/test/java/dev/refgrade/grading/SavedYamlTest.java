package dev.refgrade.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refgrade.exercise.Exercises;
import dev.refgrade.exercise.Problems;
import dev.refgrade.exercise.YamlDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.nodes.Node;

/** A YAML tree recalled from the key cache loads as the tree SnakeYAML made loads: the same exercise, rubric and problems. */
class SavedYamlTest {
    @TempDir
    Path dir;

    /** Every YAML file of the repository: the exercise library, the rubrics and the tests' own, valid and not. */
    private static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> s = Stream.of("exercises", "rubrics", "src/test/resources").map(Path::of).flatMap(SavedYamlTest::walk)) {
            List<Path> files = s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertTrue(files.size() > 40, files::toString);
            return files;
        }
    }

    private static Stream<Path> walk(Path p) {
        try {
            return Files.walk(p).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Node parsed(String text) {
        return YamlDocument.parse(text, new Problems("t"), "a file", "something", null);
    }

    @Nested
    class WhatItKeeps {
        @Test
        void everyTreeReadsBackToTheSameTree() throws IOException {
            for (Path f : yamlFiles()) {
                Node root = parsed(Files.readString(f));
                if (root == null) continue;
                var tree = SavedYaml.tree(root);
                assertNotNull(tree, f::toString);
                assertEquals(tree, SavedYaml.tree(SavedYaml.node(tree)), f::toString);
            }
        }

        @Test
        void notATreeWhoseAliasesMakeItRecursive() {
            assertNull(SavedYaml.tree(parsed("a: &x [1, *x]\n")));
        }

        @Test
        void notATreeWhoseAliasesExpandItPastTheLimit() {
            StringBuilder b = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
            for (int i = 1; i < 6; i++) b.append("a").append(i).append(": &a").append(i).append(" [").append(("*a" + (i - 1) + ", ").repeat(9)).append("*a").append(i - 1).append("]\n");
            assertNull(SavedYaml.tree(parsed(b.toString())));
        }

        @Test
        void aTreeWhoseAliasesOnlyRepeatANode() {
            var tree = SavedYaml.tree(parsed("a: &x [1, 2]\nb: *x\n"));
            assertNotNull(tree);
            assertEquals(tree, SavedYaml.tree(SavedYaml.node(tree)));
        }
    }

    @Nested
    class WhatLoadsFromIt {
        @Test
        void everyExerciseAndItsProblemsAsFromTheFile() throws IOException {
            for (Path f : yamlFiles()) {
                KeyCache first = new KeyCache(dir.resolve("cache"), "build");
                Exercises.Checked parsed = Exercises.check(f, null, null, first);
                first.save();
                KeyCache second = new KeyCache(dir.resolve("cache"), "build");
                Exercises.Checked recalled = Exercises.check(f, null, null, second);
                String text = Files.readString(f);
                if (!text.contains("{{") && parsed.valid()) assertNotNull(second.recalled(text), () -> f + " was parsed again");
                if (!parsed.valid()) assertNull(second.recalled(text), () -> f + " is invalid and kept");
                assertEquals(parsed.problems(), recalled.problems(), f::toString);
                assertEquals(parsed.variants().stream().map(Exercises.Variant::exercise).toList(),
                        recalled.variants().stream().map(Exercises.Variant::exercise).toList(), f::toString);
            }
        }

        @Test
        void everyRubricAndItsProblemsAsFromTheFile() throws IOException {
            for (Path f : yamlFiles()) {
                KeyCache first = new KeyCache(dir.resolve("cache"), "build");
                Problems p1 = new Problems(f.toString()), p2 = new Problems(f.toString());
                Rubric parsed = Rubrics.file(f, p1, first);
                first.save();
                Rubric recalled = Rubrics.file(f, p2, new KeyCache(dir.resolve("cache"), "build"));
                assertEquals(p1.all(), p2.all(), f::toString);
                assertEquals(parsed, recalled, f::toString);
            }
        }

        @Test
        void aTreeIsRecalledNotParsed() throws IOException {
            KeyCache first = new KeyCache(dir.resolve("cache"), "build");
            Node parsed = YamlDocument.parse("a: 1\n", new Problems("t"), "a file", "something", first);
            first.treeOf("a: 1\n", parsed);
            first.save();
            KeyCache second = new KeyCache(dir.resolve("cache"), "build");
            Node recalled = second.recalled("a: 1\n");
            assertNotNull(recalled);
            assertTrue(recalled != parsed);
            assertEquals(SavedYaml.tree(parsed), SavedYaml.tree(recalled));
            assertNull(second.recalled("a: 2\n"), "another text");
        }

        @Test
        void aTornTreeIsParsedAgainAndSavedOver() throws IOException {
            KeyCache first = new KeyCache(dir.resolve("cache"), "build");
            first.treeOf("a: 1\n", parsed("a: 1\n"));
            first.save();
            Path file;
            try (Stream<Path> s = Files.walk(dir.resolve("cache"))) {
                file = s.filter(Files::isRegularFile).findFirst().orElseThrow();
            }
            Files.writeString(file, Files.readString(file).replace("\"s\"", "\"x\""));
            KeyCache second = new KeyCache(dir.resolve("cache"), "build");
            assertNull(second.recalled("a: 1\n"));
            second.treeOf("a: 1\n", parsed("a: 1\n"));
            second.save();
            assertNotNull(new KeyCache(dir.resolve("cache"), "build").recalled("a: 1\n"));
        }
    }
}
