-- Issue 19. An instructor joins another's course only by accepting an invitation; the playground and
-- draft checks can be switched off for one course or the whole server (during an exam).

CREATE TABLE course_invitations (
    course_id      TEXT NOT NULL REFERENCES courses (id),
    instructor_id  TEXT NOT NULL REFERENCES instructors (id),
    invited_by     TEXT NOT NULL,
    created_at     BIGINT NOT NULL,
    PRIMARY KEY (course_id, instructor_id)
);

-- A row per switch that is off; no row means on. scope is '*' (the whole server) or a course id.
CREATE TABLE switches_off (
    scope       TEXT NOT NULL,
    name        TEXT NOT NULL,          -- 'playground' | 'draft_checks'
    changed_by  TEXT NOT NULL,
    changed_at  BIGINT NOT NULL,
    PRIMARY KEY (scope, name)
)
