package dev.refgrade.store;

import java.time.Instant;
import java.util.List;

/** The rows the store reads and writes. */
public final class Records {
    private Records() {}

    /** Whose token it is: an instructor, or a student of one course. */
    public record Identity(Kind kind, String course, String id) {}

    public enum Kind { INSTRUCTOR, STUDENT }

    public record Instructor(String id, String name, boolean admin) {}

    /** {@code python}: the CPython its keys are for, as written ("3.11"); 3.11 until an instructor chooses. */
    public record Course(String id, String title, String python) {
        public static final String DEFAULT_PYTHON = "3.11";

        public Course(String id, String title) {
            this(id, title, DEFAULT_PYTHON);
        }
    }

    public record Student(String course, String id, String name) {}

    /**
     * {@code release}: when its students first see it; null when they see it from the start. {@code python}:
     * the CPython its keys are for ("3.13"); null: its course's.
     */
    public record Assignment(String course, String id, String title, Instant due, String rubric, List<String> exercises, Instant release,
            String python) {
        /** Whether students may see it at {@code now}. */
        public boolean releasedAt(Instant now) {
            return release == null || !now.isBefore(release);
        }
    }

    /** One student's own terms for an assignment: {@code due} their extension (null: none), attempts beyond the rubric's. */
    public record Accommodation(String course, String assignment, String student, Instant due, int extraAttempts, String note) {}

    /**
     * A submission with its current grade: the original one ({@code seq} 0) or its latest regrade.
     * {@code variant}, {@code answers} and {@code result} are JSON text.
     */
    public record Submission(String id, String course, String assignment, String exercise, String student, int attempt,
            Instant submittedAt, String idempotencyKey, String contentHash, String engine, String rubric, String variant,
            String answers, Grade grade, int seq) {
        public Tried tried() {
            return new Tried(attempt, submittedAt, grade.score(), grade.correct());
        }
    }

    /** What a later attempt needs of an earlier one: when, its score, the questions it got right. */
    public record Tried(int attempt, Instant at, double score, List<String> correct) {}

    /**
     * A grade as stored: {@code result} is the JSON list of per-question grades, without truths;
     * {@code correct} the questions answered correctly, which is all a later attempt needs of it.
     */
    public record Grade(double score, double max, double counted, boolean late, String result, List<String> correct) {}

    /** A reset: the student's attempts numbered up to {@code through} no longer count; the next starts afresh. */
    public record Reset(String course, String assignment, String exercise, String student, int through, String by, Instant at) {}

    /** A score set by an instructor for one student's exercise, replacing the graded one, with why. */
    public record ScoreOverride(String course, String assignment, String exercise, String student, double score, String note, String by,
            Instant at) {}

    public record Regrade(String submission, int seq, Instant at, String contentHash, String engine, Grade grade) {}
}
