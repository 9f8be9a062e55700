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
 * The training run of JDK 25's AOT cache (JEP 483/514/515), made by `aot-cache` at build time: runs
 * `run`, `check` and `grade` the way a user would, so the classes they load, linked and profiled,
 * are in the cache that `./refgrade` starts from. Its output goes nowhere.
 * Argument: the repository, whose programs, exercises and answers it uses.
 */
public final class AotTraining {
    private AotTraining() {}

    public static void main(String[] args) throws IOException {
        Path repo = Path.of(args.length > 0 ? args[0] : ".");
        Path programs = repo.resolve("src/test/resources/programs");
        Path grading = repo.resolve("src/test/resources/dev/refgrade/cli/grade");
        List<String[]> commands = new ArrayList<>();
        try (Stream<Path> s = Files.list(programs)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".py")).sorted().toList()) commands.add(new String[] {"run", p.toString()});
        }
        commands.add(new String[] {"check", repo.resolve("exercises").toString()});
        commands.add(new String[] {"check", "--json", repo.resolve("exercises/identity-is-vs-eq.yaml").toString()});
        for (String format : List.of("json", "csv", "gradescope")) {
            commands.add(new String[] {"grade", "--exercise", repo.resolve("src/test/resources/dev/refgrade/grading/aliasing.yaml").toString(),
                    "--answers", grading.resolve("answers.json").toString(), "--rubric", repo.resolve("rubrics/default.yaml").toString(),
                    "--due", "2026-12-02T00:00:00Z", "--format", format});
        }
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        // Exit codes are not judged: a program that raises or is refused trains the cache as well as one that does not.
        for (String[] command : commands) {
            System.setOut(nowhere);
            System.setErr(nowhere);
            try {
                Main.commandLine(command).execute(command);
            } finally {
                System.setOut(out);
                System.setErr(err);
            }
        }
    }
}
