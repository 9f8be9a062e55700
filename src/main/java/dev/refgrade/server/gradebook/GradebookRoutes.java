package dev.refgrade.server.gradebook;

import static dev.refgrade.server.auth.Role.INSTRUCTOR;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refgrade.server.ApiError;
import dev.refgrade.server.Catalog;
import dev.refgrade.server.Deps;
import dev.refgrade.server.Json;
import dev.refgrade.server.courses.AssignmentRoutes;
import dev.refgrade.store.Records.Assignment;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** The instructor's views: gradebook, item analysis, regrading. */
public final class GradebookRoutes {
    private GradebookRoutes() {}

    public static void register(RoutesConfig routes, Deps deps) {
        routes.get("/api/courses/{c}/grades", ctx -> grades(ctx, deps), INSTRUCTOR);
        routes.get("/api/courses/{c}/assignments/{a}/exercises/{e}/analysis", ctx -> {
            Assignment a = AssignmentRoutes.find(ctx, deps);
            Catalog.Entry entry = AssignmentRoutes.exercise(ctx, deps, a);
            // Attempts an instructor reset no longer count, here as in the gradebook.
            Map<String, Integer> resets = deps.store().submissions().resetsOf(a.course());
            ctx.json(ItemAnalysis.of(entry.checked().variants().get(0).exercise(),
                    deps.store().submissions().ofExercise(a.course(), a.id(), entry.checked().id()).stream()
                            .filter(s -> s.attempt() > resets.getOrDefault(s.assignment() + '/' + s.exercise() + '/' + s.student(), 0)).toList()));
        }, INSTRUCTOR);
        routes.post("/api/courses/{c}/assignments/{a}/regrade", ctx -> regrade(ctx, deps), INSTRUCTOR);
    }

    private static void grades(Context ctx, Deps deps) {
        Gradebook.Book book = Gradebook.of(deps, ctx.pathParam("c"));
        String format = ctx.queryParam("format");
        if (format == null || format.equals("json")) {
            ctx.json(book);
        } else if (format.equals("csv")) {
            ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"grades.csv\"")
                    .result(Gradebook.csv(book));
        } else if (format.equals("overrides")) {
            ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"overrides.csv\"")
                    .result(Gradebook.overridesCsv(deps.store().overrides().ofCourse(ctx.pathParam("c"))));
        } else {
            throw new ApiError(400, "bad_request", "format is json, csv or overrides, not '" + format + "'", null);
        }
    }

    private static void regrade(Context ctx, Deps deps) throws Exception {
        Assignment a = AssignmentRoutes.find(ctx, deps);
        String text = Json.text(ctx);
        JsonNode body = text.isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(text);
        List<String> exercises = a.exercises();
        if (body.hasNonNull("exercise")) {
            String e = body.get("exercise").asText();
            if (!a.exercises().contains(e)) throw ApiError.invalid("exercise", "assignment '" + a.id() + "' has no exercise '" + e + "'");
            exercises = List.of(e);
        }
        ctx.json(Regrader.run(deps, a, exercises, body.path("all").asBoolean(false)));
    }
}
