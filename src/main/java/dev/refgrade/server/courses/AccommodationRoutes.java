package dev.refgrade.server.courses;

import static dev.refgrade.server.auth.Role.INSTRUCTOR;

import dev.refgrade.server.ApiError;
import dev.refgrade.server.Deps;
import dev.refgrade.server.Json;
import dev.refgrade.server.Valid;
import dev.refgrade.store.Records.Accommodation;
import dev.refgrade.store.Records.Assignment;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Extensions and extra attempts, per student and assignment: the grader, the student's page and a
 * regrade all read them where they read the assignment's due date and the rubric's attempts.
 */
public final class AccommodationRoutes {
    record AccommodationIn(String due, Integer extra_attempts, String note) {}

    private static final String PATH = "/api/courses/{c}/assignments/{a}/accommodations";

    private AccommodationRoutes() {}

    public static void register(RoutesConfig routes, Deps deps) {
        routes.get(PATH, ctx -> ctx.json(deps.store().courses().accommodations(ctx.pathParam("c"), AssignmentRoutes.find(ctx, deps).id())
                .stream().map(AccommodationRoutes::json).toList()), INSTRUCTOR);
        routes.put(PATH + "/{student}", ctx -> put(ctx, deps), INSTRUCTOR);
        routes.delete(PATH + "/{student}", ctx -> {
            Assignment a = AssignmentRoutes.find(ctx, deps);
            if (!deps.store().courses().deleteAccommodation(a.course(), a.id(), ctx.pathParam("student"))) throw ApiError.notFound();
            ctx.status(204);
        }, INSTRUCTOR);
    }

    private static void put(Context ctx, Deps deps) throws Exception {
        Assignment a = AssignmentRoutes.find(ctx, deps);
        String student = ctx.pathParam("student");
        if (deps.store().people().student(a.course(), student).isEmpty()) throw ApiError.notFound();
        AccommodationIn in = Json.body(ctx, AccommodationIn.class);
        Instant due = in.due() == null ? null : Valid.instant("due", in.due());
        int extra = in.extra_attempts() == null ? 0 : in.extra_attempts();
        if (extra < 0 || extra > 100) throw ApiError.invalid("extra_attempts", "extra_attempts must be 0 to 100, not " + extra);
        if (due == null && extra == 0) throw ApiError.invalid("due", "give a due date, extra attempts or both; DELETE removes an accommodation");
        String note = in.note() == null || in.note().isBlank() ? null : Valid.text("note", in.note());
        Accommodation x = new Accommodation(a.course(), a.id(), student, due, extra, note);
        deps.store().courses().putAccommodation(x, deps.clock().instant());
        ctx.json(json(x));
    }

    static Map<String, Object> json(Accommodation x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("student", x.student());
        m.put("due", x.due() == null ? null : x.due().toString());
        m.put("extra_attempts", x.extraAttempts());
        m.put("note", x.note());
        return m;
    }
}
