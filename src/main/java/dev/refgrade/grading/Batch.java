package dev.refgrade.grading;

import dev.refgrade.exercise.Exercises;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Grades a course's rows for one exercise. A student's rows are their attempts, taken in the order
 * they were submitted (rows without a time in file order), so attempt limits and best-or-last apply
 * as they would on the server. Results come back in the file's order.
 */
public final class Batch {
    /** A graded row, or the reason it was refused (then {@code graded} is null). */
    public record Outcome(AnswerRows.Row row, Graded graded, String refused) {}

    private final Grader grader;

    public Batch(Grader grader) {
        this.grader = grader;
    }

    /** @param progress told after each row (for a progress bar); refusals are also told to {@code skipped}. */
    public List<Outcome> grade(Exercises.Checked exercise, String course, Rubric rubric, List<AnswerRows.Row> rows, Instant due,
            Consumer<String> skipped, Runnable progress) {
        Map<String, List<AnswerRows.Row>> byStudent = new LinkedHashMap<>();
        for (AnswerRows.Row r : rows) byStudent.computeIfAbsent(r.student(), k -> new ArrayList<>()).add(r);
        Map<AnswerRows.Row, Outcome> done = new HashMap<>();
        for (var e : byStudent.entrySet()) {
            Exercises.Variant v = exercise.variantFor(course, e.getKey());
            List<Attempt> history = new ArrayList<>();
            List<AnswerRows.Row> attempts = new ArrayList<>(e.getValue());
            attempts.sort(Batch::bySubmission);
            for (AnswerRows.Row r : attempts) {
                Instant at = r.submittedAt() != null ? r.submittedAt() : due != null ? due : Instant.EPOCH;
                Outcome o;
                try {
                    Graded g = grader.grade(v, rubric, history, r.answers(), at, due);
                    history.add(new Attempt(at, g.score(), g.questions().stream().filter(QuestionGrade::correct).map(QuestionGrade::id).toList()));
                    o = new Outcome(r, g, null);
                } catch (GradingException ex) {
                    skipped.accept(r.where() + " (student " + r.student() + "): " + ex.getMessage() + "; skipped");
                    o = new Outcome(r, null, ex.getMessage());
                }
                done.put(r, o);
                progress.run();
            }
        }
        return rows.stream().map(done::get).toList();
    }

    /**
     * Earliest submission first (rows without a time before all others), then in file order. Written
     * out, not as Comparator.comparing's chain: linking that chain's method handles was a tenth of a
     * cold `grade` that recalls its key.
     */
    private static int bySubmission(AnswerRows.Row a, AnswerRows.Row b) {
        if (a.submittedAt() == null || b.submittedAt() == null) {
            if (a.submittedAt() != b.submittedAt()) return a.submittedAt() == null ? -1 : 1;
        } else {
            int c = a.submittedAt().compareTo(b.submittedAt());
            if (c != 0) return c;
        }
        return Integer.compare(a.row(), b.row());
    }
}
