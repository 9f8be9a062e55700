-- LTI 1.3: the platforms (LMSs) the admin registered, the tool's own signing keys, launches in
-- flight, which refgrade course and people an LMS course and its users are, and the scores that
-- still have to reach the LMS. Times are epoch milliseconds, as in 001.

CREATE TABLE lti_platforms (
    id              TEXT PRIMARY KEY,
    issuer          TEXT NOT NULL,
    client_id       TEXT NOT NULL,
    auth_login_url  TEXT NOT NULL,
    token_url       TEXT NOT NULL,
    jwks_url        TEXT NOT NULL,
    deployment_ids  TEXT NOT NULL,          -- joined by newlines
    created_at      BIGINT NOT NULL,
    UNIQUE (issuer, client_id)
);

-- The tool's RSA key pairs as JWK JSON (private parts included). The newest unretired one signs;
-- retired ones stay published in /lti/jwks for a while, so a platform's cached copy keeps working.
CREATE TABLE lti_keys (
    kid         TEXT PRIMARY KEY,
    jwk         TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    retired_at  BIGINT
);

-- OIDC logins waiting for their launch: the state names the row, the nonce must come back in the
-- id_token; the launch deletes the row, so each is used once.
CREATE TABLE lti_states (
    state        TEXT PRIMARY KEY,
    nonce        TEXT NOT NULL,
    platform_id  TEXT NOT NULL REFERENCES lti_platforms (id),
    created_at   BIGINT NOT NULL
);

-- An LMS course (context) is one refgrade course; its AGS and NRPS endpoints as the last launch gave them.
CREATE TABLE lti_contexts (
    platform_id      TEXT NOT NULL REFERENCES lti_platforms (id),
    context_id       TEXT NOT NULL,
    course_id        TEXT NOT NULL REFERENCES courses (id),
    deployment_id    TEXT NOT NULL,
    lineitems_url    TEXT,
    memberships_url  TEXT,
    PRIMARY KEY (platform_id, context_id),
    UNIQUE (course_id)
);

-- An LMS user in a course: which student or instructor of refgrade they are, and their LMS id (sub).
CREATE TABLE lti_members (
    course_id    TEXT NOT NULL REFERENCES courses (id),
    kind         TEXT NOT NULL,             -- 'student' | 'instructor'
    refgrade_id  TEXT NOT NULL,
    sub          TEXT NOT NULL,
    PRIMARY KEY (course_id, kind, refgrade_id)
);

-- Deep-linking launches waiting for the instructor's pick.
CREATE TABLE lti_deep_links (
    id             TEXT PRIMARY KEY,
    platform_id    TEXT NOT NULL REFERENCES lti_platforms (id),
    deployment_id  TEXT NOT NULL,
    course_id      TEXT NOT NULL REFERENCES courses (id),
    return_url     TEXT NOT NULL,
    data           TEXT,
    created_at     BIGINT NOT NULL
);

-- The AGS line item of each assignment of an LTI course.
CREATE TABLE lti_line_items (
    course_id      TEXT NOT NULL,
    assignment_id  TEXT NOT NULL,
    url            TEXT NOT NULL,
    PRIMARY KEY (course_id, assignment_id),
    FOREIGN KEY (course_id, assignment_id) REFERENCES assignments (course_id, id)
);

-- Scores owed to the LMS: one row per student and assignment, written in the same transaction as
-- the submission that changed the score, deleted once the LMS took it. The score itself is read when
-- it is sent, so it is always the latest; `version` tells the sender a newer submission came meanwhile.
CREATE TABLE lti_outbox (
    course_id      TEXT NOT NULL,
    assignment_id  TEXT NOT NULL,
    student_id     TEXT NOT NULL,
    version        INTEGER NOT NULL,
    submitted_at   BIGINT NOT NULL,
    attempts       INTEGER NOT NULL,
    next_at        BIGINT NOT NULL,
    last_error     TEXT,
    PRIMARY KEY (course_id, assignment_id, student_id)
);
