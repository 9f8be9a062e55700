package dev.refgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `check` as a user runs it: the exit status, the key on stdout, the problems on stderr. */
class CheckCommandTest {
    @TempDir
    Path dir;

    static Cli.Outcome check(String... args) {
        return Cli.run(args);
    }

    Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    static final String VALID = "id: ok\ntitle: T\ncode: |\n  a = [1]\n  b = a\nquestions:\n  - {id: q1, prompt: p, answer: bool, after: 2, expr: a is b}\n";

    @Test
    void validExercisesExitZeroAndPrintTheirKeys() throws Exception {
        Cli.Outcome o = check("check", write("ok.yaml", VALID).toString());
        assertEquals(0, o.exit(), o.err());
        assertTrue(o.out().contains("q1       bool    True"), o.out());
    }

    @Test
    void jsonPrintsOneLinePerVariantInTheContractsForm() throws Exception {
        Cli.Outcome o = check("check", "--json", write("ok.yaml", VALID).toString());
        assertEquals("{\"exercise\":\"ok\",\"variant\":{},\"answers\":{\"q1\":true}}\n", o.out());
    }

    @Test
    void anInvalidExerciseExitsOneWithItsPosition() throws Exception {
        Path bad = write("bad.yaml", VALID.replace("bad", "x").replace("id: ok", "id: bad").replace("title: T", "titel: T"));
        Cli.Outcome o = check("check", bad.toString(), write("ok.yaml", VALID).toString());
        assertEquals(1, o.exit());
        assertTrue(o.err().contains(bad + ":2:1: unknown key 'titel' in the exercise; did you mean 'title'?"), o.err());
        assertTrue(o.out().contains("q1"), "the valid file is still keyed");
    }

    @Test
    void twoFilesWithOneIdAreAnError() throws Exception {
        write("a/ok.yaml", VALID);
        write("b/ok.yaml", VALID);
        Cli.Outcome o = check("check", dir.toString());
        assertEquals(1, o.exit());
        assertTrue(o.err().contains("exercise id 'ok' is already used by"), o.err());
    }

    @Test
    void checkWithoutOptionsSkipsPicocliAndPrintsTheSameKey() throws Exception {
        String f = write("ok.yaml", VALID).toString();
        assertEquals(Cli.viaPicocli("check", f), check("check", f));
    }

    @Test
    void checkWithItsFlagsSkipsPicocliAndPrintsWhatPicocliDoes() throws Exception {
        String f = write("ok.yaml", VALID).toString();
        assertEquals(Cli.viaPicocli("check", "--json", f, "--no-cache"), check("check", "--json", f, "--no-cache"));
    }

    @Test
    void anOptionThePlainPathDoesNotKnowIsLeftToPicocli() {
        assertNull(CheckCommand.plain(new String[] {"check", "--python", "3.12", "x.yaml"}));
        assertNull(CheckCommand.plain(new String[] {"check", "--json", "--json", "x.yaml"}));
        assertNull(CheckCommand.plain(new String[] {"check", "--json"}));
        assertNull(CheckCommand.plain(new String[] {"check", "@args.txt"}));
        assertNull(CheckCommand.plain(new String[] {"check", "--", "x.yaml"}));
    }

    @Test
    void checkWithoutOptionsReportsAnInvalidFileAsPicocliDoes() throws Exception {
        String bad = write("bad.yaml", "id: bad\ncode: |\n  a = 1\n").toString();
        String missing = dir.resolve("absent.yaml").toString();
        assertEquals(Cli.viaPicocli("check", bad, missing), check("check", bad, missing));
    }

    @Nested
    class TheRubricsBesideTheExercises {
        static final String RUBRIC = "name: exam\npoints:\n  per_question: 2\n";

        @Test
        void anExerciseNamingARubricTheFolderHasIsValid() throws Exception {
            write("rubrics/exam.yaml", RUBRIC);
            Cli.Outcome o = check("check", write("ex/ok.yaml", VALID.replace("title: T", "title: T\nrubric: exam")).toString());
            assertEquals(0, o.exit(), o.err());
        }

        @Test
        void anExerciseNamingAMissingRubricIsInvalidAndItsKeyIsNotPrinted() throws Exception {
            write("rubrics/exam.yaml", RUBRIC);
            Path ex = write("ex/ok.yaml", VALID.replace("title: T", "title: T\nrubric: practise"));
            Cli.Outcome o = check("check", ex.toString());
            assertEquals(1, o.exit());
            assertEquals(ex + ":1:1: rubric 'practise' does not exist; rubrics: exam\n1 exercise file checked, 1 invalid\n", o.err());
            assertEquals("", o.out());
        }

        @Test
        void aBrokenRubricIsReportedOnceBeforeTheExercisesOfItsFolder() throws Exception {
            write("rubrics/default.yaml", RUBRIC.replace("exam", "default"));
            write("rubrics/exam.yaml", "name: exam\npoints:\n  per_question: many\n");
            write("ex/a.yaml", VALID.replace("id: ok", "id: a"));
            write("ex/b.yaml", VALID.replace("id: ok", "id: b"));
            Cli.Outcome o = check("check", dir.resolve("ex").toString());
            assertEquals(1, o.exit(), "a broken rubric fails the check");
            List<String> lines = o.err().lines().toList();
            assertEquals(2, lines.size(), o.err());
            assertTrue(lines.get(0).startsWith(dir.resolve("rubrics/exam.yaml") + ":3:17: "), o.err());
            assertTrue(o.out().contains("a.yaml: a") && o.out().contains("b.yaml: b"), o.out());
        }
    }

    /** With a key cache (as from the jar: refgrade.build stands in for the jar's identity). */
    static Cli.Outcome cached(Path cache, String... args) {
        System.setProperty("refgrade.cache", cache.toString());
        System.setProperty("refgrade.build", "a test build");
        try {
            return Cli.run(args);
        } finally {
            System.clearProperty("refgrade.cache");
            System.clearProperty("refgrade.build");
        }
    }

    /** How many files the key cache holds (each build keeps its own folder). */
    static long files(Path folder) throws java.io.IOException {
        if (!Files.isDirectory(folder)) return 0;
        try (var s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    /** The key cache's files about an exercise ("file"), a rubric ("rubric") or a YAML text ("yaml"). */
    static List<Path> filesAbout(Path folder, String kind) throws java.io.IOException {
        if (!Files.isDirectory(folder)) return List.of();
        try (var s = Files.walk(folder)) {
            List<Path> out = new java.util.ArrayList<>();
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                if (new com.fasterxml.jackson.databind.ObjectMapper().readTree(f.toFile()).has(kind)) out.add(f);
            }
            return out;
        }
    }

    /** The one file about an exercise that the key cache holds. */
    static Path theFile(Path folder) throws java.io.IOException {
        List<Path> all = filesAbout(folder, "file");
        assertEquals(1, all.size(), all::toString);
        return all.get(0);
    }

    /** Every file of the key cache, and what it holds. */
    static java.util.Map<Path, String> contents(Path folder) throws java.io.IOException {
        try (var s = Files.walk(folder)) {
            java.util.Map<Path, String> out = new java.util.TreeMap<>();
            for (Path f : s.filter(Files::isRegularFile).toList()) out.put(f, Files.readString(f));
            return out;
        }
    }

    @Nested
    class TheBuildOfAJar {
        @Test
        void isTheSha256ItsBuildWroteBesideIt() throws Exception {
            Path jar = write("r.jar", "the jar's bytes\n");
            Files.writeString(dir.resolve("r.jar.id"), "a".repeat(64) + " " + Files.size(jar) + "\n");
            assertTrue(KeyCaches.jarBuild(jar).startsWith("a".repeat(64) + " "), KeyCaches.jarBuild(jar));
        }

        @Test
        void isNoneWithoutThatFileOrForAnotherJar() throws Exception {
            Path jar = write("r.jar", "the jar's bytes\n");
            assertEquals(null, KeyCaches.jarBuild(jar), "no file beside it");
            Files.writeString(dir.resolve("r.jar.id"), "a".repeat(64) + " " + (Files.size(jar) + 1) + "\n");
            assertEquals(null, KeyCaches.jarBuild(jar), "written for a jar of another size");
            Files.writeString(dir.resolve("r.jar.id"), "a".repeat(64) + " " + Files.size(jar) + "\n");
            Files.setLastModifiedTime(dir.resolve("r.jar.id"), java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
            assertEquals(null, KeyCaches.jarBuild(jar), "written before the jar was built again");
        }
    }

    @Nested
    class WithTheKeyCache {
        @Test
        void aSecondCheckPrintsTheKeyItRecalls() throws Exception {
            Path cache = dir.resolve("cache");
            String file = write("ok.yaml", VALID).toString();
            Cli.Outcome first = cached(cache, "check", file);
            assertEquals(1, filesAbout(cache, "file").size());
            assertEquals(1, filesAbout(cache, "yaml").size(), "and its YAML tree");
            assertEquals(first, cached(cache, "check", file));
            assertEquals(first, check("check", file), "as without the cache");
        }

        @Test
        void prepareSavesTheSameWithoutPicocliAsThroughIt() throws Exception {
            String file = write("ok.yaml", VALID).toString();
            Cli.Outcome plain = cached(dir.resolve("plain"), "check", "--prepare", file);
            System.setProperty("refgrade.cache", dir.resolve("picocli").toString());
            System.setProperty("refgrade.build", "a test build");
            try {
                assertEquals(Cli.viaPicocli("check", "--prepare", file), plain);
            } finally {
                System.clearProperty("refgrade.cache");
                System.clearProperty("refgrade.build");
            }
            assertEquals(0, plain.exit(), plain.err());
            assertTrue(filesAbout(dir.resolve("plain"), "file").size() == 1, "it saved the exercise");
            // As JSON: the other versions' answers are worked out side by side and saved in the order they finish.
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            java.util.function.Function<Path, java.util.Set<Object>> saved = folder -> {
                try {
                    java.util.Set<Object> out = new java.util.HashSet<>();
                    for (String text : contents(folder).values()) out.add(json.readTree(text));
                    return out;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            assertEquals(saved.apply(dir.resolve("picocli")), saved.apply(dir.resolve("plain")));
        }

        @Test
        void noCacheNeitherReadsNorWritesIt() throws Exception {
            Path cache = dir.resolve("cache");
            Cli.Outcome o = cached(cache, "check", "--no-cache", write("ok.yaml", VALID).toString());
            assertEquals(0, o.exit(), o.err());
            assertEquals(0, files(cache));
        }

        @Test
        void aCacheThatCannotBeWrittenIsSaidAndChangesNothingElse() throws Exception {
            Path notAFolder = write("cache", "a file where the folder would be\n");
            String file = write("ok.yaml", VALID).toString();
            Cli.Outcome o = cached(notAFolder, "check", file);
            assertEquals(0, o.exit(), o.err());
            assertEquals(check("check", file).out(), o.out());
            assertTrue(o.err().startsWith("refgrade: could not save the key cache ("), o.err());
            assertEquals("a file where the folder would be\n", Files.readString(notAFolder));
        }

        @Test
        void anInvalidExerciseIsNotSaved() throws Exception {
            Path cache = dir.resolve("cache");
            Cli.Outcome o = cached(cache, "check", write("bad.yaml", VALID.replace("a is b", "a is")).toString());
            assertEquals(1, o.exit());
            assertEquals(0, files(cache));
        }

        @Test
        void offSwitchesItOff() throws Exception {
            System.setProperty("refgrade.build", "a test build");
            System.setProperty("refgrade.cache", "off");
            try {
                assertEquals(0, Cli.run("check", write("ok.yaml", VALID).toString()).exit());
            } finally {
                System.clearProperty("refgrade.cache");
                System.clearProperty("refgrade.build");
            }
            assertEquals(0, files(dir.resolve("off")));
        }
    }
}
