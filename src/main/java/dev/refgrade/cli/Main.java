package dev.refgrade.cli;

import dev.refgrade.runtime.Programs;
import java.util.concurrent.Callable;

/**
 * `java -jar refgrade.jar COMMAND`: the command line of ../shared/DESIGN.md ({@link Commands}).
 * No picocli type appears here: the launcher resolves every signature of the main class at start-up.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Integer plain = plain(args);
        if (plain != null) {
            // System.exit logs the exit (Runtime.exit, at DEBUG), and finding the logger makes a
            // ServiceLoader open and index the whole jar: a tenth of a cold `run`. The plain commands
            // register no shutdown hook and leave nothing unflushed but these two streams.
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(plain);
        }
        System.exit(Commands.commandLine(args).execute(args));
    }

    /**
     * Runs the command line {@code args} and returns its exit status: `run FILE`, `run --python V FILE`
     * `check PATH...` and `grade` with its usual options without picocli (see {@link RunCommand#plain}), everything else through it.
     */
    public static int execute(String[] args) {
        Integer plain = plain(args);
        return plain != null ? plain : Commands.commandLine(args).execute(args);
    }

    private static Integer plain(String[] args) {
        Integer plain = RunCommand.plain(args);
        if (plain == null) plain = CheckCommand.plain(args);
        if (plain == null) plain = GradeCommand.plain(args);
        return plain;
    }

    /**
     * Calls a command parsed without picocli; an exception out of it ends as picocli ends it: its stack
     * trace, and status 1. It runs on a thread with a deep stack, where every program it runs then runs too.
     */
    static int callPlain(Callable<Integer> command) {
        try {
            return Programs.onDeepStack(command);
        } catch (Exception e) {
            e.printStackTrace();
            return 1;
        }
    }
}
