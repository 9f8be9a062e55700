-- Per-student terms of one assignment, set by an instructor: an extension (a due date of their own)
-- and extra attempts beyond the rubric's. The grader reads them wherever it reads the assignment's.
CREATE TABLE accommodations (
    course_id       TEXT NOT NULL,
    assignment_id   TEXT NOT NULL,
    student_id      TEXT NOT NULL,
    due             BIGINT,             -- null: the assignment's own
    extra_attempts  INTEGER NOT NULL,
    note            TEXT,
    updated_at      BIGINT NOT NULL,
    PRIMARY KEY (course_id, assignment_id, student_id),
    FOREIGN KEY (course_id, student_id) REFERENCES students (course_id, id)
);
