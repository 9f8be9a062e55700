package dev.refgrade.server.auth;

import dev.refgrade.server.ApiError;
import dev.refgrade.store.Records.Identity;
import dev.refgrade.store.Records.Instructor;
import dev.refgrade.store.Records.Kind;
import dev.refgrade.store.Store;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs before every matched route: token (401), rate limit (429), the course in the path (404 when
 * the caller may not see it, so ids cannot be probed), then the route's roles (403).
 */
public final class Auth {
    private final Store store;
    private final RateLimiter limiter;
    /** Tokens are never revoked while a server runs, so a token once found stays valid here. */
    private final Map<String, Caller> callers = new ConcurrentHashMap<>();

    public Auth(Store store, RateLimiter limiter) {
        this.store = store;
        this.limiter = limiter;
    }

    public void check(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) return;
        Caller caller = authenticate(ctx.header("Authorization")).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer");
            return new ApiError(401, "unauthorized", "send 'Authorization: Bearer TOKEN' with a token this server issued", null);
        });
        long wait = limiter.acquire(caller.tokenHash());
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            throw new ApiError(429, "rate_limited", "too many requests with this token; retry after " + wait + " s", null);
        }
        String course = ctx.pathParamMap().get("c");
        if (course != null && !sees(caller, course)) throw ApiError.notFound();
        boolean allowed = roles.contains(caller.role()) || caller.role() == Role.ADMIN && roles.contains(Role.INSTRUCTOR);
        if (!allowed) {
            throw ApiError.forbidden(caller.role() == Role.STUDENT ? "this route is for instructors"
                    : roles.contains(Role.ADMIN) ? "only the admin instructor may do this" : "this route is for students");
        }
        caller.attach(ctx);
    }

    private Optional<Caller> authenticate(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
        String hash = Tokens.hash(header.substring(7).strip());
        Caller known = callers.get(hash);
        if (known != null) return Optional.of(known);
        Optional<Caller> found = store.people().identity(hash).map(id -> caller(id, hash));
        found.ifPresent(c -> callers.put(hash, c));
        return found;
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
