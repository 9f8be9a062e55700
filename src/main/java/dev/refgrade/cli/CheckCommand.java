package dev.refgrade.cli;

import dev.refgrade.exercise.Answer;
import dev.refgrade.exercise.CPython;
import dev.refgrade.exercise.CPythonCheck;
import dev.refgrade.exercise.Exercise;
import dev.refgrade.exercise.Exercises;
import dev.refgrade.exercise.Recall;
import dev.refgrade.grading.Grader;
import dev.refgrade.grading.JsonTrees;
import dev.refgrade.grading.KeyCache;
import dev.refgrade.grading.Rubrics;
import dev.refgrade.runtime.PythonVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `check PATH...`: validates exercises and prints each variant's answer key. */
@Command(name = "check", description = "Validate exercises and print their answer keys.")
final class CheckCommand implements Callable<Integer> {
    @Option(names = "--json", description = "One JSON line per exercise variant: {exercise, variant, answers}.")
    boolean json;

    @Option(names = "--with-cpython", description = "Also run every probe on real CPython of the chosen version and report where it disagrees.")
    boolean withCPython;

    @Option(names = "--rubrics", paramLabel = "DIR", description = "Where rubrics live (default: a rubrics folder beside the exercises).")
    Path rubrics;

    @Option(names = "--python", paramLabel = "VERSION", converter = PythonVersionOption.class,
            description = "Key every exercise for this CPython (3.11, 3.12, 3.13 or 3.14) instead of the one its file names.")
    PythonVersion python;

    private static final String PYTHON_COMMAND = "python3";

    @Option(names = "--python-command", paramLabel = "CMD", defaultValue = PYTHON_COMMAND,
            description = "The native CPython 3.11 that --with-cpython asks for 3.11 (default: ${DEFAULT-VALUE}); later versions run on WebAssembly.")
    String pythonCommand;

    @Option(names = "--prepare", description = "Also work out what grading may ask of each question (its answer under every misconception"
            + " and CPython version, its explanation) and save it in the key cache: an autograder's set-up, so each grade recalls it all.")
    boolean prepare;

    @Option(names = "--no-cache", description = "Key every exercise anew, neither reading nor writing the key cache (REFGRADE_CACHE; README).")
    boolean noCache;

    private final Set<String> reportedRubrics = new java.util.LinkedHashSet<>();
    private final Map<Path, OtherCore<Rubrics>> rubricFolders = new java.util.HashMap<>();

    @Parameters(arity = "1..*", paramLabel = "PATH")
    List<Path> paths;

    /**
     * `check PATH...`, with --json, --prepare and --no-cache each at most once, runs here without
     * picocli, as `run FILE` does (RunCommand.plain says why); the exit status, or null for any other
     * command line (another option, an @file, a repeated flag), which picocli parses as before.
     */
    static Integer plain(String[] args) {
        if (args.length < 2 || !args[0].equals("check")) return null;
        CheckCommand check = new CheckCommand();
        check.paths = new ArrayList<>();
        check.pythonCommand = PYTHON_COMMAND;
        Set<String> flags = new java.util.HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("-") || a.startsWith("@")) {
                if (!flags.add(a)) return null;
                switch (a) {
                    case "--json" -> check.json = true;
                    case "--prepare" -> check.prepare = true;
                    case "--no-cache" -> check.noCache = true;
                    default -> {
                        return null;
                    }
                }
                continue;
            }
            try {
                check.paths.add(Path.of(a));
            } catch (InvalidPathException e) {
                return null;
            }
        }
        return check.paths.isEmpty() ? null : Main.callPlain(check);
    }

    @Override
    public Integer call() throws IOException {
        Map<PythonVersion, CPythonCheck> checks = new java.util.EnumMap<>(PythonVersion.class);
        int invalid = 0, disagreements = 0, files = 0, compared = 0, notCompared = 0, notCheckable = 0;
        Map<String, Path> ids = new LinkedHashMap<>();
        // --with-cpython asks CPython the probes keying made, which a recalled key has not.
        KeyCache cache = KeyCaches.open(noCache || withCPython);
        if (prepare && cache == null) {
            System.err.println("refgrade: --prepare saves to the key cache, which is off here (--no-cache, --with-cpython,"
                    + " REFGRADE_CACHE=off, or refgrade not run from its jar)");
            return 2;
        }
        Grader grader = prepare ? new Grader() : null;
        for (Path file : Exercises.files(paths)) {
            files++;
            Supplier<Set<String>> rubricNames = rubricNames(file, cache);
            Exercises.Checked c = Exercises.check(file, python, cache == null ? Recall.Store.NONE : cache, rubricNames);
            if (rubricNames != null) rubricNames.get(); // its folder's problems, said before the exercise's
            Path first = c.id() == null ? null : ids.putIfAbsent(c.id(), file);
            if (first != null) {
                invalid++;
                System.err.println(file + ":1:1: exercise id '" + c.id() + "' is already used by " + first + "; ids are unique across a library");
                continue;
            }
            if (!c.valid()) {
                invalid++;
                c.problems().forEach(d -> System.err.println(d.render()));
                continue;
            }
            for (Exercises.Variant v : c.variants()) {
                if (grader != null) grader.prepare(v);
                if (json) System.out.println(JsonTrees.text(jsonLine(c.id(), v)));
                else print(file, c.id(), v);
                if (withCPython) {
                    CPythonCheck cpython = checks.get(v.exercise().python());
                    if (cpython == null) {
                        try {
                            cpython = new CPythonCheck(CPython.find(v.exercise().python(), pythonCommand));
                        } catch (CPython.Unavailable e) {
                            System.err.println("refgrade: --with-cpython: " + e.getMessage());
                            return 2;
                        }
                        checks.put(v.exercise().python(), cpython);
                    }
                    compared += v.probed().size();
                    notCompared += (int) v.exercise().questions().stream()
                            .filter(q -> q.kind() == Exercise.Kind.LINES || q.kind() == Exercise.Kind.HEAP).count();
                    String where = file + ": " + c.id() + (v.params().isEmpty() ? "" : " [" + Exercises.describe(v.params()) + "]") + ": ";
                    CPythonCheck.Outcome o = cpython.compare(v);
                    for (String d : o.disagreements()) System.err.println(where + d);
                    for (String d : o.notCheckable()) System.err.println(where + d);
                    disagreements += o.disagreements().size();
                    notCheckable += o.notCheckable().size();
                }
            }
        }
        KeyCaches.save(cache, System.err);
        if (!json) {
            System.err.println(files + " exercise file" + (files == 1 ? "" : "s") + " checked, " + invalid + " invalid"
                    + (withCPython ? "; " + compared + " probes run on " + (checks.isEmpty() ? "CPython" : checks.values().stream()
                    .map(CPythonCheck::version).collect(java.util.stream.Collectors.joining(", "))) + ", " + disagreements + " disagreement"
                    + (disagreements == 1 ? "" : "s") + ", " + notCheckable + " not checkable on this build (" + notCompared
                    + " lines/heap questions are not compared: CPython cannot observe them without changing them)" : ""));
        }
        return invalid > 0 || disagreements > 0 || !reportedRubrics.isEmpty() ? 1 : 0;
    }

    private static Map<String, Object> jsonLine(String id, Exercises.Variant v) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("exercise", id);
        Map<String, Object> params = new LinkedHashMap<>();
        v.params().forEach((k, val) -> params.put(k, val.matches("-?\\d{1,18}") ? (Object) Long.parseLong(val) : val));
        line.put("variant", params);
        Map<String, Object> answers = new LinkedHashMap<>();
        v.answers().forEach((q, a) -> answers.put(q, a.json()));
        line.put("answers", answers);
        return line;
    }

    private static void print(Path file, String id, Exercises.Variant v) {
        System.out.println(file + ": " + id + (v.params().isEmpty() ? "" : "  [" + Exercises.describe(v.params()) + "]"));
        for (Exercise.Question q : v.exercise().questions()) {
            Answer a = v.answers().get(q.id());
            System.out.printf("  %-8s %-7s %s%n", q.id(), q.kind().word(), a.show());
        }
    }

    /**
     * The names of the rubrics beside the exercise that load, read once per folder on another core
     * (begun here, while the exercise is loaded and keyed); asking for them waits for that and reports
     * each broken rubric once, like an invalid exercise. Null when the exercise has no rubrics folder.
     */
    private Supplier<Set<String>> rubricNames(Path file, KeyCache cache) {
        Path dir = RubricsDir.find(rubrics, file);
        if (dir == null) return null;
        OtherCore<Rubrics> reading = rubricFolders.computeIfAbsent(dir, d -> OtherCore.start(() -> Rubrics.load(d, cache)));
        return () -> {
            Rubrics loaded = reading.get();
            for (var p : loaded.problems()) if (reportedRubrics.add(p.render())) System.err.println(p.render());
            return loaded.names();
        };
    }
}
