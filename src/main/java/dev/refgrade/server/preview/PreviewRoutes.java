package dev.refgrade.server.preview;

import static dev.refgrade.server.auth.Role.INSTRUCTOR;

import dev.refgrade.exercise.Exercises;
import dev.refgrade.grading.Rubric;
import dev.refgrade.python.Diagnostic;
import dev.refgrade.runtime.Limits;
import dev.refgrade.server.ApiError;
import dev.refgrade.server.Catalog;
import dev.refgrade.server.Json;
import dev.refgrade.server.SimulatorGate;
import dev.refgrade.server.submissions.ExerciseView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exercise preview for instructors: a loaded exercise with the answer key of every variant, and a
 * draft's YAML checked as `refgrade check` would, its problems with their positions, nothing saved.
 */
public final class PreviewRoutes {
    record DraftIn(String yaml) {}

    private static final Pattern ID = Pattern.compile("(?m)^id:\\s*([a-z0-9-]+)\\s*$");
    static final int MAX_DRAFT_CHARS = 100_000;
    /**
     * Each run that keys a draft: an exercise's program is a few lines, so a few seconds and a
     * twentieth of the library's steps are plenty, and a draft that loops is told so quickly. The
     * library keeps Limits.DEFAULT: it is keyed once, at start or reload, not on every click.
     */
    public static final Limits DRAFT_LIMITS = new Limits(2_500_000L, 200_000L, 1000, 64L << 10, 1_000_000L, 3_000L);

    private final Catalog catalog;
    private final SimulatorGate gate;
    /** Refuses an instructor for whom draft checks are switched off (an exam in one of their courses). */
    private final Consumer<Context> admit;

    private PreviewRoutes(Catalog catalog, SimulatorGate gate, Consumer<Context> admit) {
        this.catalog = catalog;
        this.gate = gate;
        this.admit = admit;
    }

    public static void register(RoutesConfig routes, Catalog catalog, SimulatorGate gate, Consumer<Context> admit) {
        PreviewRoutes r = new PreviewRoutes(catalog, gate, admit);
        routes.get("/api/exercises/{e}/preview", r::preview, INSTRUCTOR);
        routes.post("/api/exercises/check", r::check, INSTRUCTOR);
    }

    private void preview(Context ctx) {
        Catalog.Entry entry = catalog.exercise(ctx.pathParam("e")).orElseThrow(ApiError::notFound);
        ctx.json(view(entry.checked()));
    }

    private void check(Context ctx) throws Exception {
        admit.accept(ctx);
        DraftIn in = Json.body(ctx, DraftIn.class);
        if (in.yaml() == null || in.yaml().isBlank()) throw ApiError.invalid("yaml", "paste the exercise's YAML");
        if (in.yaml().length() > MAX_DRAFT_CHARS) throw ApiError.invalid("yaml", "a draft has at most " + MAX_DRAFT_CHARS + " characters");
        // The loader wants the file named after the id; a draft has no file, so it is named so.
        Matcher id = ID.matcher(in.yaml());
        String fileName = (id.find() ? id.group(1) : "draft") + ".yaml";
        var rubrics = catalog.snapshot().rubrics().names();
        ctx.json(gate.run(() -> view(Exercises.check(fileName, fileName, in.yaml(), rubrics, DRAFT_LIMITS))));
    }

    /** The first variant as a student reads it, plus every variant's key; or only the problems. */
    private Map<String, Object> view(Exercises.Checked checked) {
        if (!checked.valid()) return Map.of("problems", checked.problems().stream().map(Diagnostic::render).toList());
        Exercises.Variant first = checked.variants().get(0);
        String rubricName = first.exercise().rubric() == null ? "default" : first.exercise().rubric();
        Rubric rubric = catalog.rubric(rubricName).orElse(Rubric.DEFAULT);
        Map<String, Object> out = new LinkedHashMap<>(ExerciseView.of(first, rubric, 0, Map.of(), null));
        out.remove("attempts");
        out.remove("truths");
        // Each variant's own program and prompts beside its key: parameters change the code, the
        // prompts and the choices, so a key read against the first variant's code would mislead.
        out.put("variants", checked.variants().stream().map(v -> {
            Map<String, Object> own = ExerciseView.of(v, rubric, 0, Map.of(), null);
            Map<String, Object> answers = new LinkedHashMap<>();
            v.answers().forEach((q, a) -> answers.put(q, a.json()));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("params", v.params());
            m.put("code", own.get("code"));
            m.put("cells", own.get("cells"));
            m.put("questions", own.get("questions"));
            m.put("answers", answers);
            return m;
        }).toList());
        out.put("problems", List.of());
        return out;
    }
}
