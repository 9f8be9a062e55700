package dev.refgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The progress bar `grade` draws on a terminal: once per percent, with messages printed above it. */
class ProgressTest {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void itRedrawsOncePerPercentAndEndsOnACleanLine() {
        Progress bar = new Progress(1000, true, err);
        for (int i = 0; i < 1000; i++) bar.step();
        bar.done();
        assertEquals(101, text().split("\r\\[", -1).length - 1, "0% to 100%, each drawn once");
        assertTrue(text().contains("] 100% 1000/1000 graded"), text());
        assertTrue(text().endsWith("\r\033[K"), "the bar is erased at the end");
    }

    @Test
    void aMessageGoesAboveTheBar() {
        Progress bar = new Progress(10, true, err);
        bar.step();
        bar.above("answers.json:3:2: row 2: skipped");
        assertTrue(text().contains("\r\033[Kanswers.json:3:2: row 2: skipped\n\r["), text());
    }

    @Test
    void hiddenItPrintsOnlyTheMessages() {
        Progress bar = new Progress(10, false, err);
        bar.step();
        bar.above("a message");
        bar.done();
        assertEquals("a message\n", text());
    }
}
