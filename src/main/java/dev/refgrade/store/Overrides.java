package dev.refgrade.store;

import dev.refgrade.store.Records.ScoreOverride;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Scores set by hand: one per student and exercise of an assignment, replacing the graded score wherever a grade is read. */
public final class Overrides {
    private final Jdbc jdbc;

    Overrides(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Sets (or replaces) the override; an LMS linked to the course is owed the changed score. */
    public void put(ScoreOverride o) {
        jdbc.tx(c -> {
            Jdbc.update(c, "INSERT INTO score_overrides (course_id, assignment_id, exercise_id, student_id, score, note, set_by, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (course_id, assignment_id, exercise_id, student_id) DO UPDATE SET"
                + " score = excluded.score, note = excluded.note, set_by = excluded.set_by, updated_at = excluded.updated_at",
                    o.course(), o.assignment(), o.exercise(), o.student(), o.score(), o.note(), o.by(), o.at());
            Lti.owe(Jdbc.on(c), o.course(), o.assignment(), o.student(), o.at());
            return null;
        });
    }

    public Optional<ScoreOverride> of(String course, String assignment, String exercise, String student) {
        return jdbc.one(SELECT + " WHERE course_id = ? AND assignment_id = ? AND exercise_id = ? AND student_id = ?", Overrides::row,
                course, assignment, exercise, student);
    }

    public List<ScoreOverride> ofCourse(String course) {
        return jdbc.query(SELECT + " WHERE course_id = ? ORDER BY student_id, assignment_id, exercise_id", Overrides::row, course);
    }

    /** False when there was none; else the graded score counts again, and a linked LMS is owed it. */
    public boolean delete(String course, String assignment, String exercise, String student, Instant at) {
        return jdbc.tx(c -> {
            boolean gone = Jdbc.update(c, "DELETE FROM score_overrides WHERE course_id = ? AND assignment_id = ? AND exercise_id = ?"
                    + " AND student_id = ?", course, assignment, exercise, student) == 1;
            if (gone) Lti.owe(Jdbc.on(c), course, assignment, student, at);
            return gone;
        });
    }

    private static final String SELECT = "SELECT course_id, assignment_id, exercise_id, student_id, score, note, set_by, updated_at"
            + " FROM score_overrides";

    private static ScoreOverride row(ResultSet rs) throws SQLException {
        return new ScoreOverride(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDouble(5), rs.getString(6),
                rs.getString(7), Jdbc.instant(rs, "updated_at"));
    }
}
