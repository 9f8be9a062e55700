package dev.refgrade.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The command line as a user runs it, in this JVM: the exit status, stdout and stderr. */
final class Cli {
    private Cli() {}

    record Outcome(int exit, String out, String err) {}

    static synchronized Outcome run(String... args) {
        PrintStream out = System.out, err = System.err;
        var o = new ByteArrayOutputStream();
        var e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.commandLine().execute(args);
            return new Outcome(exit, o.toString(StandardCharsets.UTF_8), withoutAgentLog(e.toString(StandardCharsets.UTF_8)));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /**
     * Jazzer's agent, once a fuzz test has installed it in this JVM, logs each class it instruments to
     * stderr as the class loads: that is the test JVM talking, not the command.
     */
    static String withoutAgentLog(String err) {
        return err.replaceAll("(?m)^INFO: Instrumented .*\\R", "");
    }
}
