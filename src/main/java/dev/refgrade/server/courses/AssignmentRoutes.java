package dev.refgrade.server.courses;

import static dev.refgrade.server.auth.Role.INSTRUCTOR;
import static dev.refgrade.server.auth.Role.STUDENT;

import dev.refgrade.server.ApiError;
import dev.refgrade.server.Catalog;
import dev.refgrade.server.Deps;
import dev.refgrade.server.Json;
import dev.refgrade.server.Valid;
import dev.refgrade.server.auth.Caller;
import dev.refgrade.runtime.PythonVersion;
import dev.refgrade.store.Records.Assignment;
import dev.refgrade.store.Records.Course;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A course's assignments: exercises, a due date, and optionally one rubric for all of them. */
public final class AssignmentRoutes {
    record AssignmentIn(String id, String title, List<String> exercises, String due, String rubric, String release, String python) {}

    private AssignmentRoutes() {}

    public static void register(RoutesConfig routes, Deps deps) {
        routes.post("/api/courses/{c}/assignments", ctx -> create(ctx, deps), INSTRUCTOR);
        routes.get("/api/courses/{c}/assignments", ctx -> ctx.json(deps.store().courses().assignments(ctx.pathParam("c")).stream()
                .filter(a -> visible(ctx, deps, a)).map(a -> json(a, deps)).toList()), STUDENT, INSTRUCTOR);
        routes.get("/api/courses/{c}/assignments/{a}", ctx -> ctx.json(json(find(ctx, deps), deps)), STUDENT, INSTRUCTOR);
        routes.put("/api/courses/{c}/assignments/{a}", ctx -> update(ctx, deps), INSTRUCTOR);
        routes.delete("/api/courses/{c}/assignments/{a}", ctx -> delete(ctx, deps), INSTRUCTOR);
    }

    /** The assignment {a} of course {c}, or 404; to a student, 404 too until it is released, as if it did not exist yet. */
    public static Assignment find(Context ctx, Deps deps) {
        Assignment a = deps.store().courses().assignment(ctx.pathParam("c"), ctx.pathParam("a")).orElseThrow(ApiError::notFound);
        if (!visible(ctx, deps, a)) throw ApiError.notFound();
        return a;
    }

    /** Instructors see every assignment; students those released. */
    public static boolean visible(Context ctx, Deps deps, Assignment a) {
        Caller caller = Caller.of(ctx);
        return caller == null || caller.instructor() || a.releasedAt(deps.clock().instant());
    }

    /**
     * The exercise {e} of assignment {a}, keyed for the assignment's CPython: 404 when the assignment does
     * not list it, 503 while it does not load or cannot be keyed for that version.
     */
    public static Catalog.Entry exercise(Context ctx, Deps deps, Assignment a) {
        String e = ctx.pathParam("e");
        if (!a.exercises().contains(e)) throw ApiError.notFound();
        Catalog.Entry entry = entry(deps, a, e).orElseThrow(() -> new ApiError(503, "unavailable",
                "exercise '" + e + "' does not load at the moment; the instructor has been told in the server log", null));
        if (!entry.checked().valid()) throw new ApiError(503, "unavailable", refusal(entry), null);
        return entry;
    }

    /** Exercise {@code e} keyed for assignment {@code a}'s CPython (see {@link Catalog.Entry#under}), if it loads. */
    public static Optional<Catalog.Entry> entry(Deps deps, Assignment a, String e) {
        PythonVersion v = python(deps, a);
        return deps.catalog().exercise(e).map(x -> x.under(v));
    }

    /** The CPython an assignment's keys are for: its own choice, else its course's, else 3.11. */
    public static PythonVersion python(Deps deps, Assignment a) {
        String chosen = a.python() != null ? a.python()
                : deps.store().courses().course(a.course()).map(Course::python).orElse(Course.DEFAULT_PYTHON);
        return PythonVersion.parse(chosen).orElse(PythonVersion.DEFAULT);
    }

    /** Why an exercise cannot be keyed for the version asked: its first problem, for the instructor. */
    private static String refusal(Catalog.Entry entry) {
        return "exercise '" + entry.checked().id() + "' cannot be keyed for CPython " + entry.python() + ": "
                + entry.checked().problems().get(0).message();
    }

    private static void create(Context ctx, Deps deps) throws Exception {
        AssignmentIn in = Json.body(ctx, AssignmentIn.class);
        Assignment a = valid(ctx.pathParam("c"), Valid.id("id", in.id()), in, deps);
        if (!deps.store().courses().createAssignment(a, deps.clock().instant())) throw ApiError.exists("assignment '" + a.id() + "'");
        ctx.status(201).json(json(a, deps));
    }

    /**
     * The whole assignment again (the id in the path): a new title, due date, rubric, or exercises
     * in a new order. An exercise someone has submitted to stays: its grades would vanish from the gradebook.
     */
    private static void update(Context ctx, Deps deps) throws Exception {
        Assignment old = find(ctx, deps);
        Assignment a = valid(old.course(), old.id(), Json.body(ctx, AssignmentIn.class), deps);
        for (String e : old.exercises()) {
            if (!a.exercises().contains(e) && !deps.store().submissions().ofExercise(old.course(), old.id(), e).isEmpty()) {
                throw new ApiError(409, "has_submissions", "exercise '" + e + "' has submissions; it stays in the assignment", "exercises");
            }
        }
        if (!deps.store().courses().updateAssignment(a)) throw ApiError.notFound();
        ctx.json(json(a, deps));
    }

    private static void delete(Context ctx, Deps deps) {
        switch (deps.store().courses().deleteAssignment(ctx.pathParam("c"), ctx.pathParam("a"))) {
            case DELETED -> ctx.status(204);
            case NOT_FOUND -> throw ApiError.notFound();
            case HAS_SUBMISSIONS -> throw new ApiError(409, "has_submissions",
                    "students have submitted to this assignment; it cannot be deleted (change its title or due date instead)", null);
        }
    }

    private static Assignment valid(String course, String id, AssignmentIn in, Deps deps) {
        String title = Valid.text("title", in.title());
        if (in.exercises() == null || in.exercises().isEmpty()) throw ApiError.invalid("exercises", "exercises must list at least one exercise id");
        for (int i = 0; i < in.exercises().size(); i++) {
            String e = in.exercises().get(i);
            if (e == null || deps.catalog().exercise(e).isEmpty()) {
                throw ApiError.invalid("exercises[" + i + "]", "no exercise '" + e + "' is loaded; GET /api/exercises lists them");
            }
        }
        if (new HashSet<>(in.exercises()).size() != in.exercises().size()) throw ApiError.invalid("exercises", "an exercise is listed twice");
        if (in.rubric() != null && deps.catalog().rubric(in.rubric()).isEmpty()) {
            throw ApiError.invalid("rubric", "no rubric '" + in.rubric() + "' is loaded; rubrics: " + deps.catalog().snapshot().rubrics().names());
        }
        Instant release = in.release() == null || in.release().isBlank() ? null : Valid.instant("release", in.release());
        Instant due = Valid.instant("due", in.due());
        if (release != null && release.isAfter(due)) throw ApiError.invalid("release", "release must be on or before the due date " + due);
        String python = in.python() == null || in.python().isBlank() ? null : version("python", in.python()).text();
        Assignment a = new Assignment(course, id, title, due, in.rubric(), List.copyOf(in.exercises()), release, python);
        for (int i = 0; i < a.exercises().size(); i++) { // every exercise must key under the version chosen
            Catalog.Entry e = entry(deps, a, a.exercises().get(i)).orElseThrow();
            if (!e.checked().valid()) throw ApiError.invalid("exercises[" + i + "]", refusal(e));
        }
        return a;
    }

    /** A CPython version as a user writes it, or 422 naming {@code field}. */
    public static PythonVersion version(String field, String text) {
        return PythonVersion.parse(text).orElseThrow(() -> ApiError.invalid(field, field + " must be " + PythonVersion.choices() + ", not '" + text + "'"));
    }

    static Map<String, Object> json(Assignment a, Deps deps) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("title", a.title());
        m.put("due", a.due().toString());
        m.put("release", a.release() == null ? null : a.release().toString());
        m.put("rubric", a.rubric());
        PythonVersion python = python(deps, a);
        m.put("python", a.python());
        m.put("keyed_for", python.text());
        List<Map<String, Object>> exercises = new ArrayList<>();
        for (String e : a.exercises()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", e);
            Optional<Catalog.Entry> entry = deps.catalog().exercise(e);
            x.put("title", entry.map(Catalog.Entry::title).orElse(null));
            // The version its key is for, and why when it is not the assignment's: its file names its own.
            x.put("python", entry.map(en -> (en.pinned() ? en.python() : python).text()).orElse(null));
            x.put("pinned", entry.map(Catalog.Entry::pinned).orElse(false));
            exercises.add(x);
        }
        m.put("exercises", exercises);
        return m;
    }
}
