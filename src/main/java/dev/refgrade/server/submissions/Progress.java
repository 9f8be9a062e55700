package dev.refgrade.server.submissions;

import static dev.refgrade.server.auth.Role.STUDENT;

import dev.refgrade.exercise.Exercises.Variant;
import dev.refgrade.grading.Rubric;
import dev.refgrade.server.Catalog;
import dev.refgrade.server.courses.AssignmentRoutes;
import dev.refgrade.server.Deps;
import dev.refgrade.server.auth.Caller;
import dev.refgrade.store.Records.Assignment;
import dev.refgrade.store.Records.Tried;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A student's assignments page in one request: per exercise the attempts made and allowed, the score
 * that counts, and whether it is still open. Two requests per exercise broke on the rate limit at twelve.
 */
final class Progress {
    private Progress() {}

    static void register(RoutesConfig routes, Deps deps) {
        routes.get("/api/progress", ctx -> ctx.json(of(ctx, deps)), STUDENT);
    }

    /** The student's course (a token is for one) and its assignments. */
    private static Map<String, Object> of(Context ctx, Deps deps) {
        Caller me = Caller.of(ctx);
        Instant now = deps.clock().instant();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Assignment a : deps.store().courses().assignments(me.course())) {
            if (!a.releasedAt(now)) continue; // not yet released: not there at all
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.id());
            m.put("title", a.title());
            m.put("due", deps.store().courses().accommodation(a.course(), a.id(), me.id())
                    .map(x -> x.due()).filter(d -> d != null).orElse(a.due()).toString()); // an extension is the student's due date
            List<Map<String, Object>> exercises = new ArrayList<>();
            for (String e : a.exercises()) exercises.add(exercise(deps, me, a, e, AssignmentRoutes.entry(deps, a, e).filter(x -> x.checked().valid()), now));
            m.put("exercises", exercises);
            out.add(m);
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("course", deps.store().courses().course(me.course()).orElse(null));
        page.put("assignments", out);
        return page;
    }

    private static Map<String, Object> exercise(Deps deps, Caller me, Assignment a, String id, Optional<Catalog.Entry> entry, Instant now) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("id", id);
        Optional<Rubric> rubric = entry.flatMap(e -> deps.catalog().rubric(a.rubric() != null ? a.rubric() : e.rubric()));
        if (entry.isEmpty() || rubric.isEmpty()) {
            x.put("title", null);
            x.put("available", false); // its file or rubric does not load just now; the exercise page says so
            return x;
        }
        Grading.Personal mine = Grading.personal(deps, a, entry.get(), me.id());
        Rubric r = mine.rubric();
        Assignment own = mine.assignment();
        Variant v = entry.get().checked().variantFor(a.course(), me.id());
        List<Tried> history = deps.store().submissions().attempts(a.course(), a.id(), id, me.id());
        boolean shown = r.showsResults(now, own.due());
        x.put("title", entry.get().title());
        x.put("available", true);
        x.put("attempts_made", history.size());
        x.put("attempts_allowed", r.attempts().limited() ? r.attempts().max() : 0);
        var override = deps.store().overrides().of(a.course(), a.id(), id, me.id());
        x.put("score", override.isPresent() ? Double.valueOf(override.get().score())
                : history.isEmpty() || !shown ? null : r.counted(history.stream().map(Tried::score).toList()));
        x.put("override", override.map(Grading::override).orElse(null));
        x.put("max", v.exercise().questions().stream().mapToDouble(r::pointsFor).sum());
        x.put("withheld", override.isEmpty() && !history.isEmpty() && !shown);
        x.put("closed", Terms.closed(r, own, history.size(), now));
        return x;
    }
}
