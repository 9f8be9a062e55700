package dev.refgrade.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A one-line progress bar on stderr, redrawn at most once per percent; messages print above it. */
final class Progress {
    private final long total;
    private final boolean shown;
    private final PrintStream err;
    private long done;
    private int drawn = -1;

    Progress(long total, boolean shown, PrintStream err) {
        this.total = total;
        this.shown = shown && total > 0;
        this.err = err;
    }

    /** Whether stderr is a terminal: Java 21 cannot ask, so ask Linux which file fd 2 is. */
    static boolean isTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    void step() {
        done++;
        int pct = (int) (done * 100 / total);
        if (shown && pct != drawn) {
            drawn = pct;
            draw();
        }
    }

    void above(String message) {
        if (shown) err.print("\r\033[K");
        err.println(message);
        if (shown) draw();
    }

    void done() {
        if (shown) err.print("\r\033[K");
    }

    private void draw() {
        int width = 30, filled = (int) (done * width / total);
        err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + drawn + "% " + done + "/" + total + " graded");
        err.flush();
    }
}
