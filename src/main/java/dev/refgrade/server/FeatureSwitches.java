package dev.refgrade.server;

import static dev.refgrade.server.auth.Role.ADMIN;
import static dev.refgrade.server.auth.Role.INSTRUCTOR;

import dev.refgrade.server.auth.Caller;
import dev.refgrade.store.Switches;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The playground and draft checks, switched off during an exam: by the admin for the whole server,
 * or by an instructor for one course. Off for a course, the playground refuses that course's
 * students (signed in) and draft checks refuse that course's instructors; only the server-wide
 * switch reaches anonymous visitors, whom nothing ties to a course.
 */
public final class FeatureSwitches {
    public static final String PLAYGROUND = "playground", DRAFT_CHECKS = "draft_checks";
    private static final List<String> NAMES = List.of(PLAYGROUND, DRAFT_CHECKS);

    record SwitchesIn(Boolean playground, Boolean draft_checks) {}

    private final Deps deps;

    public FeatureSwitches(Deps deps) {
        this.deps = deps;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/api/admin/switches", ctx -> ctx.json(state(Switches.EVERYWHERE)), ADMIN);
        routes.put("/api/admin/switches", ctx -> set(ctx, Switches.EVERYWHERE), ADMIN);
        routes.get("/api/courses/{c}/switches", ctx -> ctx.json(state(ctx.pathParam("c"))), INSTRUCTOR);
        routes.put("/api/courses/{c}/switches", ctx -> set(ctx, ctx.pathParam("c")), INSTRUCTOR);
    }

    /** Refuses the request with 403 {@code switched_off} when {@code name} is off for its caller. */
    public void require(Context ctx, String name) {
        Switches s = deps.store().switches();
        Caller c = Caller.of(ctx);
        String what = name.equals(PLAYGROUND) ? "the playground" : "draft checks";
        if (s.off(Switches.EVERYWHERE, name)) throw switchedOff(what + " is switched off on this server for now");
        if (c == null) return;
        boolean off = c.instructor() ? name.equals(DRAFT_CHECKS) && s.offForInstructor(c.id(), name) : s.off(c.course(), name);
        if (off) throw switchedOff(what + " is switched off for your course for now");
    }

    private static ApiError switchedOff(String detail) {
        return new ApiError(403, "switched_off", detail.substring(0, 1).toUpperCase() + detail.substring(1) + " (an exam, most likely)", null);
    }

    private Map<String, Boolean> state(String scope) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (String n : NAMES) out.put(n, !deps.store().switches().off(scope, n));
        return out;
    }

    private void set(Context ctx, String scope) throws Exception {
        SwitchesIn in = Json.body(ctx, SwitchesIn.class);
        String by = Caller.of(ctx).id();
        if (in.playground() != null) deps.store().switches().set(scope, PLAYGROUND, in.playground(), by, deps.clock().instant());
        if (in.draft_checks() != null) deps.store().switches().set(scope, DRAFT_CHECKS, in.draft_checks(), by, deps.clock().instant());
        ctx.json(state(scope));
    }
}
