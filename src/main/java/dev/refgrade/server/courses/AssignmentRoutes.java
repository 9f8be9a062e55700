package dev.refgrade.server.courses;

import static dev.refgrade.server.auth.Role.INSTRUCTOR;
import static dev.refgrade.server.auth.Role.STUDENT;

import dev.refgrade.server.ApiError;
import dev.refgrade.server.Catalog;
import dev.refgrade.server.Deps;
import dev.refgrade.server.Json;
import dev.refgrade.server.Valid;
import dev.refgrade.server.auth.Caller;
import dev.refgrade.store.Records.Assignment;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A course's assignments: exercises, a due date, and optionally one rubric for all of them. */
public final class AssignmentRoutes {
    record AssignmentIn(String id, String title, List<String> exercises, String due, String rubric, String release) {}

    private AssignmentRoutes() {}

    public static void register(RoutesConfig routes, Deps deps) {
        routes.post("/api/courses/{c}/assignments", ctx -> create(ctx, deps), INSTRUCTOR);
        routes.get("/api/courses/{c}/assignments", ctx -> ctx.json(deps.store().courses().assignments(ctx.pathParam("c")).stream()
                .filter(a -> visible(ctx, deps, a)).map(a -> json(a, deps.catalog())).toList()), STUDENT, INSTRUCTOR);
        routes.get("/api/courses/{c}/assignments/{a}", ctx -> ctx.json(json(find(ctx, deps), deps.catalog())), STUDENT, INSTRUCTOR);
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

    /** The exercise {e} of assignment {a}: 404 when the assignment does not list it, 503 while it does not load. */
    public static Catalog.Entry exercise(Context ctx, Deps deps, Assignment a) {
        String e = ctx.pathParam("e");
        if (!a.exercises().contains(e)) throw ApiError.notFound();
        return deps.catalog().exercise(e).orElseThrow(() -> new ApiError(503, "unavailable",
                "exercise '" + e + "' does not load at the moment; the instructor has been told in the server log", null));
    }

    private static void create(Context ctx, Deps deps) throws Exception {
        AssignmentIn in = Json.body(ctx, AssignmentIn.class);
        Assignment a = valid(ctx.pathParam("c"), Valid.id("id", in.id()), in, deps);
        if (!deps.store().courses().createAssignment(a, deps.clock().instant())) throw ApiError.exists("assignment '" + a.id() + "'");
        ctx.status(201).json(json(a, deps.catalog()));
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
        ctx.json(json(a, deps.catalog()));
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
        return new Assignment(course, id, title, due, in.rubric(), List.copyOf(in.exercises()), release);
    }

    static Map<String, Object> json(Assignment a, Catalog catalog) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("title", a.title());
        m.put("due", a.due().toString());
        m.put("release", a.release() == null ? null : a.release().toString());
        m.put("rubric", a.rubric());
        List<Map<String, Object>> exercises = new ArrayList<>();
        for (String e : a.exercises()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", e);
            x.put("title", catalog.exercise(e).map(Catalog.Entry::title).orElse(null));
            exercises.add(x);
        }
        m.put("exercises", exercises);
        return m;
    }
}
