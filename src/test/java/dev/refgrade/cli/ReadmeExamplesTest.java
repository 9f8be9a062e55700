package dev.refgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's examples run as written, on the files it names. */
class ReadmeExamplesTest {
    @Test
    void theGradeExampleGradesTheSampleAnswersFile() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("./refgrade grade --exercise exercises/refcount-getrefcount-basics.yaml \\\n        --answers examples/answers.csv"));
        Cli.Outcome o = Cli.run("grade", "--exercise", "exercises/refcount-getrefcount-basics.yaml", "--answers", "examples/answers.csv",
                "--due", "2026-12-01T23:59:00Z", "--format", "csv");
        assertEquals(0, o.exit(), o.err());
        assertEquals(3, o.out().lines().count(), "a header and one line per student: " + o.out());
        assertTrue(o.out().contains("\nada,5,6,1,false,"), o.out());
    }

    @Test
    void theSampleRosterIsTheFormatTheReadmeShows() throws Exception {
        String roster = Files.readString(Path.of("examples/roster.csv"));
        assertTrue(Files.readString(Path.of("README.md")).contains(roster.strip().indent(4)), "the README shows examples/roster.csv as it is");
    }
}
