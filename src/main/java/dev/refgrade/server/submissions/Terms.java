package dev.refgrade.server.submissions;

import dev.refgrade.grading.Rubric;
import dev.refgrade.store.Records.Assignment;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a student must know before spending an attempt: whether submitting is still possible, and what
 * the next attempt keeps of its points (per-attempt and late penalties), so nothing is learnt after.
 */
public final class Terms {
    private Terms() {}

    /** Why the grader would refuse the next attempt, in the order it checks; null while it would grade one. */
    public static String closed(Rubric r, Assignment a, int made, Instant now) {
        if (r.attempts().limited() && made >= r.attempts().max()) return "no_attempts_left";
        if (r.pastCutoff(now, a.due())) return "past_cutoff";
        return null;
    }

    public static Map<String, Object> of(Rubric r, Assignment a, int made, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("due", a.due().toString());
        m.put("closes_at", a.due() != null && r.late().cutoff() != null ? a.due().plus(r.late().cutoff()).toString() : null);
        m.put("attempts_allowed", r.attempts().limited() ? r.attempts().max() : 0);
        m.put("attempts_made", made);
        m.put("attempt_penalty", r.attempts().penalty());
        m.put("late_per_day", r.late().perDay());
        m.put("late_now", a.due() != null && now.isAfter(a.due()));
        m.put("next_attempt_keeps", r.attemptFactor(made + 1) * r.lateFactor(now, a.due()));
        m.put("closed", closed(r, a, made, now));
        m.put("results_shown", r.showsResults(now, a.due()));
        return m;
    }
}
