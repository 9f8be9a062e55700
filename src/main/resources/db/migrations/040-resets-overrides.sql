-- What an instructor changes about one student's standing on one exercise of an assignment, beside the
-- append-only submissions it never touches.

-- A reset: the attempts numbered up to `through` no longer count (not for attempts made, not for the
-- grade); the student starts afresh and the next attempt takes the next number. Each reset is a row.
CREATE TABLE attempt_resets (
    course_id       TEXT NOT NULL,
    assignment_id   TEXT NOT NULL,
    exercise_id     TEXT NOT NULL,
    student_id      TEXT NOT NULL,
    through         INTEGER NOT NULL,
    reset_by        TEXT NOT NULL,
    reset_at        BIGINT NOT NULL,
    PRIMARY KEY (course_id, assignment_id, exercise_id, student_id, through),
    FOREIGN KEY (course_id, student_id) REFERENCES students (course_id, id)
);

-- A score set by hand, replacing the graded one wherever a grade is shown (the student's page, the
-- gradebook, its exports), with the note that says why.
CREATE TABLE score_overrides (
    course_id       TEXT NOT NULL,
    assignment_id   TEXT NOT NULL,
    exercise_id     TEXT NOT NULL,
    student_id      TEXT NOT NULL,
    score           DOUBLE PRECISION NOT NULL,
    note            TEXT NOT NULL,
    set_by          TEXT NOT NULL,
    updated_at      BIGINT NOT NULL,
    PRIMARY KEY (course_id, assignment_id, exercise_id, student_id),
    FOREIGN KEY (course_id, student_id) REFERENCES students (course_id, id)
);
