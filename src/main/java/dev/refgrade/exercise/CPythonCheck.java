package dev.refgrade.exercise;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Asks real CPython what the simulator answered: each probed program runs under python3 exactly
 * as the simulator ran it (scripts as `python3 FILE.py`, cells through exec(compile(...)) in one
 * namespace), with a startup module that provides the probe helpers and sends each probe's repr to
 * a file of its own, so the program's stdout stays what it is.
 */
public final class CPythonCheck {
    private final String python;
    private final String version;

    private CPythonCheck(String python, String version) {
        this.python = python;
        this.version = version;
    }

    /** The check, or null when that command is not a runnable python. */
    public static CPythonCheck start(String python) {
        try {
            Process p = new ProcessBuilder(python, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 && out.startsWith("Python 3") ? new CPythonCheck(python, out) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    public String version() {
        return version;
    }

    /** One line per question whose CPython answer differs from the simulator's. */
    public List<String> compare(Exercises.Variant v) throws IOException {
        List<String> out = new ArrayList<>();
        Exercise ex = v.exercise();
        for (Keyer.Probed p : v.probed()) {
            Path dir = Files.createTempDirectory("refgrade-cpython");
            try {
                String problem = compare(ex, p, dir);
                if (problem != null) out.add(p.question() + ": " + problem);
            } finally {
                try (var s = Files.walk(dir)) {
                    s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
        return out;
    }

    private String compare(Exercise ex, Keyer.Probed p, Path dir) throws IOException {
        Instrumented program = p.program();
        Path probes = dir.resolve("probes.txt");
        Files.writeString(dir.resolve("sitecustomize.py"), Drivers.prelude(program.handles));
        Path main;
        if (ex.profile() == Exercise.Profile.CELLS) {
            main = dir.resolve("cells.py");
            Files.writeString(main, Drivers.cells(program, program.site));
        } else {
            main = dir.resolve(ex.id() + ".py");
            Files.writeString(main, Drivers.redirectProbe(program.sources.get(0).text(), program.site));
        }
        Run r = run(main, dir, probes);
        if (r == null) return "python3 did not finish within 20 seconds";
        if (p.kind() == Exercise.Kind.OUTPUT) {
            String[] cells = r.stdout.split(Drivers.CELL_END, -1);
            String cpython = p.cell() > 0 ? (p.cell() - 1 < cells.length ? cells[p.cell() - 1] : "") : String.join("", cells);
            return cpython.equals(p.text()) ? null : "the simulator prints " + firstDifference(p.text(), cpython);
        }
        List<String> hits = Files.exists(probes) ? Files.readAllLines(probes, StandardCharsets.UTF_8) : List.of();
        if (hits.isEmpty()) return "under CPython the probe never ran" + (r.exit != 0 ? " (" + lastLine(r.stderr) + ")" : "");
        int k = p.hit() == Exercise.Point.LAST || p.hit() > hits.size() ? hits.size() - 1 : Math.max(p.hit(), 1) - 1;
        String cpython = hits.get(k);
        return cpython.equals(p.text()) ? null : "the simulator says " + p.text() + ", CPython says " + cpython;
    }

    private record Run(String stdout, String stderr, int exit) {}

    private Run run(Path main, Path dir, Path probes) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(python, main.toAbsolutePath().toString()).directory(dir.toFile());
        var env = pb.environment();
        for (String v : List.of("PYTHONMALLOC", "PYTHONDEVMODE", "PYTHONTRACEMALLOC", "PYTHONWARNINGS", "PYTHONHASHSEED",
                "PYTHONSTARTUP", "PYTHONINSPECT")) env.remove(v);
        env.put("PYTHONPATH", dir.toAbsolutePath().toString());
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.put("REFGRADE_PROBE_OUT", probes.toAbsolutePath().toString());
        Path stdout = dir.resolve("stdout.txt"), stderr = dir.resolve("stderr.txt");
        Process proc = pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try {
            if (!proc.waitFor(20, TimeUnit.SECONDS)) {
                proc.destroyForcibly();
                return null;
            }
        } catch (InterruptedException e) {
            proc.destroyForcibly();
            Thread.currentThread().interrupt();
            return null;
        }
        return new Run(Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8), proc.exitValue());
    }

    private static String firstDifference(String ours, String theirs) {
        String[] a = ours.split("\n", -1), b = theirs.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "(nothing)", y = i < b.length ? b[i] : "(nothing)";
            if (!x.equals(y)) return "'" + x + "' on output line " + (i + 1) + ", CPython prints '" + y + "'";
        }
        return "the same lines with other line ends";
    }

    private static String lastLine(String s) {
        String[] lines = s.strip().split("\n");
        return lines[lines.length - 1];
    }
}
