package dev.refgrade.server.auth;

import io.javalin.http.Context;

/** The holder of a request's bearer token: an instructor, or a student of one course. */
public record Caller(Role role, String id, String course, String tokenHash) {
    private static final String KEY = "refgrade.caller";

    public boolean instructor() {
        return role != Role.STUDENT;
    }

    void attach(Context ctx) {
        ctx.attribute(KEY, this);
    }

    /** The caller {@link Auth} found for this request; every /api route has one. */
    public static Caller of(Context ctx) {
        return ctx.attribute(KEY);
    }
}
