package dev.refgrade.cli;

import dev.refgrade.runtime.Limits;
import dev.refgrade.runtime.Programs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `bench`: the whole corpus, parse plus run, each program in a fresh interpreter, timed on the
 * simulator in this JVM and on CPython in one python3 process, both warmed up the same way.
 */
@Command(name = "bench", description = "Time the conformance corpus on the simulator and on CPython (python3).")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--cases", defaultValue = "../shared/conformance/cases", description = "Directory of NAME.py programs (default: ${DEFAULT-VALUE}).")
    Path cases;

    @Option(names = "--rounds", defaultValue = "50", description = "Timed rounds over the whole corpus, each side (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup-seconds", defaultValue = "10", description = "Untimed rounds first, for this long, each side (default: ${DEFAULT-VALUE}).")
    double warmupSeconds;

    @Option(names = "--python", defaultValue = "python3", description = "The CPython 3.11 to compare with (default: ${DEFAULT-VALUE}).")
    String python;

    private record Program(String name, String source, String expected) {}

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<Program> corpus = load(cases);
        if (corpus.isEmpty() || rounds < 1) {
            System.err.println("refgrade: bench needs at least one round and a directory with .py files: " + cases);
            return 2;
        }
        long matching = Programs.onDeepStack(() -> corpus.stream().filter(p -> p.expected() != null
                && p.expected().equals(Programs.run(p.name(), p.source(), Limits.DEFAULT).stdout())).count());
        long[] simulator = Programs.onDeepStack(() -> timeSimulator(corpus));
        List<String> cpython = timeCPython(corpus);
        long[] reference = cpython.stream().skip(1).mapToLong(Long::parseLong).toArray();
        if (reference.length != rounds) {
            System.err.println("refgrade: " + python + " did not report " + rounds + " timed rounds");
            return 1;
        }
        System.out.printf("corpus     %d programs in %s, parse + run, each in a fresh interpreter%n", corpus.size(), cases);
        System.out.printf("checked    %d of %d print exactly their .out on the simulator%n", matching, corpus.size());
        System.out.printf("rounds     %.0f s untimed warm-up, then %d timed rounds, one process each side%n", warmupSeconds, rounds);
        report("simulator (JDK " + Runtime.version() + ")", simulator);
        report("CPython " + cpython.get(0), reference);
        System.out.printf("ratio      simulator / CPython = %.3f (medians), %.3f (means)%n",
                median(simulator) / median(reference), mean(simulator) / mean(reference));
        return matching == corpus.size() ? 0 : 1;
    }

    private static List<Program> load(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
        List<Program> corpus = new ArrayList<>();
        for (Path py : files) {
            Path out = Path.of(py.toString().replaceFirst("\\.py$", ".out"));
            String expected = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : null;
            corpus.add(new Program(py.toAbsolutePath().toString(), Files.readString(py, StandardCharsets.UTF_8), expected));
        }
        return corpus;
    }

    private long[] timeSimulator(List<Program> corpus) {
        long warmUntil = System.nanoTime() + (long) (warmupSeconds * 1e9);
        while (System.nanoTime() < warmUntil) simulatorRound(corpus);
        long[] times = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            simulatorRound(corpus);
            times[r] = System.nanoTime() - start;
        }
        return times;
    }

    private static void simulatorRound(List<Program> corpus) {
        for (Program p : corpus) Programs.run(p.name(), p.source(), Limits.DEFAULT);
    }

    /** Runs bench_driver.py in one python3 process: its version, then one round's nanoseconds per line. */
    private List<String> timeCPython(List<Program> corpus) throws IOException, InterruptedException {
        Path driver = Files.createTempFile("refgrade-bench", ".py");
        try {
            try (InputStream in = BenchCommand.class.getResourceAsStream("bench_driver.py")) {
                Files.write(driver, in.readAllBytes());
            }
            List<String> cmd = new ArrayList<>(List.of(python, driver.toString(), String.valueOf(warmupSeconds), String.valueOf(rounds)));
            corpus.forEach(p -> cmd.add(p.name()));
            Process proc = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            List<String> lines;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
                lines = r.lines().toList();
            }
            if (proc.waitFor() != 0 || lines.isEmpty()) throw new IOException(python + " failed running the corpus");
            return lines;
        } finally {
            Files.deleteIfExists(driver);
        }
    }

    private static void report(String who, long[] nanos) {
        System.out.printf("%-24s median %8.2f ms/round   mean %8.2f ms/round   min %8.2f ms%n",
                who, median(nanos) / 1e6, mean(nanos) / 1e6, Arrays.stream(nanos).min().orElseThrow() / 1e6);
    }

    private static double median(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
    }

    private static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElseThrow();
    }
}
