package dev.refgrade.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The command line as a user runs it, in this JVM: the exit status, stdout and stderr. */
final class Cli {
    private Cli() {}

    record Outcome(int exit, String out, String err) {}

    static Outcome run(String... args) {
        return run(Main::execute, args);
    }

    /** The same command line, through picocli whatever it is (no plain path). */
    static Outcome viaPicocli(String... args) {
        return run(a -> Commands.commandLine().execute(a), args);
    }

    private static synchronized Outcome run(java.util.function.ToIntFunction<String[]> main, String... args) {
        PrintStream out = System.out, err = System.err;
        var o = new ByteArrayOutputStream();
        var e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int exit = main.applyAsInt(args);
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
