package dev.refgrade.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** LTI 1.3's tables: registered platforms, the tool's keys, logins in flight, course and user links, the score outbox. */
public final class Lti {
    public record Platform(String id, String issuer, String clientId, String authLoginUrl, String tokenUrl, String jwksUrl,
            List<String> deploymentIds) {}

    public record Key(String kid, String jwk, Instant createdAt, Instant retiredAt) {}

    public record Context(String platformId, String contextId, String course, String deploymentId, String lineItemsUrl,
            String membershipsUrl) {}

    public record DeepLink(String id, String platformId, String deploymentId, String course, String returnUrl, String data) {}

    /** A score owed to the LMS; {@code version} changes with every submission that changed it. */
    public record Owed(String course, String assignment, String student, long version, Instant submittedAt, int attempts) {}

    private final Jdbc jdbc;

    Lti(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the id, or the issuer and client id, are registered already. */
    public boolean addPlatform(Platform p, Instant now) {
        return jdbc.update("INSERT INTO lti_platforms (id, issuer, client_id, auth_login_url, token_url, jwks_url, deployment_ids, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", p.id(), p.issuer(), p.clientId(), p.authLoginUrl(),
                p.tokenUrl(), p.jwksUrl(), String.join("\n", p.deploymentIds()), now) == 1;
    }

    public List<Platform> platforms() {
        return jdbc.query(PLATFORM + " ORDER BY id", Lti::platform);
    }

    public Optional<Platform> platform(String id) {
        return jdbc.one(PLATFORM + " WHERE id = ?", Lti::platform, id);
    }

    /** The platform an OIDC login or launch names; without a client id, only when the issuer has one registration. */
    public Optional<Platform> platform(String issuer, String clientId) {
        List<Platform> found = clientId == null ? jdbc.query(PLATFORM + " WHERE issuer = ?", Lti::platform, issuer)
                : jdbc.query(PLATFORM + " WHERE issuer = ? AND client_id = ?", Lti::platform, issuer, clientId);
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static final String PLATFORM = "SELECT id, issuer, client_id, auth_login_url, token_url, jwks_url, deployment_ids FROM lti_platforms";

    private static Platform platform(ResultSet rs) throws SQLException {
        return new Platform(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                Arrays.asList(rs.getString(7).split("\n")));
    }

    /** The signing key first, then the retired ones, latest retired first. */
    public List<Key> keys() {
        return jdbc.query("SELECT kid, jwk, created_at, retired_at FROM lti_keys"
                + " ORDER BY CASE WHEN retired_at IS NULL THEN 0 ELSE 1 END, retired_at DESC, created_at DESC, kid",
                rs -> new Key(rs.getString(1), rs.getString(2), Jdbc.instant(rs, "created_at"),
                        rs.getObject(4) == null ? null : Jdbc.instant(rs, "retired_at")));
    }

    /** Makes {@code key} the signing key and retires the one before it, in one transaction. */
    public void rotate(Key key) {
        jdbc.tx(c -> {
            Jdbc.update(c, "UPDATE lti_keys SET retired_at = ? WHERE retired_at IS NULL", key.createdAt());
            Jdbc.update(c, "INSERT INTO lti_keys (kid, jwk, created_at, retired_at) VALUES (?, ?, ?, NULL)", key.kid(), key.jwk(), key.createdAt());
            return null;
        });
    }

    /** Forgets keys retired before {@code before}: no platform may still hold a token they signed. */
    public void dropKeysRetiredBefore(Instant before) {
        jdbc.update("DELETE FROM lti_keys WHERE retired_at IS NOT NULL AND retired_at < ?", before);
    }

    public void addState(String state, String nonce, String platform, Instant now) {
        jdbc.update("INSERT INTO lti_states (state, nonce, platform_id, created_at) VALUES (?, ?, ?, ?)", state, nonce, platform, now);
    }

    /** The nonce of a login started after {@code since}, deleting it so a second launch with it finds nothing. */
    public Optional<String[]> takeState(String state, Instant since) {
        return jdbc.tx(c -> {
            List<String[]> found = Jdbc.query(c, "SELECT nonce, platform_id, created_at FROM lti_states WHERE state = ?",
                    rs -> new String[] {rs.getString(1), rs.getString(2), Long.toString(rs.getLong(3))}, state);
            if (found.isEmpty() || Jdbc.update(c, "DELETE FROM lti_states WHERE state = ?", state) == 0) return Optional.empty();
            Jdbc.update(c, "DELETE FROM lti_states WHERE created_at < ?", since); // logins never finished
            return Long.parseLong(found.get(0)[2]) < since.toEpochMilli() ? Optional.empty() : Optional.of(found.get(0));
        });
    }

    public Optional<Context> context(String platform, String contextId) {
        return jdbc.one(CONTEXT + " WHERE platform_id = ? AND context_id = ?", Lti::context, platform, contextId);
    }

    public Optional<Context> contextOf(String course) {
        return jdbc.one(CONTEXT + " WHERE course_id = ?", Lti::context, course);
    }

    private static final String CONTEXT = "SELECT platform_id, context_id, course_id, deployment_id, lineitems_url, memberships_url FROM lti_contexts";

    private static Context context(ResultSet rs) throws SQLException {
        return new Context(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));
    }

    /** Links an LMS course to a refgrade course, creating the course on its first launch; later launches update the endpoints. */
    public void link(Context ctx, String title, Instant now) {
        jdbc.tx(c -> {
            Jdbc.update(c, "INSERT INTO courses (id, title, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", ctx.course(), title, now);
            Jdbc.update(c, "INSERT INTO lti_contexts (platform_id, context_id, course_id, deployment_id, lineitems_url, memberships_url)"
                    + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (platform_id, context_id) DO UPDATE SET deployment_id = excluded.deployment_id,"
                    + " lineitems_url = excluded.lineitems_url, memberships_url = excluded.memberships_url",
                    ctx.platformId(), ctx.contextId(), ctx.course(), ctx.deploymentId(), ctx.lineItemsUrl(), ctx.membershipsUrl());
            return null;
        });
    }

    /** Enrols an LMS learner as a student of the course (the name as the LMS gives it now). */
    public void student(String course, String id, String name, String sub, Instant now) {
        jdbc.tx(c -> {
            Jdbc.update(c, "INSERT INTO students (course_id, id, name, created_at) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (course_id, id) DO UPDATE SET name = excluded.name", course, id, name, now);
            member(c, course, "student", id, sub);
            return null;
        });
    }

    /** Makes an LMS instructor an instructor of refgrade who teaches the course. */
    public void instructor(String course, String id, String name, String sub, Instant now) {
        jdbc.tx(c -> {
            Jdbc.update(c, "INSERT INTO instructors (id, name, admin, created_at) VALUES (?, ?, 0, ?) ON CONFLICT DO NOTHING", id, name, now);
            Jdbc.update(c, "INSERT INTO course_instructors (course_id, instructor_id) VALUES (?, ?) ON CONFLICT DO NOTHING", course, id);
            member(c, course, "instructor", id, sub);
            return null;
        });
    }

    private static void member(Connection c, String course, String kind, String id, String sub) throws SQLException {
        Jdbc.update(c, "INSERT INTO lti_members (course_id, kind, refgrade_id, sub) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                course, kind, id, sub);
    }

    /** The LMS user id of a student of an LTI course. */
    public Optional<String> sub(String course, String student) {
        return jdbc.one("SELECT sub FROM lti_members WHERE course_id = ? AND kind = 'student' AND refgrade_id = ?",
                rs -> rs.getString(1), course, student);
    }

    /** A bearer token for someone a launch signed in, stored (as its hash) like every other token. */
    public void token(String hash, boolean student, String course, String subject, Instant now) {
        jdbc.update("INSERT INTO tokens (hash, role, course_id, subject_id, created_at) VALUES (?, ?, ?, ?, ?)",
                hash, student ? "student" : "instructor", student ? course : null, subject, now);
    }

    public void addDeepLink(DeepLink d, Instant now) {
        jdbc.update("INSERT INTO lti_deep_links (id, platform_id, deployment_id, course_id, return_url, data, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", d.id(), d.platformId(), d.deploymentId(), d.course(), d.returnUrl(), d.data(), now);
    }

    /** A deep-linking launch started after {@code since}, deleted as it is taken: one response per request. */
    public Optional<DeepLink> takeDeepLink(String id, Instant since) {
        return jdbc.tx(c -> {
            List<DeepLink> found = Jdbc.query(c, "SELECT id, platform_id, deployment_id, course_id, return_url, data FROM lti_deep_links"
                    + " WHERE id = ? AND created_at >= ?", rs -> new DeepLink(rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(6)), id, since);
            Jdbc.update(c, "DELETE FROM lti_deep_links WHERE id = ? OR created_at < ?", id, since);
            return found.stream().findFirst();
        });
    }

    public Optional<String> lineItem(String course, String assignment) {
        return jdbc.one("SELECT url FROM lti_line_items WHERE course_id = ? AND assignment_id = ?", rs -> rs.getString(1), course, assignment);
    }

    public void lineItem(String course, String assignment, String url) {
        jdbc.update("INSERT INTO lti_line_items (course_id, assignment_id, url) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", course, assignment, url);
    }

    /**
     * Runs in the transaction that stores a submission: owes the LMS the student's new score when the
     * student came from an LMS, and nothing otherwise.
     */
    static void owe(Jdbc.Updates db, String course, String assignment, String student, Instant submittedAt) throws SQLException {
        db.update("INSERT INTO lti_outbox (course_id, assignment_id, student_id, version, submitted_at, attempts, next_at, last_error)"
                + " SELECT ?, ?, ?, 1, ?, 0, 0, NULL WHERE EXISTS (SELECT 1 FROM lti_members WHERE course_id = ? AND kind = 'student'"
                + " AND refgrade_id = ?)" + AGAIN, course, assignment, student, submittedAt, course, student);
    }

    /** Runs in the transaction that stores a regrade: the LMS is owed the student's changed score too. */
    static void oweRegraded(Connection c, String submission, Instant at) throws SQLException {
        Jdbc.update(c, "INSERT INTO lti_outbox (course_id, assignment_id, student_id, version, submitted_at, attempts, next_at, last_error)"
                + " SELECT s.course_id, s.assignment_id, s.student_id, 1, ?, 0, 0, NULL FROM submissions s WHERE s.id = ? AND EXISTS"
                + " (SELECT 1 FROM lti_members m WHERE m.course_id = s.course_id AND m.kind = 'student' AND m.refgrade_id = s.student_id)"
                + AGAIN, at, submission);
    }

    /** A score already owed is owed again, newer: sent afresh at once. */
    private static final String AGAIN = " ON CONFLICT (course_id, assignment_id, student_id) DO UPDATE SET version = lti_outbox.version + 1,"
            + " submitted_at = excluded.submitted_at, attempts = 0, next_at = 0";

    /** Scores due for sending at {@code now}, oldest first. */
    public List<Owed> due(Instant now, int limit) {
        return jdbc.query("SELECT course_id, assignment_id, student_id, version, submitted_at, attempts FROM lti_outbox WHERE next_at <= ?"
                + " ORDER BY next_at LIMIT ?", rs -> new Owed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                Jdbc.instant(rs, "submitted_at"), rs.getInt(6)), now, limit);
    }

    /** The LMS took the score: forgotten, unless a newer submission changed it meanwhile. */
    public void paid(Owed o) {
        jdbc.update("DELETE FROM lti_outbox WHERE course_id = ? AND assignment_id = ? AND student_id = ? AND version = ?",
                o.course(), o.assignment(), o.student(), o.version());
    }

    /** The LMS did not take it: tried again at {@code next}. */
    public void failed(Owed o, Instant next, String error) {
        jdbc.update("UPDATE lti_outbox SET attempts = attempts + 1, next_at = ?, last_error = ? WHERE course_id = ? AND assignment_id = ?"
                + " AND student_id = ? AND version = ?", next, error, o.course(), o.assignment(), o.student(), o.version());
    }

    /** How many scores wait, for /metrics and the tests. */
    public long owed() {
        return jdbc.one("SELECT COUNT(*) FROM lti_outbox", rs -> rs.getLong(1)).orElse(0L);
    }
}
