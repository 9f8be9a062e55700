package dev.refgrade.cli;

/**
 * `java -jar refgrade.jar COMMAND`: the command line of ../shared/DESIGN.md ({@link Commands}).
 * No picocli type appears here: the launcher resolves every signature of the main class at start-up.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs the command line {@code args} and returns its exit status: `run FILE`, `run --python V FILE`
     * and `check PATH...` without picocli (see {@link RunCommand#plain}), everything else through it.
     */
    public static int execute(String[] args) {
        Integer plain = RunCommand.plain(args);
        if (plain == null) plain = CheckCommand.plain(args);
        return plain != null ? plain : Commands.commandLine(args).execute(args);
    }
}
