package dev.refgrade.server.gradebook;

import static dev.refgrade.server.auth.Role.INSTRUCTOR;

import dev.refgrade.server.ApiError;
import dev.refgrade.server.Catalog;
import dev.refgrade.server.Deps;
import dev.refgrade.server.Json;
import dev.refgrade.server.Valid;
import dev.refgrade.server.auth.Caller;
import dev.refgrade.server.courses.AssignmentRoutes;
import dev.refgrade.server.submissions.Grading;
import dev.refgrade.store.Records.Assignment;
import dev.refgrade.store.Records.ScoreOverride;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an instructor decides by hand about one student's exercise: a fresh start (the attempts so far
 * stop counting, and stay stored) and a score of their own with the note that says why.
 */
public final class ManualRoutes {
    record OverrideIn(Double score, String note) {}

    private static final String STUDENT = "/api/courses/{c}/assignments/{a}/exercises/{e}/students/{s}";

    private ManualRoutes() {}

    public static void register(RoutesConfig routes, Deps deps) {
        routes.post(STUDENT + "/reset", ctx -> reset(ctx, deps), INSTRUCTOR);
        routes.put(STUDENT + "/override", ctx -> override(ctx, deps), INSTRUCTOR);
        routes.delete(STUDENT + "/override", ctx -> {
            Target t = target(ctx, deps);
            if (!deps.store().overrides().delete(t.a().course(), t.a().id(), t.exercise(), t.student(), deps.clock().instant())) {
                throw ApiError.notFound();
            }
            ctx.status(204);
        }, INSTRUCTOR);
    }

    private record Target(Assignment a, Catalog.Entry entry, String exercise, String student) {}

    /** The assignment, its exercise and a student of the course, or 404. */
    private static Target target(Context ctx, Deps deps) {
        Assignment a = AssignmentRoutes.find(ctx, deps);
        Catalog.Entry entry = AssignmentRoutes.exercise(ctx, deps, a);
        String student = ctx.pathParam("s");
        if (deps.store().people().student(a.course(), student).isEmpty()) throw ApiError.notFound();
        return new Target(a, entry, entry.checked().id(), student);
    }

    private static void reset(Context ctx, Deps deps) {
        Target t = target(ctx, deps);
        var reset = deps.store().submissions().reset(t.a().course(), t.a().id(), t.exercise(), t.student(), Caller.of(ctx).id(),
                deps.clock().instant()).orElseThrow(() -> new ApiError(409, "nothing_to_reset",
                        t.student() + " has made no attempt at " + t.exercise() + " since the last reset", null));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("student", reset.student());
        m.put("exercise", reset.exercise());
        m.put("voided_through", reset.through());
        m.put("reset_at", reset.at().toString());
        ctx.json(m);
    }

    private static void override(Context ctx, Deps deps) throws Exception {
        Target t = target(ctx, deps);
        OverrideIn in = Json.body(ctx, OverrideIn.class);
        double max = Gradebook.max(deps, t.a(), t.exercise());
        if (in.score() == null || in.score().isNaN() || in.score() < 0 || in.score() > max) {
            throw ApiError.invalid("score", "score must be a number from 0 to " + Gradebook.round(max) + " (what the exercise is worth), not "
                    + (in.score() == null ? "missing" : in.score()));
        }
        String note = Valid.text("note", in.note());
        Instant now = deps.clock().instant();
        ScoreOverride o = new ScoreOverride(t.a().course(), t.a().id(), t.exercise(), t.student(), in.score(), note, Caller.of(ctx).id(), now);
        deps.store().overrides().put(o);
        ctx.json(Grading.override(o));
    }
}
