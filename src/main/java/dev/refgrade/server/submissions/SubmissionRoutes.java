package dev.refgrade.server.submissions;

import static dev.refgrade.server.auth.Role.INSTRUCTOR;
import static dev.refgrade.server.auth.Role.STUDENT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refgrade.exercise.Exercises.Variant;
import dev.refgrade.grading.Rubric;
import dev.refgrade.server.ApiError;
import dev.refgrade.server.Catalog;
import dev.refgrade.server.Deps;
import dev.refgrade.server.Json;
import dev.refgrade.server.auth.Caller;
import dev.refgrade.server.auth.RateLimiter;
import dev.refgrade.server.courses.AssignmentRoutes;
import dev.refgrade.store.Records.Assignment;
import dev.refgrade.store.Records.Submission;
import dev.refgrade.store.Records.Tried;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A student's view of an exercise, their submissions, and an instructor's view of everyone's. */
public final class SubmissionRoutes {
    record SubmissionIn(JsonNode answers) {}

    private static final String EXERCISE = "/api/courses/{c}/assignments/{a}/exercises/{e}";
    /** Submissions per page of a listing: a class's attempts at an exercise can run to hundreds of megabytes. */
    static final int PAGE = 100;
    /** The largest submission body: a heap drawing of the most objects a question shows is a few KB. */
    static final int MAX_SUBMISSION_BYTES = 32 * 1024;
    private final Deps deps;
    private final Submitter submitter;
    private final ProbeHeaps heaps = new ProbeHeaps();
    /** Submissions per student, apart from requests: each one is a row kept for good, so a loop must not fill the disk. */
    private final RateLimiter submits;

    private SubmissionRoutes(Deps deps) {
        this.deps = deps;
        this.submitter = new Submitter(deps, heaps);
        double perMinute = deps.config().submitsPerMinute();
        this.submits = new RateLimiter(perMinute / 60, perMinute);
    }

    public static void register(RoutesConfig routes, Deps deps) {
        SubmissionRoutes r = new SubmissionRoutes(deps);
        routes.get(EXERCISE, r::exercise, STUDENT, INSTRUCTOR);
        routes.post(EXERCISE + "/submissions", r::submit, STUDENT);
        routes.get(EXERCISE + "/submissions", r::submissions, STUDENT, INSTRUCTOR);
        Progress.register(routes, deps);
    }

    private void submit(Context ctx) throws Exception {
        Assignment a = AssignmentRoutes.find(ctx, deps);
        Catalog.Entry entry = AssignmentRoutes.exercise(ctx, deps, a);
        String key = ctx.header("Idempotency-Key");
        if (key != null && (key.isBlank() || key.length() > 200)) {
            throw new ApiError(400, "bad_request", "Idempotency-Key must be 1 to 200 characters", null);
        }
        SubmissionIn in = Json.body(ctx, SubmissionIn.class, MAX_SUBMISSION_BYTES);
        long wait = submits.acquire(a.course() + '\0' + Caller.of(ctx).id());
        if (wait > 0) {
            throw ApiError.retryAfter(429, "rate_limited", "at most " + (long) deps.config().submitsPerMinute()
                    + " submissions a minute; retry after " + wait + " s", wait);
        }
        if (in.answers() == null) throw ApiError.invalid("answers", "the body must be {\"answers\": {QUESTION_ID: ANSWER, ...}}");
        // Written as bytes: the answer is the largest body the server sends most often, and ctx.json would make a String of it first.
        ctx.status(201).contentType(ContentType.APPLICATION_JSON).result(Json.bytes(submitter.submit(Caller.of(ctx), a, entry, in.answers(), key)));
    }

    private void exercise(Context ctx) {
        Caller caller = Caller.of(ctx);
        Assignment assignment = AssignmentRoutes.find(ctx, deps);
        Catalog.Entry entry = AssignmentRoutes.exercise(ctx, deps, assignment);
        String student = caller.instructor() ? ctx.queryParam("student") : caller.id();
        if (student != null && caller.instructor() && deps.store().people().student(assignment.course(), student).isEmpty()) throw ApiError.notFound();
        Grading.Personal terms = student == null ? new Grading.Personal(assignment, Grading.rubric(deps, assignment, entry))
                : Grading.personal(deps, assignment, entry, student);
        Assignment a = terms.assignment();
        Rubric rubric = terms.rubric();
        Variant v = student == null ? entry.checked().variants().get(0) : entry.checked().variantFor(a.course(), student);
        List<Tried> history = caller.instructor() ? List.of()
                : deps.store().submissions().attempts(a.course(), a.id(), entry.checked().id(), student);
        Map<String, JsonNode> truths = caller.instructor() ? all(v)
                : deps.grader().revealed(v, rubric, Grading.attempts(history), deps.clock().instant(), a.due());
        Map<String, Object> view = ExerciseView.of(v, rubric, history.size(), truths, Terms.of(rubric, a, history.size(), deps.clock().instant()));
        // A score the instructor set by hand is the student's to see, with why; it replaces the graded one.
        view.put("override", student == null ? null : deps.store().overrides().of(a.course(), a.id(), entry.checked().id(), student)
                .map(Grading::override).orElse(null));
        ctx.json(view);
    }

    /** A page of submissions: {@code ?offset} (default 0) and {@code ?limit} (default and most {@link #PAGE}); {@code Next-Offset} when more follow. */
    private void submissions(Context ctx) {
        Caller caller = Caller.of(ctx);
        Assignment assignment = AssignmentRoutes.find(ctx, deps);
        Catalog.Entry entry = AssignmentRoutes.exercise(ctx, deps, assignment);
        Grading.Personal terms = caller.instructor() ? new Grading.Personal(assignment, Grading.rubric(deps, assignment, entry))
                : Grading.personal(deps, assignment, entry, caller.id());
        Assignment a = terms.assignment();
        Rubric rubric = terms.rubric();
        String e = entry.checked().id();
        String student = caller.instructor() ? ctx.queryParam("student") : caller.id();
        int offset = count(ctx, "offset", 0, Integer.MAX_VALUE), limit = count(ctx, "limit", PAGE, PAGE);
        // One row more than asked tells whether another page follows.
        List<Submission> rows = new ArrayList<>(deps.store().submissions().page(a.course(), a.id(), e, student, offset, limit + 1));
        if (rows.size() > limit) {
            rows.removeLast();
            ctx.header("Next-Offset", Integer.toString(offset + limit));
        }
        List<Tried> history = caller.instructor() ? List.of() : deps.store().submissions().attempts(a.course(), a.id(), e, caller.id());
        List<JsonNode> out = new ArrayList<>();
        Map<String, Integer> resets = new HashMap<>(); // by student: the attempts up to it no longer count
        for (Submission s : rows) {
            Variant v = Grading.variant(entry, s.variant()).orElse(null);
            Map<String, JsonNode> truths = v == null ? Map.of() : caller.instructor() ? all(v)
                    : deps.grader().revealed(v, rubric, Grading.attempts(history), deps.clock().instant(), a.due());
            boolean withheld = !caller.instructor() && !rubric.showsResults(deps.clock().instant(), a.due());
            ObjectNode view = Grading.view(s, truths, v == null ? Map.of() : heaps.of(v, truths.keySet()), caller.instructor(), withheld);
            view.put("voided", s.attempt() <= resets.computeIfAbsent(s.student(), st -> deps.store().submissions().resetThrough(a.course(), a.id(), e, st)));
            out.add(view);
        }
        ctx.json(out);
    }

    private static int count(Context ctx, String name, int absent, int max) {
        String v = ctx.queryParam(name);
        if (v == null) return absent;
        try {
            int n = Integer.parseInt(v);
            if (n >= (name.equals("limit") ? 1 : 0) && n <= max) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ApiError(400, "bad_request", name + " must be a whole number from " + (name.equals("limit") ? 1 : 0) + " to " + max + ", not '" + v + "'", null);
    }

    /** Instructors see every truth: they can run `check` on the exercise anyway. */
    private static Map<String, JsonNode> all(Variant v) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        v.answers().forEach((q, ans) -> out.put(q, Json.MAPPER.valueToTree(ans.json())));
        return out;
    }
}
