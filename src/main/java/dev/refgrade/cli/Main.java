package dev.refgrade.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `java -jar refgrade.jar COMMAND`: the command line of ../shared/DESIGN.md. */
@Command(name = "refgrade", mixinStandardHelpOptions = true, version = "refgrade 0.1.0",
        description = "Grades predictions about Python's memory model against a simulator of CPython 3.11.",
        subcommands = {RunCommand.class, TraceCommand.class, CheckCommand.class, GradeCommand.class, BenchCommand.class,
                GradingBenchCommand.class, ServeCommand.class, LoadtestCommand.class})
public final class Main implements Runnable {
    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with --help and --version on every command too: `refgrade serve --help` is where people look first. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.getSubcommands().values().forEach(sub -> sub.getCommandSpec().mixinStandardHelpOptions(true));
        return cl;
    }
}
