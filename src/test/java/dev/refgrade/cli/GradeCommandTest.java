package dev.refgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `grade` on a small course: each output format against its golden file under
 * src/test/resources/dev/refgrade/cli/grade/, and malformed rows reported and skipped.
 */
class GradeCommandTest {
    static final Path GOLDEN = Path.of("src/test/resources/dev/refgrade/cli/grade");
    @TempDir
    Path dir;
    Path exercise, rubric;

    @BeforeEach
    void course() throws Exception {
        exercise = Files.copy(Path.of("src/test/resources/dev/refgrade/grading/aliasing.yaml"), dir.resolve("aliasing.yaml"));
        rubric = Path.of("rubrics/default.yaml");
    }

    Cli.Outcome grade(String answers, String... more) {
        String[] base = {"grade", "--exercise", exercise.toString(), "--answers", GOLDEN.resolve(answers).toString(),
                "--rubric", rubric.toString(), "--due", "2026-12-02T00:00:00Z"};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return Cli.run(args);
    }

    static void assertGolden(String name, String actual) throws Exception {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("refgrade.updateGolden")) Files.writeString(file, actual);
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "golden file " + file + " (rerun with -Drefgrade.updateGolden=true to accept)");
    }

    @Nested
    class Formats {
        @Test
        void jsonHasOneEntryPerGradedRow() throws Exception {
            Cli.Outcome o = grade("answers.json", "--format", "json");
            assertEquals(0, o.exit(), o.err());
            assertGolden("answers.json.out", o.out());
            JsonNode rows = new ObjectMapper().readTree(o.out());
            assertEquals(3, rows.size());
            rows.forEach(r -> assertTrue(r.has("student") && r.has("score") && r.has("max")));
        }

        @Test
        void csvIsAGradebookWithOneLinePerStudent() throws Exception {
            Cli.Outcome o = grade("answers.json", "--format", "csv");
            assertGolden("answers.gradebook.csv", o.out());
        }

        @Test
        void gradescopeGivesScoreMaxAndOneTestPerQuestion() throws Exception {
            Cli.Outcome o = grade("answers.json", "--format", "gradescope");
            assertGolden("answers.gradescope.json", o.out());
            JsonNode first = new ObjectMapper().readTree(o.out()).get(0);
            assertEquals(7, first.get("tests").size());
            assertTrue(first.has("score") && first.has("max_score"));
        }
    }

    @Nested
    class WithTheKeyCache {
        @Test
        void aGradeThatRecallsEverythingPrintsTheGoldenGrades() throws Exception {
            Path cache = dir.resolve("cache");
            String[] args = {"grade", "--exercise", exercise.toString(), "--answers", GOLDEN.resolve("answers.json").toString(),
                    "--rubric", rubric.toString(), "--due", "2026-12-02T00:00:00Z"};
            Cli.Outcome first = CheckCommandTest.cached(cache, args);
            assertEquals(1, CheckCommandTest.filesAbout(cache, "file").size());
            var saved = CheckCommandTest.contents(cache);
            Cli.Outcome second = CheckCommandTest.cached(cache, args);
            assertEquals(first, second);
            assertGolden("answers.json.out", second.out());
            assertEquals(saved, CheckCommandTest.contents(cache), "nothing new to save the second time");
        }

        @Test
        void afterCheckPrepareAGradeRunsNothingNew() throws Exception {
            Path cache = dir.resolve("cache");
            Cli.Outcome prepared = CheckCommandTest.cached(cache, "check", "--prepare", exercise.toString());
            assertEquals(0, prepared.exit(), prepared.err());
            String saved = Files.readString(CheckCommandTest.theFile(cache));
            Cli.Outcome graded = CheckCommandTest.cached(cache, "grade", "--exercise", exercise.toString(), "--answers",
                    GOLDEN.resolve("answers.json").toString(), "--rubric", rubric.toString(), "--due", "2026-12-02T00:00:00Z");
            assertGolden("answers.json.out", graded.out());
            // (the --rubric file, which check never saw, is saved as loading, with its YAML tree)
            assertEquals(saved, Files.readString(CheckCommandTest.theFile(cache)), "the grade found all it needed saved");
        }

        @Test
        void prepareWithoutTheCacheIsRefused() {
            Cli.Outcome o = Cli.run("check", "--prepare", exercise.toString());
            assertEquals(2, o.exit());
            assertTrue(o.err().startsWith("refgrade: --prepare saves to the key cache, which is off here"), o.err());
        }
    }

    @Nested
    class Input {
        @Test
        void malformedRowsAreReportedWithTheirRowNumberAndSkipped() {
            Cli.Outcome o = grade("answers.json");
            assertTrue(o.err().contains("answers.json:5:2: row 4: 'student' is missing; skipped"), o.err());
            assertTrue(o.err().contains("answers.json:3:2: row 2 (student bob): answers.same must be true or false, not \"maybe\"; skipped"), o.err());
        }

        @Test
        void csvAnswersAreReadByEachQuestionsKind() throws Exception {
            Cli.Outcome o = grade("answers.csv", "--format", "json");
            assertEquals(0, o.exit(), o.err());
            assertGolden("answers.csv.out", o.out());
            assertTrue(o.err().contains("answers.csv:5:1: row 3: has 3 cells; the header has 6; skipped"), o.err());
            assertTrue(o.err().contains("answers.csv:4:1: row 2 (student bob): answers.same must be true or false"), o.err());
        }

        @Test
        void aDueDateThatIsNotIsoIsRefusedBeforeAnyGrade() {
            Cli.Outcome o = Cli.run("grade", "--exercise", exercise.toString(), "--answers", GOLDEN.resolve("answers.json").toString(),
                    "--due", "next friday");
            assertEquals(new Cli.Outcome(2, "", "refgrade: --due must be an ISO-8601 time like 2026-12-01T23:59:00Z, not 'next friday'\n"), o);
        }

        @Test
        void aFileThatIsNotJsonStopsWithItsPosition() throws Exception {
            Path bad = Files.writeString(dir.resolve("bad.json"), "[\n  {\"student\": \"a\",\n");
            Cli.Outcome o = Cli.run("grade", "--exercise", exercise.toString(), "--answers", bad.toString(), "--rubric", rubric.toString());
            assertEquals(1, o.exit());
            assertTrue(o.err().contains(bad + ":3:1: not valid JSON"), o.err());
        }

        @Test
        void anInvalidExerciseIsReportedAndNothingIsGraded() throws Exception {
            Files.writeString(exercise, "id: x\ntitle: T\ncode: |\n  a = 1\nquestions: []\nbogus: 1\n");
            Cli.Outcome o = grade("answers.json");
            assertEquals(1, o.exit());
            assertTrue(o.err().contains("aliasing.yaml:6:1: unknown key 'bogus'"), o.err());
            assertEquals("", o.out());
        }
    }

    @Nested
    class WithoutRubricOption {
        Cli.Outcome gradeBesideRubrics() {
            return Cli.run("grade", "--exercise", exercise.toString(), "--answers", GOLDEN.resolve("answers.json").toString(),
                    "--due", "2026-12-02T00:00:00Z", "--format", "csv");
        }

        @Test
        void theExercisesRubricIsReadFromTheRubricsFolderBesideIt() throws Exception {
            Files.createDirectories(dir.resolve("rubrics"));
            // The exam's points and policy under the name "default", which an exercise naming no rubric gets.
            Files.writeString(dir.resolve("rubrics/default.yaml"), Files.readString(Path.of("rubrics/exam.yaml")).replace("name: exam", "name: default"));
            Cli.Outcome o = gradeBesideRubrics();
            assertEquals(0, o.exit(), o.err());
            rubric = Path.of("rubrics/exam.yaml");
            assertEquals(grade("answers.json", "--format", "csv").out(), o.out());
            rubric = Path.of("rubrics/default.yaml");
            assertNotEquals(grade("answers.json", "--format", "csv").out(), o.out(), "the folder's rubric is not the built-in default's");
        }

        @Test
        void aRubricTheFolderLacksMakesTheExerciseInvalid() throws Exception {
            Files.createDirectories(dir.resolve("rubrics"));
            Files.writeString(dir.resolve("rubrics/exam.yaml"), "name: exam\n");
            Files.writeString(exercise, Files.readString(exercise).replace("title: Two names, one list", "title: T\nrubric: practice"));
            Cli.Outcome o = gradeBesideRubrics();
            assertEquals(1, o.exit());
            assertEquals(exercise + ":1:1: rubric 'practice' does not exist; rubrics: exam\n", o.err());
            assertEquals("", o.out());
        }
    }

    @Test
    void theUsualOptionsSkipPicocliAndGradeAsThroughIt() {
        String[] args = {"grade", "--exercise", exercise.toString(), "--answers", GOLDEN.resolve("answers.json").toString(),
                "--rubric", rubric.toString(), "--no-cache", "--due", "2026-12-02T00:00:00Z", "--format", "csv"};
        assertEquals(Cli.viaPicocli(args), Cli.run(args));
    }

    @Test
    void aMissingExerciseFileEndsAsThroughPicocli() {
        String[] args = {"grade", "--exercise", dir.resolve("absent.yaml").toString(), "--answers", GOLDEN.resolve("answers.json").toString()};
        assertEquals(Cli.viaPicocli(args), Cli.run(args));
    }

    @Test
    void anOptionThePlainPathDoesNotKnowIsLeftToPicocli() {
        assertEquals(null, GradeCommand.plain(new String[] {"grade", "--exercise", "e.yaml", "--answers", "a.json", "--no-progress", "x"}));
        assertEquals(null, GradeCommand.plain(new String[] {"grade", "--exercise", "e.yaml", "--answers", "a.json", "--format", "xml"}));
        assertEquals(null, GradeCommand.plain(new String[] {"grade", "--exercise", "e.yaml", "--rubric", "r.yaml"}));
        assertEquals(null, GradeCommand.plain(new String[] {"grade", "--exercise", "e.yaml", "--answers", "a.json", "--no-cache", "--no-cache"}));
        assertEquals(null, GradeCommand.plain(new String[] {"grade", "--exercise", "e.yaml", "--answers", "a.json", "--due"}));
    }
}
