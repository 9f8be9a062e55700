package dev.refgrade.cli;

import dev.refgrade.exercise.Exercises;
import dev.refgrade.exercise.Problems;
import dev.refgrade.exercise.Recall;
import dev.refgrade.grading.AnswerRows;
import dev.refgrade.grading.Batch;
import dev.refgrade.grading.Formats;
import dev.refgrade.grading.Grader;
import dev.refgrade.grading.KeyCache;
import dev.refgrade.grading.Rubric;
import dev.refgrade.grading.Rubrics;
import dev.refgrade.python.FileBytes;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `grade`: a course's answers to one exercise, graded in batch without a server. */
@Command(name = "grade", description = "Grade many students' answers to one exercise (JSON or CSV in; JSON, gradebook CSV or Gradescope out).")
final class GradeCommand implements Callable<Integer> {
    enum Format { json, csv, gradescope }

    @Option(names = "--exercise", required = true, paramLabel = "FILE", description = "The exercise (YAML).")
    Path exercise;

    @Option(names = "--answers", required = true, paramLabel = "FILE",
            description = "A JSON list of {student, answers, submitted_at}, or a CSV (.csv) with columns student, submitted_at and question ids.")
    Path answers;

    @Option(names = "--rubric", paramLabel = "FILE", description = "The rubric (default: the exercise's, from the rubrics folder beside it).")
    Path rubric;

    private static final String FORMAT = "json", COURSE = "";

    @Option(names = "--format", defaultValue = FORMAT, description = "json, csv (a gradebook) or gradescope (results.json) (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--due", paramLabel = "TIME", description = "The due date, ISO-8601 (e.g. 2026-12-01T23:59:00Z): lateness and the cut-off count from it.")
    String due;

    @Option(names = "--course", defaultValue = COURSE, description = "The course id that, with each student id, picks the student's variant.")
    String course;

    @Option(names = "--no-cache", description = "Key the exercise anew, neither reading nor writing the key cache (REFGRADE_CACHE; README).")
    boolean noCache;

    @Option(names = "--progress", negatable = true, description = "A progress bar on stderr (default: when stderr is a terminal and the batch is large).")
    Boolean progress;

    /**
     * `grade` given only `--exercise`, `--answers`, `--rubric`, `--format`, `--due` and `--course`, each
     * at most once as `--name value`, with no value starting with - or @, and `--no-cache` at most
     * once, runs here without picocli, as `run FILE` does (RunCommand.plain says why); the exit
     * status, or null for any other command line (a missing required option, --progress, a bad
     * format, ...), which picocli parses as before.
     */
    static Integer plain(String[] args) {
        if (args.length < 5 || !args[0].equals("grade")) return null;
        GradeCommand g = new GradeCommand();
        g.format = Format.valueOf(FORMAT);
        g.course = COURSE;
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            if (!seen.add(name)) return null;
            if (name.equals("--no-cache")) {
                g.noCache = true;
                continue;
            }
            if (++i == args.length) return null;
            String value = args[i];
            if (value.startsWith("-") || value.startsWith("@")) return null;
            try {
                switch (name) {
                    case "--exercise" -> g.exercise = Path.of(value);
                    case "--answers" -> g.answers = Path.of(value);
                    case "--rubric" -> g.rubric = Path.of(value);
                    case "--format" -> g.format = Format.valueOf(value);
                    case "--due" -> g.due = value;
                    case "--course" -> g.course = value;
                    default -> {
                        return null;
                    }
                }
            } catch (IllegalArgumentException e) {
                return null; // a path the file system refuses, or a format that is none: picocli's error to word
            }
        }
        return g.exercise == null || g.answers == null ? null : Main.callPlain(g);
    }

    @Override
    public Integer call() throws IOException {
        PrintStream err = System.err;
        // Begun on the other core while the exercise is loaded and keyed: --due, and the rubrics folder
        // when no --rubric is given (the exercise's own rubric is found there).
        OtherCore<Instant> dueAt = OtherCore.start(() -> due == null ? null : OffsetDateTime.parse(due).toInstant());
        KeyCache cache = KeyCaches.open(noCache);
        Path rubricsDir = rubric != null ? null : RubricsDir.find(null, exercise);
        OtherCore<Rubrics> library = OtherCore.start(() -> Rubrics.load(rubricsDir, cache));
        Exercises.Checked checked = Exercises.check(exercise, null, cache == null ? Recall.Store.NONE : cache,
                rubricsDir == null ? null : () -> library.get().names());
        Instant dueTime;
        try {
            dueTime = dueAt.get();
        } catch (DateTimeParseException e) {
            err.println("refgrade: --due must be an ISO-8601 time like 2026-12-01T23:59:00Z, not '" + due + "'");
            return 2;
        }
        if (!checked.valid()) {
            checked.problems().forEach(d -> err.println(d.render()));
            return 1;
        }
        Rubric policy = policy(checked, library.get(), cache, err);
        if (policy == null) return 1;
        String text = FileBytes.utf8(answers);
        List<AnswerRows.Row> rows;
        try {
            rows = answers.toString().endsWith(".csv")
                    ? AnswerRows.csv(text, checked.variants().get(0).exercise(), s -> err.println(answers + ":" + s))
                    : AnswerRows.json(text, s -> err.println(answers + ":" + s));
        } catch (AnswerRows.FileException e) {
            err.println(answers + ":" + e.line + ":" + e.col + ": " + e.getMessage());
            return 1;
        }
        Progress bar = new Progress(rows.size(), progress != null ? progress : Progress.isTerminal() && rows.size() >= 500, err);
        List<Batch.Outcome> outcomes = new Batch(new Grader()).grade(checked, course, policy, rows, dueTime,
                s -> bar.above(answers + ":" + s), bar::step);
        bar.done();
        KeyCaches.save(cache, err);
        System.out.print(switch (format) {
            case json -> Formats.json(outcomes);
            case csv -> Formats.gradebook(checked.variants().get(0).exercise(), policy, outcomes);
            case gradescope -> Formats.gradescope(policy, outcomes);
        });
        return 0;
    }

    private Rubric policy(Exercises.Checked checked, Rubrics library, KeyCache cache, PrintStream err) {
        if (rubric != null) {
            Problems p = new Problems(rubric.toString());
            Rubric r = Rubrics.file(rubric, p, cache);
            p.all().forEach(d -> err.println(d.render()));
            return r;
        }
        library.problems().forEach(d -> err.println(d.render()));
        String name = checked.variants().get(0).exercise().rubric();
        return library.get(name == null ? "default" : name).orElseGet(() -> {
            if (name != null) err.println("refgrade: rubric '" + name + "' not found; pass --rubric FILE");
            return name == null ? Rubric.DEFAULT : null;
        });
    }
}
