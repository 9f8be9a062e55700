package dev.refgrade.exercise;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Asks real CPython what the simulator answered: each probed program runs on the {@link CPython}
 * of the exercise's version exactly as the simulator ran it (scripts as `python3 FILE.py`, cells
 * through exec(compile(...)) in one namespace), with a startup module that provides the probe
 * helpers and sends each probe's repr to a file of its own, so the program's stdout stays what it is.
 * A fact the CPython at hand cannot speak for (a 32-bit build asked about sizes, immortal counts,
 * or from 3.13 which freed address comes back) is reported as not checkable, never compared.
 */
public final class CPythonCheck {
    private final CPython cpython;

    public CPythonCheck(CPython cpython) {
        this.cpython = cpython;
    }

    public String version() {
        return cpython.describe();
    }

    /** Per question: where CPython disagrees, and what it cannot say on this build (with why). */
    public record Outcome(List<String> disagreements, List<String> notCheckable) {}

    public Outcome compare(Exercises.Variant v) throws IOException {
        List<String> disagree = new ArrayList<>(), unchecked = new ArrayList<>();
        Exercise ex = v.exercise();
        for (Keyer.Probed p : v.probed()) {
            Path dir = Files.createTempDirectory("refgrade-cpython");
            try {
                Verdict verdict = compare(ex, p, dir);
                if (verdict == null) continue;
                (verdict.checkable() ? disagree : unchecked).add(p.question() + ": " + verdict.text());
            } finally {
                try (var s = Files.walk(dir)) {
                    s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
        return new Outcome(disagree, unchecked);
    }

    /** A disagreement, or (not checkable) why CPython's answer is no evidence either way. */
    private record Verdict(String text, boolean checkable) {}

    private Verdict compare(Exercise ex, Keyer.Probed p, Path dir) throws IOException {
        Instrumented program = p.program();
        Path probes = dir.resolve("probes.txt"), marks = dir.resolve("not-checkable.txt");
        Files.writeString(dir.resolve("sitecustomize.py"), Drivers.prelude(program.handles));
        Path main;
        if (ex.profile() == Exercise.Profile.CELLS) {
            main = dir.resolve("cells.py");
            Files.writeString(main, Drivers.cells(program, program.site));
        } else {
            main = dir.resolve(ex.id() + ".py");
            Files.writeString(main, Drivers.redirectProbe(program.sources.get(0).text(), program.site));
        }
        String unknowable = NotCheckable.before(cpython, program, p);
        if (unknowable != null) return new Verdict(unknowable, false);
        CPython.Run r = cpython.run(main, dir, Map.of("PYTHONPATH", dir.toAbsolutePath().toString(), "PYTHONDONTWRITEBYTECODE", "1",
                "REFGRADE_PROBE_OUT", probes.toAbsolutePath().toString(), "REFGRADE_NOT_CHECKABLE", marks.toAbsolutePath().toString()));
        if (r == null) return new Verdict(cpython.describe() + " did not finish in time", true);
        String cpythonSays;
        if (p.kind() == Exercise.Kind.OUTPUT) {
            String[] cells = r.stdout().split(Drivers.CELL_END, -1);
            cpythonSays = p.cell() > 0 ? (p.cell() - 1 < cells.length ? cells[p.cell() - 1] : "") : String.join("", cells);
        } else {
            List<String> hits = Files.exists(probes) ? Files.readAllLines(probes, StandardCharsets.UTF_8) : List.of();
            if (hits.isEmpty()) {
                return new Verdict("under CPython the probe never ran" + (r.exit() != 0 ? " (" + lastLine(r.stderr()) + ")" : ""), true);
            }
            int k = p.hit() == Exercise.Point.LAST || p.hit() > hits.size() ? hits.size() - 1 : Math.max(p.hit(), 1) - 1;
            cpythonSays = hits.get(k);
        }
        unknowable = NotCheckable.after(cpython, program, p, cpythonSays, Files.exists(marks));
        if (unknowable != null) return new Verdict(unknowable, false);
        if (cpythonSays.equals(p.text())) return null;
        return new Verdict(p.kind() == Exercise.Kind.OUTPUT ? "the simulator prints " + firstDifference(p.text(), cpythonSays)
                : "the simulator says " + p.text() + ", CPython says " + cpythonSays, true);
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
