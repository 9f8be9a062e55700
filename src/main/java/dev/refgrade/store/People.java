package dev.refgrade.store;

import dev.refgrade.store.Records.Identity;
import dev.refgrade.store.Records.Instructor;
import dev.refgrade.store.Records.Kind;
import dev.refgrade.store.Records.Student;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Instructors, rosters and the bearer tokens (as SHA-256) that say who is calling. */
public final class People {
    public static final String ADMIN = "admin";
    private final Jdbc jdbc;

    People(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Identity> identity(String tokenHash) {
        return jdbc.one("SELECT role, course_id, subject_id FROM tokens WHERE hash = ?",
                rs -> new Identity(Kind.valueOf(rs.getString(1).toUpperCase()), rs.getString(2), rs.getString(3)), tokenHash);
    }

    /** The first instructor, whose token is the one given at start; an earlier start's token stops working. */
    public void ensureAdmin(String tokenHash, Instant now) {
        jdbc.tx(c -> {
            Jdbc.update(c, "INSERT INTO instructors (id, name, admin, created_at) VALUES (?, ?, 1, ?) ON CONFLICT DO NOTHING",
                    ADMIN, "Administrator", now);
            Jdbc.update(c, "DELETE FROM tokens WHERE role = 'instructor' AND subject_id = ? AND hash <> ?", ADMIN, tokenHash);
            Jdbc.update(c, "INSERT INTO tokens (hash, role, course_id, subject_id, created_at) VALUES (?, 'instructor', NULL, ?, ?)"
                    + " ON CONFLICT DO NOTHING", tokenHash, ADMIN, now);
            return null;
        });
    }

    /** False when the id is taken. */
    public boolean addInstructor(Instructor i, String tokenHash, Instant now) {
        return jdbc.tx(c -> {
            if (Jdbc.update(c, "INSERT INTO instructors (id, name, admin, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    i.id(), i.name(), i.admin(), now) == 0) return false;
            Jdbc.update(c, "INSERT INTO tokens (hash, role, course_id, subject_id, created_at) VALUES (?, 'instructor', NULL, ?, ?)",
                    tokenHash, i.id(), now);
            return true;
        });
    }

    public Optional<Instructor> instructor(String id) {
        return jdbc.one("SELECT id, name, admin FROM instructors WHERE id = ?",
                rs -> new Instructor(rs.getString(1), rs.getString(2), rs.getInt(3) == 1), id);
    }

    public Optional<Student> student(String course, String id) {
        return jdbc.one("SELECT course_id, id, name FROM students WHERE course_id = ? AND id = ?",
                rs -> new Student(rs.getString(1), rs.getString(2), rs.getString(3)), course, id);
    }

    public List<Student> students(String course) {
        return jdbc.query("SELECT course_id, id, name FROM students WHERE course_id = ? ORDER BY id",
                rs -> new Student(rs.getString(1), rs.getString(2), rs.getString(3)), course);
    }

    /**
     * Replaces a student's token with {@code tokenHash} (null: revokes it, leaving none); false when
     * the course has no such student. The old token stops working at once on this server instance.
     */
    public boolean replaceStudentToken(String course, String student, String tokenHash, Instant now) {
        return jdbc.tx(c -> {
            if (Jdbc.query(c, "SELECT 1 FROM students WHERE course_id = ? AND id = ?", rs -> true, course, student).isEmpty()) return false;
            Jdbc.update(c, "DELETE FROM tokens WHERE role = 'student' AND course_id = ? AND subject_id = ?", course, student);
            if (tokenHash != null) {
                Jdbc.update(c, "INSERT INTO tokens (hash, role, course_id, subject_id, created_at) VALUES (?, 'student', ?, ?, ?)",
                        tokenHash, course, student, now);
            }
            return true;
        });
    }

    /**
     * Adds the students not on the roster yet, each with its token hash, in one transaction.
     * Returns the positions in {@code students} of those added.
     */
    public List<Integer> enroll(List<Student> students, List<String> tokenHashes, Instant now) {
        return jdbc.tx(c -> {
            List<Integer> added = new ArrayList<>();
            for (int i = 0; i < students.size(); i++) {
                Student s = students.get(i);
                if (Jdbc.update(c, "INSERT INTO students (course_id, id, name, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        s.course(), s.id(), s.name(), now) == 0) continue;
                Jdbc.update(c, "INSERT INTO tokens (hash, role, course_id, subject_id, created_at) VALUES (?, 'student', ?, ?, ?)",
                        tokenHashes.get(i), s.course(), s.id(), now);
                added.add(i);
            }
            return added;
        });
    }
}
