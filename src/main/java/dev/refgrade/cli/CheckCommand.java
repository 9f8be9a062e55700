package dev.refgrade.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refgrade.exercise.Answer;
import dev.refgrade.exercise.CPythonCheck;
import dev.refgrade.exercise.Exercise;
import dev.refgrade.exercise.Exercises;
import dev.refgrade.grading.Rubrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `check PATH...`: validates exercises and prints each variant's answer key. */
@Command(name = "check", description = "Validate exercises and print their answer keys.")
final class CheckCommand implements Callable<Integer> {
    @Option(names = "--json", description = "One JSON line per exercise variant: {exercise, variant, answers}.")
    boolean json;

    @Option(names = "--with-cpython", description = "Also run every probe on python3 and report where it disagrees.")
    boolean withCPython;

    @Option(names = "--rubrics", paramLabel = "DIR", description = "Where rubrics live (default: a rubrics folder beside the exercises).")
    Path rubrics;

    @Option(names = "--python", paramLabel = "CMD", defaultValue = "python3", description = "The CPython to ask (default: ${DEFAULT-VALUE}).")
    String python;

    private final Set<String> reportedRubrics = new java.util.LinkedHashSet<>();

    @Parameters(arity = "1..*", paramLabel = "PATH")
    List<Path> paths;

    @Override
    public Integer call() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        CPythonCheck cpython = withCPython ? CPythonCheck.start(python) : null;
        if (withCPython && cpython == null) {
            System.err.println("refgrade: --with-cpython needs '" + python + "' on PATH (CPython 3.11)");
            return 2;
        }
        int invalid = 0, disagreements = 0, files = 0, compared = 0, notCompared = 0;
        Map<String, Path> ids = new LinkedHashMap<>();
        for (Path file : Exercises.files(paths)) {
            files++;
            Exercises.Checked c = Exercises.check(file, rubricNames(file));
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
                if (json) System.out.println(mapper.writeValueAsString(jsonLine(c.id(), v)));
                else print(file, c.id(), v);
                if (cpython != null) {
                    compared += v.probed().size();
                    notCompared += (int) v.exercise().questions().stream()
                            .filter(q -> q.kind() == Exercise.Kind.LINES || q.kind() == Exercise.Kind.HEAP).count();
                    for (String d : cpython.compare(v)) {
                        disagreements++;
                        System.err.println(file + ": " + c.id() + (v.params().isEmpty() ? "" : " [" + Exercises.describe(v.params()) + "]") + ": " + d);
                    }
                }
            }
        }
        if (!json) {
            System.err.println(files + " exercise file" + (files == 1 ? "" : "s") + " checked, " + invalid + " invalid"
                    + (cpython != null ? "; " + compared + " probes run on " + cpython.version() + ", " + disagreements + " disagreement"
                    + (disagreements == 1 ? "" : "s") + " (" + notCompared + " lines/heap questions are not compared: CPython cannot"
                    + " observe them without changing them)" : ""));
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

    /** The rubrics beside the exercises that load; a broken rubric is reported once, like an invalid exercise. */
    private Set<String> rubricNames(Path file) {
        Path dir = RubricsDir.find(rubrics, file);
        if (dir == null) return null;
        Rubrics loaded = Rubrics.load(dir);
        for (var d : loaded.problems()) if (reportedRubrics.add(d.render())) System.err.println(d.render());
        return loaded.names();
    }
}
