package dev.refgrade.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line of ../shared/DESIGN.md as picocli reads it: the root command and its commands.
 * Kept out of {@link Main}, whose methods the launcher reflects over before `main` runs: a
 * picocli type in their signatures loaded picocli's CommandLine class (from the jar, verified) on
 * every start, even a `run` that never uses picocli.
 */
@Command(name = "refgrade", mixinStandardHelpOptions = true, version = "refgrade 0.1.0",
        description = "Grades predictions about Python's memory model against a simulator of CPython 3.11.")
public final class Commands implements Runnable {
    /** The commands, in the order `refgrade --help` lists them. */
    private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("run", RunCommand::new);
        COMMANDS.put("trace", TraceCommand::new);
        COMMANDS.put("check", CheckCommand::new);
        COMMANDS.put("grade", GradeCommand::new);
        COMMANDS.put("bench", BenchCommand::new);
        COMMANDS.put("bench-grading", GradingBenchCommand::new);
        COMMANDS.put("serve", ServeCommand::new);
        COMMANDS.put("loadtest", LoadtestCommand::new);
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** The command line with every command: for `refgrade --help`, a mistyped command, and the tests. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line for {@code args}: when they start with a command's name, only that command is
     * built. picocli reads every command's annotations by reflection when it is added, which was
     * most of a cold start's CPU for the seven commands a run never uses.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cl = new CommandLine(new Commands());
        Supplier<Object> asked = args.length > 0 ? COMMANDS.get(args[0]) : null;
        if (asked != null) cl.addSubcommand(args[0], asked.get());
        else COMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
        // --help and --version on every command too: `refgrade serve --help` is where people look first.
        cl.getSubcommands().values().forEach(sub -> sub.getCommandSpec().mixinStandardHelpOptions(true));
        return cl;
    }
}
