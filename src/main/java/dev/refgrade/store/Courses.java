package dev.refgrade.store;

import dev.refgrade.store.Records.Accommodation;
import dev.refgrade.store.Records.Assignment;
import dev.refgrade.store.Records.Course;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Courses, who teaches them, and their assignments. */
public final class Courses {
    private final Jdbc jdbc;
    private final Recent<Assignment> assignments = new Recent<>(false);
    /** An LMS launch makes courses through another store, so a course that is not there yet is not remembered. */
    private final Recent<Course> courses = new Recent<>(false);
    /** By course, assignment and student; most students have none, so that is remembered too. */
    private final Recent<Accommodation> accommodations = new Recent<>(true);

    Courses(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the course taught by {@code instructor}; false when the id is taken. */
    public boolean create(Course course, String instructor, Instant now) {
        return jdbc.tx(c -> {
            if (Jdbc.update(c, "INSERT INTO courses (id, title, created_at, python) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    course.id(), course.title(), now, course.python()) == 0) return false;
            Jdbc.update(c, "INSERT INTO course_instructors (course_id, instructor_id) VALUES (?, ?)", course.id(), instructor);
            return true;
        });
    }

    /** Invites an instructor to teach a course; false when they already teach it or are already invited. */
    public boolean invite(String course, String instructor, String by, Instant now) {
        if (teaches(instructor, course)) return false;
        return jdbc.update("INSERT INTO course_invitations (course_id, instructor_id, invited_by, created_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", course, instructor, by, now) == 1;
    }

    public record Invitation(String course, String title, String invitedBy) {}

    public List<Invitation> invitations(String instructor) {
        return jdbc.query("SELECT i.course_id, c.title, i.invited_by FROM course_invitations i JOIN courses c ON c.id = i.course_id"
                + " WHERE i.instructor_id = ? ORDER BY i.course_id", rs -> new Invitation(rs.getString(1), rs.getString(2), rs.getString(3)), instructor);
    }

    /** Accepts (the instructor then teaches the course) or declines an invitation; false when there is none. */
    public boolean answer(String course, String instructor, boolean accept) {
        return jdbc.tx(c -> {
            if (Jdbc.update(c, "DELETE FROM course_invitations WHERE course_id = ? AND instructor_id = ?", course, instructor) == 0) return false;
            if (accept) Jdbc.update(c, "INSERT INTO course_instructors (course_id, instructor_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    course, instructor);
            return true;
        });
    }

    /** Every submission asks its course's CPython, so a course is read as an assignment is (see {@link #assignment}). */
    public Optional<Course> course(String id) {
        return courses.get(id, () -> jdbc.one("SELECT id, title, python FROM courses WHERE id = ?", Courses::course, id));
    }

    public List<Course> taughtBy(String instructor) {
        return jdbc.query("SELECT c.id, c.title, c.python FROM courses c JOIN course_instructors i ON i.course_id = c.id"
                + " WHERE i.instructor_id = ? ORDER BY c.id", Courses::course, instructor);
    }

    public boolean teaches(String instructor, String course) {
        return jdbc.one("SELECT 1 FROM course_instructors WHERE instructor_id = ? AND course_id = ?", rs -> true,
                instructor, course).isPresent();
    }

    /** False when there is no such course. */
    public boolean rename(String course, String title) {
        int n = jdbc.update("UPDATE courses SET title = ? WHERE id = ?", title, course);
        courses.forget(course);
        return n == 1;
    }

    /** The CPython the course's keys are for, unless an assignment names its own; false when there is no such course. */
    public boolean setPython(String course, String python) {
        int n = jdbc.update("UPDATE courses SET python = ? WHERE id = ?", python, course);
        courses.forget(course);
        return n == 1;
    }

    /**
     * Deletes a course with nothing in it yet (one made by mistake): no students, no assignments, no
     * LMS link. Anything else in it is a record that stays, so the course stays too.
     */
    public Deleted deleteEmptyCourse(String course) {
        Deleted out = jdbc.tx(c -> {
            for (String table : java.util.List.of("students", "assignments", "lti_contexts", "lti_members", "lti_deep_links")) {
                if (!Jdbc.query(c, "SELECT 1 FROM " + table + " WHERE course_id = ? LIMIT 1", rs -> true, course).isEmpty()) return Deleted.HAS_SUBMISSIONS;
            }
            Jdbc.update(c, "DELETE FROM course_invitations WHERE course_id = ?", course);
            Jdbc.update(c, "DELETE FROM course_instructors WHERE course_id = ?", course);
            Jdbc.update(c, "DELETE FROM switches_off WHERE scope = ?", course);
            return Jdbc.update(c, "DELETE FROM courses WHERE id = ?", course) == 1 ? Deleted.DELETED : Deleted.NOT_FOUND;
        });
        courses.forget(course);
        return out;
    }

    /** False when the course already has an assignment with this id. */
    public boolean createAssignment(Assignment a, Instant now) {
        return jdbc.update("INSERT INTO assignments (course_id, id, title, due, rubric, exercises, created_at, release_at, python)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                a.course(), a.id(), a.title(), a.due(), a.rubric(), String.join(",", a.exercises()), now, a.release(), a.python()) == 1;
    }

    public List<Assignment> assignments(String course) {
        return jdbc.query(SELECT + " WHERE course_id = ? ORDER BY due, id", Courses::assignment, course);
    }

    /**
     * Every submission looks its assignment up, and assignments change rarely (an instructor's edit),
     * so each is read as {@link Recent} says.
     */
    public Optional<Assignment> assignment(String course, String id) {
        return assignments.get(course + '/' + id, () -> jdbc.one(SELECT + " WHERE course_id = ? AND id = ?", Courses::assignment, course, id));
    }

    /** Rewrites the assignment's title, due and release dates, rubric and exercises (their order too); false when there is none. */
    public boolean updateAssignment(Assignment a) {
        int n = jdbc.update("UPDATE assignments SET title = ?, due = ?, rubric = ?, exercises = ?, release_at = ?, python = ? WHERE course_id = ? AND id = ?",
                a.title(), a.due(), a.rubric(), String.join(",", a.exercises()), a.release(), a.python(), a.course(), a.id());
        assignments.forget(a.course() + '/' + a.id());
        return n == 1;
    }

    public enum Deleted { DELETED, NOT_FOUND, HAS_SUBMISSIONS }

    /** Deletes an assignment nobody has submitted to: submissions are never deleted, so neither is what they belong to. */
    public Deleted deleteAssignment(String course, String id) {
        Deleted out = jdbc.tx(c -> {
            if (!Jdbc.query(c, "SELECT 1 FROM submissions WHERE course_id = ? AND assignment_id = ? LIMIT 1", rs -> true, course, id).isEmpty()) {
                return Deleted.HAS_SUBMISSIONS;
            }
            Jdbc.update(c, "DELETE FROM accommodations WHERE course_id = ? AND assignment_id = ?", course, id);
            Jdbc.update(c, "DELETE FROM score_overrides WHERE course_id = ? AND assignment_id = ?", course, id);
            return Jdbc.update(c, "DELETE FROM assignments WHERE course_id = ? AND id = ?", course, id) == 1 ? Deleted.DELETED : Deleted.NOT_FOUND;
        });
        assignments.forget(course + '/' + id);
        accommodations.forgetIf(k -> k.startsWith(course + '/' + id + '/'));
        return out;
    }

    /** Sets (or replaces) a student's accommodation for an assignment. */
    public void putAccommodation(Accommodation x, Instant now) {
        jdbc.update("INSERT INTO accommodations (course_id, assignment_id, student_id, due, extra_attempts, note, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (course_id, assignment_id, student_id) DO UPDATE SET due = excluded.due,"
                + " extra_attempts = excluded.extra_attempts, note = excluded.note, updated_at = excluded.updated_at",
                x.course(), x.assignment(), x.student(), x.due(), x.extraAttempts(), x.note(), now);
        accommodations.forget(x.course() + '/' + x.assignment() + '/' + x.student());
    }

    /** Read as assignments are (see {@link #assignment}): every submission asks for its student's. */
    public Optional<Accommodation> accommodation(String course, String assignment, String student) {
        return accommodations.get(course + '/' + assignment + '/' + student, () -> jdbc.one(ACCOMMODATIONS
                + " WHERE course_id = ? AND assignment_id = ? AND student_id = ?", Courses::accommodation, course, assignment, student));
    }

    public List<Accommodation> accommodations(String course, String assignment) {
        return jdbc.query(ACCOMMODATIONS + " WHERE course_id = ? AND assignment_id = ? ORDER BY student_id", Courses::accommodation,
                course, assignment);
    }

    /** False when the student had none. */
    public boolean deleteAccommodation(String course, String assignment, String student) {
        boolean deleted = jdbc.update("DELETE FROM accommodations WHERE course_id = ? AND assignment_id = ? AND student_id = ?",
                course, assignment, student) == 1;
        accommodations.forget(course + '/' + assignment + '/' + student);
        return deleted;
    }

    private static final String ACCOMMODATIONS = "SELECT course_id, assignment_id, student_id, due, extra_attempts, note FROM accommodations";

    private static Accommodation accommodation(ResultSet rs) throws SQLException {
        long due = rs.getLong(4);
        Instant at = rs.wasNull() ? null : Instant.ofEpochMilli(due);
        return new Accommodation(rs.getString(1), rs.getString(2), rs.getString(3), at, rs.getInt(5), rs.getString(6));
    }

    private static final String SELECT = "SELECT course_id, id, title, due, rubric, exercises, release_at, python FROM assignments";

    private static Assignment assignment(ResultSet rs) throws SQLException {
        return new Assignment(rs.getString(1), rs.getString(2), rs.getString(3), Jdbc.instant(rs, "due"), rs.getString(5),
                Arrays.asList(rs.getString(6).split(",")), release(rs), rs.getString(8));
    }

    private static Course course(ResultSet rs) throws SQLException {
        String python = rs.getString(3);
        return new Course(rs.getString(1), rs.getString(2), python == null ? Course.DEFAULT_PYTHON : python);
    }

    private static Instant release(ResultSet rs) throws SQLException {
        long at = rs.getLong(7);
        return rs.wasNull() ? null : Instant.ofEpochMilli(at);
    }
}
