package dev.refgrade.store;

import java.time.Instant;

/**
 * Features an instructor can switch off: for one course, or (scope {@link #EVERYWHERE}) for the
 * whole server. Kept in the database, so every server instance sharing it agrees at once.
 */
public final class Switches {
    public static final String EVERYWHERE = "*";
    private final Jdbc jdbc;

    Switches(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public boolean off(String scope, String name) {
        return jdbc.one("SELECT 1 FROM switches_off WHERE scope = ? AND name = ?", rs -> true, scope, name).isPresent();
    }

    /** True when a course {@code instructor} teaches has {@code name} switched off. */
    public boolean offForInstructor(String instructor, String name) {
        return jdbc.one("SELECT 1 FROM switches_off s JOIN course_instructors i ON i.course_id = s.scope"
                + " WHERE i.instructor_id = ? AND s.name = ?", rs -> true, instructor, name).isPresent();
    }

    public void set(String scope, String name, boolean on, String by, Instant now) {
        if (on) {
            jdbc.update("DELETE FROM switches_off WHERE scope = ? AND name = ?", scope, name);
        } else {
            jdbc.update("INSERT INTO switches_off (scope, name, changed_by, changed_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    scope, name, by, now);
        }
    }
}
