package dev.refgrade.server.auth;

import io.javalin.security.RouteRole;

/** Who a route is for. A route without roles is public; every /api route names its roles. */
public enum Role implements RouteRole {
    STUDENT, INSTRUCTOR,
    /** The first instructor (REFGRADE_ADMIN_TOKEN): may also create instructors. */
    ADMIN,
    /** A route also open to callers without a token (the playground); they are rate-limited by address. Never a caller's role. */
    ANYONE
}
