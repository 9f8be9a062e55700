package dev.refgrade.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refgrade.exercise.Problems;
import java.nio.file.Path;
import java.io.InputStream;
import java.time.Duration;
import java.util.Set;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.InputFormat;
import org.yaml.snakeyaml.Yaml;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Rubric files: the library's three load, and each mistake is reported where it is written. */
class RubricFilesTest {
    static String problem(String yaml) {
        Problems p = new Problems("r.yaml");
        Rubrics.parse(yaml, "r.yaml", p);
        assertEquals(1, p.all().size(), () -> "expected one problem, got " + p.all());
        return p.all().get(0).render();
    }

    @Nested
    class TheLibrary {
        final Rubrics library = Rubrics.load(Path.of("rubrics"));

        @Test
        void everyRubricLoads() {
            assertTrue(library.problems().isEmpty(), () -> library.problems().toString());
            assertEquals(Set.of("default", "exam", "practice"), library.names());
        }

        @Test
        void theExamAllowsOneAttemptAndRevealsNothing() {
            Rubric exam = library.get("exam").orElseThrow();
            assertEquals(1, exam.attempts().max());
            assertEquals(Rubric.Reveal.NEVER, exam.reveal());
            assertEquals(Duration.ZERO, exam.late().cutoff());
        }

        @Test
        void theSchemaAcceptsEveryRubric() throws Exception {
            Schema schema;
            try (InputStream in = RubricFilesTest.class.getResourceAsStream("/schema/rubric.schema.json")) {
                schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
            }
            for (Path f : java.nio.file.Files.list(Path.of("rubrics")).toList()) {
                com.fasterxml.jackson.databind.JsonNode json = new ObjectMapper().valueToTree(new Yaml().load(java.nio.file.Files.readString(f)));
                assertEquals(java.util.List.of(), schema.validate(json.toString(), InputFormat.JSON), f.toString());
            }
        }

        @Test
        void practiceIsUnlimitedAndRevealsAtOnce() {
            Rubric practice = library.get("practice").orElseThrow();
            assertEquals(false, practice.attempts().limited());
            assertEquals(Rubric.Reveal.ALWAYS, practice.reveal());
        }
    }

    @Nested
    class Mistakes {
        @Test
        void anUnknownKeyNamesTheClosest() {
            assertEquals("r.yaml:2:1: unknown key 'atempts' in a rubric; did you mean 'attempts'?", problem("name: r\natempts: {max: 2}\n"));
        }

        @Test
        void anUnknownRevealWordListsTheKnownOnes() {
            assertEquals("r.yaml:2:9: 'reveal' must be one of never, always, after_correct, after_last_attempt, after_due; not 'soon'",
                    problem("name: r\nreveal: soon\n"));
        }

        @Test
        void aCutoffMustBeADuration() {
            assertEquals("r.yaml:2:16: 'cutoff' must be a duration like 0, 36h, 2d or 1d 12h, or none; not 'tomorrow'",
                    problem("name: r\nlate: {cutoff: tomorrow}\n"));
        }

        @Test
        void aCreditAboveOneIsRefused() {
            assertEquals("r.yaml:3:36: 'credit' must be a number from 0 to 1, not '2'",
                    problem("name: r\npartial:\n  - {kind: int, off_by: 1, credit: 2}\n"));
        }

        @Test
        void theNameMustBeTheFilesName() {
            assertEquals("r.yaml:1:7: the rubric is named 'exam' but its file is r.yaml; name it 'r'", problem("name: exam\n"));
        }

        @Test
        void aMaximumOfAttemptsIsAWholeNumber() {
            assertEquals("r.yaml:2:17: 'max' must be a whole number of at least 1, not 'many'", problem("name: r\nattempts: {max: many}\n"));
        }

        @Test
        void notYamlIsReportedAtItsPosition() {
            assertTrue(problem("name: r\nreveal: [\n").startsWith("r.yaml:3:1: this is not valid YAML"));
        }
    }
}
