package dev.refgrade.store;

import dev.refgrade.store.Records.Grade;
import dev.refgrade.store.Records.Regrade;
import dev.refgrade.store.Records.Reset;
import dev.refgrade.store.Records.Submission;
import dev.refgrade.store.Records.Tried;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The append-only log of submissions and their regrades. */
public final class Submissions {
    private final Jdbc jdbc;
    private final GroupCommit groupCommit; // null: each append is its own pooled transaction
    private final AttemptCache cache; // null: other server instances write too (PostgreSQL)

    Submissions(Jdbc jdbc, GroupCommit groupCommit) {
        this.jdbc = jdbc;
        this.groupCommit = groupCommit;
        this.cache = groupCommit == null ? null : new AttemptCache();
    }

    /**
     * Stores a submission durably. The future gives false, storing nothing, when the student already
     * has this attempt number or this idempotency key (another request or server instance was first).
     */
    public CompletableFuture<Boolean> append(Submission s) {
        if (groupCommit != null) {
            String key = AttemptCache.key(s.course(), s.assignment(), s.exercise(), s.student());
            return groupCommit.submit(s).thenApply(stored -> {
                if (stored) cache.stored(key, s.tried());
                else cache.forget(key);
                return stored;
            });
        }
        try {
            return CompletableFuture.completedFuture(jdbc.tx(c -> insert(Jdbc.on(c), s)));
        } catch (StoreException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    static boolean insert(Jdbc.Updates db, Submission s) throws SQLException {
        Grade g = s.grade();
        boolean stored = db.update("INSERT INTO submissions (id, course_id, assignment_id, exercise_id, student_id, attempt,"
                + " submitted_at, idempotency_key, content_hash, engine, rubric, variant, answers, score, max, counted, late, result, correct)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                s.id(), s.course(), s.assignment(), s.exercise(), s.student(), s.attempt(), s.submittedAt(), s.idempotencyKey(),
                s.contentHash(), s.engine(), s.rubric(), s.variant(), s.answers(), g.score(), g.max(), g.counted(), g.late(),
                g.result(), String.join(",", g.correct())) == 1;
        if (stored) Lti.owe(db, s.course(), s.assignment(), s.student(), s.submittedAt());
        return stored;
    }

    /**
     * Resets a student's attempts at an exercise: those made so far stay stored but no longer count.
     * Empty when there is nothing to reset (no attempt since the last reset); else the reset.
     */
    public Optional<Reset> reset(String course, String assignment, String exercise, String student, String by, Instant at) {
        Optional<Reset> out = jdbc.tx(c -> {
            int last = Jdbc.query(c, "SELECT COALESCE(MAX(attempt), 0) FROM submissions WHERE course_id = ? AND assignment_id = ?"
                    + " AND exercise_id = ? AND student_id = ?", rs -> rs.getInt(1), course, assignment, exercise, student).get(0);
            if (last == 0) return Optional.<Reset>empty();
            Reset r = new Reset(course, assignment, exercise, student, last, by, at);
            boolean fresh = Jdbc.update(c, "INSERT INTO attempt_resets (course_id, assignment_id, exercise_id, student_id, through, reset_by,"
                    + " reset_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", course, assignment, exercise, student, last, by, at) == 1;
            if (fresh) Lti.owe(Jdbc.on(c), course, assignment, student, at); // the grade that counted is gone
            return fresh ? Optional.of(r) : Optional.<Reset>empty();
        });
        if (cache != null) cache.forget(AttemptCache.key(course, assignment, exercise, student));
        return out;
    }

    /** The attempt number the latest reset voided up to, 0 when there was none: the next attempt is numbered above every one made. */
    public int resetThrough(String course, String assignment, String exercise, String student) {
        return jdbc.one("SELECT COALESCE(MAX(through), 0) FROM attempt_resets WHERE course_id = ? AND assignment_id = ? AND exercise_id = ?"
                + " AND student_id = ?", rs -> rs.getInt(1), course, assignment, exercise, student).orElse(0);
    }

    /** A course's reset points, by {@code assignment/exercise/student}: attempts numbered up to one no longer count. */
    public Map<String, Integer> resetsOf(String course) {
        Map<String, Integer> out = new HashMap<>();
        jdbc.query("SELECT assignment_id, exercise_id, student_id, MAX(through) FROM attempt_resets WHERE course_id = ?"
                + " GROUP BY assignment_id, exercise_id, student_id", rs -> out.put(rs.getString(1) + '/' + rs.getString(2) + '/' + rs.getString(3),
                rs.getInt(4)), course);
        return out;
    }

    /** A student's attempts at one exercise of an assignment, oldest first, those a reset voided too. */
    public List<Submission> history(String course, String assignment, String exercise, String student) {
        return jdbc.query(SELECT + " WHERE course_id = ? AND assignment_id = ? AND exercise_id = ? AND student_id = ? ORDER BY attempt",
                Submissions::row, course, assignment, exercise, student);
    }

    /**
     * The attempts that count (those after the latest reset), only what grading the next one needs: the columns every submission reads
     * back, so they stay small however many attempts a student makes.
     */
    public List<Tried> attempts(String course, String assignment, String exercise, String student) {
        String key = AttemptCache.key(course, assignment, exercise, student);
        List<Tried> known = cache == null ? null : cache.get(key);
        if (known != null) return known;
        List<Tried> read = jdbc.query("SELECT attempt, submitted_at, score, correct FROM graded g WHERE course_id = ? AND assignment_id = ?"
                + " AND exercise_id = ? AND student_id = ? AND attempt > " + RESET_POINT + " ORDER BY attempt", rs -> new Tried(rs.getInt(1), Jdbc.instant(rs, "submitted_at"),
                rs.getDouble(3), ids(rs.getString(4))), course, assignment, exercise, student);
        if (cache != null) cache.put(key, read);
        return read;
    }

    public Optional<Submission> byIdempotencyKey(String course, String student, String key) {
        return jdbc.one(SELECT + " WHERE course_id = ? AND student_id = ? AND idempotency_key = ?", Submissions::row, course, student, key);
    }

    /** Every student's attempts at one exercise of an assignment, by student then attempt. */
    public List<Submission> ofExercise(String course, String assignment, String exercise) {
        return jdbc.query(SELECT + " WHERE course_id = ? AND assignment_id = ? AND exercise_id = ? ORDER BY student_id, attempt",
                Submissions::row, course, assignment, exercise);
    }

    /**
     * One page of the attempts at an exercise, in the order of {@link #history} (one student) or
     * {@link #ofExercise} (student null: everyone): at most {@code limit} rows from {@code offset}, so
     * a listing's memory does not grow with how much students submitted.
     */
    public List<Submission> page(String course, String assignment, String exercise, String student, int offset, int limit) {
        return student == null
                ? jdbc.query(SELECT + " WHERE course_id = ? AND assignment_id = ? AND exercise_id = ? ORDER BY student_id, attempt LIMIT ? OFFSET ?",
                        Submissions::row, course, assignment, exercise, limit, offset)
                : jdbc.query(SELECT + " WHERE course_id = ? AND assignment_id = ? AND exercise_id = ? AND student_id = ? ORDER BY attempt"
                        + " LIMIT ? OFFSET ?", Submissions::row, course, assignment, exercise, student, limit, offset);
    }

    public List<Submission> ofCourse(String course) {
        return jdbc.query(SELECT + " WHERE course_id = ? ORDER BY student_id, assignment_id, exercise_id, attempt",
                Submissions::row, course);
    }

    /** Appends new grades; an existing (submission, seq) means another regrade was first, and fails the lot. */
    public void regrade(List<Regrade> regrades) {
        jdbc.tx(c -> {
            for (Regrade r : regrades) {
                Grade g = r.grade();
                Jdbc.update(c, "INSERT INTO regrades (submission_id, seq, regraded_at, content_hash, engine, score, max, counted, late, result,"
                        + " correct) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.submission(), r.seq(), r.at(), r.contentHash(), r.engine(),
                        g.score(), g.max(), g.counted(), g.late(), g.result(), String.join(",", g.correct()));
                Lti.oweRegraded(c, r.submission(), r.at());
            }
            return null;
        });
        if (cache != null) cache.clear();
    }

    /** The latest reset point of the row {@code g} of graded, in SQL: 0 when none. */
    private static final String RESET_POINT = "COALESCE((SELECT MAX(r.through) FROM attempt_resets r WHERE r.course_id = g.course_id"
            + " AND r.assignment_id = g.assignment_id AND r.exercise_id = g.exercise_id AND r.student_id = g.student_id), 0)";

    private static final String SELECT = "SELECT id, course_id, assignment_id, exercise_id, student_id, attempt, submitted_at,"
            + " idempotency_key, content_hash, engine, rubric, variant, answers, score, max, counted, late, result, correct, seq FROM graded";

    private static Submission row(ResultSet rs) throws SQLException {
        return new Submission(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                Jdbc.instant(rs, "submitted_at"), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getString(12), rs.getString(13),
                new Grade(rs.getDouble(14), rs.getDouble(15), rs.getDouble(16), rs.getInt(17) == 1, rs.getString(18),
                        ids(rs.getString(19))), rs.getInt(20));
    }

    private static List<String> ids(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }
}
