package dev.refgrade.server.gradebook;

import dev.refgrade.exercise.Exercises.Variant;
import dev.refgrade.grading.Attempt;
import dev.refgrade.grading.Graded;
import dev.refgrade.grading.GradingException;
import dev.refgrade.grading.Rubric;
import dev.refgrade.server.ApiError;
import dev.refgrade.server.Catalog;
import dev.refgrade.server.courses.AssignmentRoutes;
import dev.refgrade.server.Deps;
import dev.refgrade.server.Json;
import dev.refgrade.server.submissions.Grading;
import dev.refgrade.store.Records.Assignment;
import dev.refgrade.store.Records.Grade;
import dev.refgrade.store.Records.Regrade;
import dev.refgrade.store.Records.Submission;
import dev.refgrade.store.Records.Tried;
import dev.refgrade.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grades stored submissions again with the exercise as loaded now, after it was fixed. A student's
 * attempts are regraded in order, each against the regraded ones before it, since attempt
 * penalties, best-of and reveals depend on them; each new grade is appended, the old ones stay.
 */
final class Regrader {
    record Outcome(int regraded, int changed, int skipped) {}

    private Regrader() {}

    static Outcome run(Deps deps, Assignment a, List<String> exercises, boolean all) {
        List<Regrade> regrades = new ArrayList<>();
        int changed = 0, skipped = 0;
        Instant now = deps.clock().instant();
        for (String e : exercises) {
            Catalog.Entry entry = AssignmentRoutes.entry(deps, a, e).filter(x -> x.checked().valid()).orElse(null);
            Map<String, List<Submission>> byStudent = new LinkedHashMap<>();
            for (Submission s : deps.store().submissions().ofExercise(a.course(), a.id(), e)) {
                byStudent.computeIfAbsent(s.student(), k -> new ArrayList<>()).add(s);
            }
            for (List<Submission> attempts : byStudent.values()) {
                boolean stale = attempts.stream().anyMatch(s -> entry == null || !s.contentHash().equals(entry.hash())
                        || !s.engine().equals(entry.engine()));
                if (!all && !stale) continue;
                if (entry == null) {
                    skipped += attempts.size();
                    continue;
                }
                Grading.Personal mine = Grading.personal(deps, a, entry, attempts.get(0).student()); // their extension, their extra attempts
                Rubric rubric = mine.rubric();
                List<Attempt> history = new ArrayList<>();
                int reset = deps.store().submissions().resetThrough(a.course(), a.id(), e, attempts.get(0).student());
                for (Submission s : attempts) {
                    if (s.attempt() == reset + 1) history.clear(); // graded as it was: a fresh start, as if none came before
                    Variant v = Grading.variant(entry, s.variant()).orElse(null);
                    Graded g = v == null ? null : grade(deps, v, rubric, history, s, mine.assignment());
                    if (g == null) {
                        skipped++;
                        history.add(Grading.attempt(s.tried()));
                        continue;
                    }
                    Grade grade = Grading.grade(g, Grading.questions(g));
                    if (!grade.equals(s.grade())) changed++;
                    regrades.add(new Regrade(s.id(), s.seq() + 1, now, entry.hash(), entry.engine(), grade));
                    history.add(Grading.attempt(new Tried(s.attempt(), s.submittedAt(), g.score(), grade.correct())));
                }
            }
        }
        try {
            deps.store().submissions().regrade(regrades);
        } catch (StoreException e) {
            throw new ApiError(409, "regrade_conflict", "another regrade of these submissions ran at the same time; run it again", null);
        }
        return new Outcome(regrades.size(), changed, skipped);
    }

    /** Null when the exercise as it is now refuses the stored answers (a question removed, a kind changed). */
    private static Graded grade(Deps deps, Variant v, Rubric rubric, List<Attempt> history, Submission s, Assignment a) {
        try {
            return deps.grader().grade(v, rubric, List.copyOf(history), Json.read(s.answers()), s.submittedAt(), a.due());
        } catch (GradingException e) {
            return null;
        }
    }
}
