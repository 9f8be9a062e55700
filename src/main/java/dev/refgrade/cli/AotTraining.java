package dev.refgrade.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run of JDK 25's AOT cache (JEP 483/514/515), made by `aot-cache` at build time: runs one
 * command the way a user would, so the classes it loads, linked and profiled, are in the cache that
 * `./refgrade` starts that command from. One cache per command: a JVM started from a cache loads all
 * of its classes, and `run` needs none of Jackson's, YAML's or the grader's. Its output goes nowhere.
 * Arguments: the repository, whose programs, exercises and answers it uses, and the command.
 */
public final class AotTraining {
    private AotTraining() {}

    public static void main(String[] args) throws IOException {
        Path repo = Path.of(args[0]);
        List<String[]> commands = switch (args[1]) {
            case "run" -> runs(repo);
            case "check" -> List.of(new String[] {"check", repo.resolve("exercises").toString()},
                    new String[] {"check", "--json", repo.resolve("exercises/identity-is-vs-eq.yaml").toString()});
            case "grade" -> grades(repo);
            default -> throw new IllegalArgumentException("no training for command " + args[1]);
        };
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        // check and grade run three times: without a key cache (--no-cache, REFGRADE_CACHE=off), then
        // over a key cache of their own, once keying and once recalling the keys, so that every path is
        // in the AOT cache (a class it lacks is loaded from the jar, whose 11,000 entries cost a cold
        // grade 10 ms to index) and the user's key cache is left alone.
        Path keys = Files.createTempDirectory("refgrade-aot-keys");
        List<String> caches = args[1].equals("run") ? List.of("off") : List.of("off", keys.toString(), keys.toString());
        // Exit codes are not judged: a program that raises or is refused trains the cache as well as one that does not.
        for (String cache : caches) {
            System.setProperty("refgrade.cache", cache);
            for (String[] command : commands) {
                System.setOut(nowhere);
                System.setErr(nowhere);
                try {
                    Main.execute(command);
                } finally {
                    System.setOut(out);
                    System.setErr(err);
                }
            }
        }
        try (Stream<Path> s = Files.walk(keys)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
        // As Main ends a plain command: by halting, so the cache holds none of the classes System.exit
        // loads to log the exit (the JVM still writes the cache as it halts).
        Runtime.getRuntime().halt(0);
    }

    /** Every golden program, as 3.11 and as the newest version (whose rules take other paths). */
    private static List<String[]> runs(Path repo) throws IOException {
        List<String[]> commands = new ArrayList<>();
        try (Stream<Path> s = Files.list(repo.resolve("src/test/resources/programs"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".py")).sorted().toList()) {
                commands.add(new String[] {"run", p.toString()});
                commands.add(new String[] {"run", "--python", "3.14", p.toString()});
            }
        }
        return commands;
    }

    private static List<String[]> grades(Path repo) {
        Path answers = repo.resolve("src/test/resources/dev/refgrade/cli/grade/answers.json");
        List<String[]> commands = new ArrayList<>();
        for (String format : List.of("json", "csv", "gradescope")) {
            commands.add(new String[] {"grade", "--exercise", repo.resolve("src/test/resources/dev/refgrade/grading/aliasing.yaml").toString(),
                    "--answers", answers.toString(), "--rubric", repo.resolve("rubrics/default.yaml").toString(),
                    "--due", "2026-12-02T00:00:00Z", "--format", format});
        }
        return commands;
    }
}
