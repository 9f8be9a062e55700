package dev.refgrade.store;

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

    Courses(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the course taught by {@code instructor}; false when the id is taken. */
    public boolean create(Course course, String instructor, Instant now) {
        return jdbc.tx(c -> {
            if (Jdbc.update(c, "INSERT INTO courses (id, title, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    course.id(), course.title(), now) == 0) return false;
            Jdbc.update(c, "INSERT INTO course_instructors (course_id, instructor_id) VALUES (?, ?)", course.id(), instructor);
            return true;
        });
    }

    /** False when the instructor already teaches the course. */
    public boolean addInstructor(String course, String instructor) {
        return jdbc.update("INSERT INTO course_instructors (course_id, instructor_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                course, instructor) == 1;
    }

    public Optional<Course> course(String id) {
        return jdbc.one("SELECT id, title FROM courses WHERE id = ?", rs -> new Course(rs.getString(1), rs.getString(2)), id);
    }

    public List<Course> taughtBy(String instructor) {
        return jdbc.query("SELECT c.id, c.title FROM courses c JOIN course_instructors i ON i.course_id = c.id"
                + " WHERE i.instructor_id = ? ORDER BY c.id", rs -> new Course(rs.getString(1), rs.getString(2)), instructor);
    }

    public boolean teaches(String instructor, String course) {
        return jdbc.one("SELECT 1 FROM course_instructors WHERE instructor_id = ? AND course_id = ?", rs -> true,
                instructor, course).isPresent();
    }

    /** False when the course already has an assignment with this id. */
    public boolean createAssignment(Assignment a, Instant now) {
        return jdbc.update("INSERT INTO assignments (course_id, id, title, due, rubric, exercises, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                a.course(), a.id(), a.title(), a.due(), a.rubric(), String.join(",", a.exercises()), now) == 1;
    }

    public List<Assignment> assignments(String course) {
        return jdbc.query(SELECT + " WHERE course_id = ? ORDER BY due, id", Courses::assignment, course);
    }

    public Optional<Assignment> assignment(String course, String id) {
        return jdbc.one(SELECT + " WHERE course_id = ? AND id = ?", Courses::assignment, course, id);
    }

    private static final String SELECT = "SELECT course_id, id, title, due, rubric, exercises FROM assignments";

    private static Assignment assignment(ResultSet rs) throws SQLException {
        return new Assignment(rs.getString(1), rs.getString(2), rs.getString(3), Jdbc.instant(rs, "due"), rs.getString(5),
                Arrays.asList(rs.getString(6).split(",")));
    }
}
