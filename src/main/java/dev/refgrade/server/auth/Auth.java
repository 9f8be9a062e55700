package dev.refgrade.server.auth;

import dev.refgrade.server.ApiError;
import dev.refgrade.store.Records.Identity;
import dev.refgrade.store.Records.Instructor;
import dev.refgrade.store.Records.Kind;
import dev.refgrade.store.Store;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs before every matched route: token (401), rate limit (429), the course in the path (404 when
 * the caller may not see it, so ids cannot be probed), then the route's roles (403). A route for
 * {@link Role#ANYONE} also takes requests without a token.
 */
public final class Auth {
    private final Store store;
    private final RateLimiter limiter;
    /**
     * Tokens found in the database, kept briefly so a class submitting at once does not ask it each
     * time. A token reissued or revoked here is forgotten at once; one revoked through another
     * instance (PostgreSQL) stops working here within {@link #REMEMBER}.
     */
    private final Map<String, Known> callers = new ConcurrentHashMap<>();
    private static final Duration REMEMBER = Duration.ofSeconds(10);
    private final Clock clock;

    private record Known(Caller caller, Instant at) {}

    public Auth(Store store, RateLimiter limiter, Clock clock) {
        this.store = store;
        this.limiter = limiter;
        this.clock = clock;
    }

    public void check(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) return;
        String token = bearer(ctx.header("Authorization"));
        Known known = token == null ? null : callers.get(Tokens.hash(token));
        Caller caller = known == null || clock.instant().isAfter(known.at().plus(REMEMBER)) ? null : known.caller();
        if (caller == null) {
            // No token, or one not seen yet: the client's address pays, before the database is asked,
            // so made-up tokens and anonymous playground runs are refused cheaply when they flood.
            // A token that was valid here and is only due to be read again does not: a class behind
            // one school address would otherwise spend that address's budget every 10 s.
            if (known == null) limit("address " + ctx.ip(), "from this address");
            caller = token == null ? null : lookup(Tokens.hash(token)).orElse(null);
            if (caller == null && token == null && roles.contains(Role.ANYONE)) return;
            if (caller == null) {
                ctx.header("WWW-Authenticate", "Bearer");
                throw new ApiError(401, "unauthorized", "send 'Authorization: Bearer TOKEN' with a token this server issued", null);
            }
        }
        limit("token " + caller.tokenHash(), "with this token");
        String course = ctx.pathParamMap().get("c");
        if (course != null && !sees(caller, course)) throw ApiError.notFound();
        boolean allowed = roles.contains(Role.ANYONE) || roles.contains(caller.role())
                || caller.role() == Role.ADMIN && roles.contains(Role.INSTRUCTOR);
        if (!allowed) {
            throw ApiError.forbidden(caller.role() == Role.STUDENT ? "this route is for instructors"
                    : roles.contains(Role.ADMIN) ? "only the admin instructor may do this" : "this route is for students");
        }
        caller.attach(ctx);
    }

    private void limit(String key, String source) {
        long wait = limiter.acquire(key);
        if (wait > 0) throw ApiError.retryAfter(429, "rate_limited", "too many requests " + source + "; retry after " + wait + " s", wait);
    }

    /** The token of an {@code Authorization: Bearer} header, or null when there is none. */
    private static String bearer(String header) {
        return header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) ? null : header.substring(7).strip();
    }

    private Optional<Caller> lookup(String hash) {
        Optional<Caller> found = store.people().identity(hash).map(id -> caller(id, hash));
        found.ifPresentOrElse(c -> callers.put(hash, new Known(c, clock.instant())), () -> callers.remove(hash));
        return found;
    }

    /** After a student's token was reissued or revoked: whatever token of theirs was known is looked up again. */
    public void forgetStudent(String course, String student) {
        callers.values().removeIf(k -> k.caller().role() == Role.STUDENT && k.caller().course().equals(course) && k.caller().id().equals(student));
    }

    private Caller caller(Identity id, String hash) {
        if (id.kind() == Kind.STUDENT) return new Caller(Role.STUDENT, id.id(), id.course(), hash);
        boolean admin = store.people().instructor(id.id()).map(Instructor::admin).orElse(false);
        return new Caller(admin ? Role.ADMIN : Role.INSTRUCTOR, id.id(), null, hash);
    }

    private boolean sees(Caller caller, String course) {
        return caller.instructor() ? store.courses().teaches(caller.id(), course) : course.equals(caller.course());
    }
}
