package dev.refgrade.server.lti;

import dev.refgrade.exercise.Digest;
import dev.refgrade.server.ApiError;
import dev.refgrade.server.Deps;
import dev.refgrade.server.auth.Tokens;
import dev.refgrade.store.Lti;
import dev.refgrade.store.Lti.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a verified launch makes of its user: the LMS course (context) is a refgrade course, made on
 * its first launch; a teaching role is an instructor of it, a learner a student of it; either gets
 * a new bearer token. Ids are derived from the platform and the LMS's ids, so a later launch, or
 * the roster read by NRPS, finds the same person.
 */
record Signin(String course, boolean instructor, String token) {
    static Signin of(Deps deps, Platform p, Map<String, Object> claims) {
        Map<String, Object> context = Claims.object(claims, Claims.CONTEXT);
        String contextId = Claims.string(context, "id");
        if (contextId == null) throw Launches.refused("the launch names no course (its context claim has no id)");
        @SuppressWarnings("unchecked")
        List<String> roles = claims.get(Claims.ROLES) instanceof List<?> l ? (List<String>) l : List.of();
        Claims.Kind kind = Claims.kind(roles);
        if (kind == null) throw ApiError.forbidden("the LMS gave this user no role refgrade knows (instructor or learner): " + roles);
        Instant now = deps.clock().instant();
        Lti store = deps.store().lti();
        String course = store.context(p.id(), contextId).map(Lti.Context::course).orElse("lti-" + Digest.sha256(p.id() + '\n' + contextId).substring(0, 16));
        Map<String, Object> ags = Claims.object(claims, Claims.AGS_ENDPOINT);
        Map<String, Object> nrps = Claims.object(claims, Claims.NRPS);
        String title = Claims.string(context, "title") != null ? Claims.string(context, "title")
                : Claims.string(context, "label") != null ? Claims.string(context, "label") : contextId;
        store.link(new Lti.Context(p.id(), contextId, course, Claims.string(claims, Claims.DEPLOYMENT_ID), Claims.string(ags, "lineitems"),
                Claims.string(nrps, "context_memberships_url")), title, now);
        String sub = Claims.string(claims, "sub");
        String id = id(p, sub);
        String name = name(claims, sub);
        String token = Tokens.mint();
        if (kind == Claims.Kind.INSTRUCTOR) store.instructor(course, id, name, sub, now);
        else store.student(course, id, name, sub, now);
        store.token(Tokens.hash(token), kind == Claims.Kind.STUDENT, course, id, now);
        return new Signin(course, kind == Claims.Kind.INSTRUCTOR, token);
    }

    /** refgrade's id of an LMS user: the same for every launch from that platform. */
    static String id(Platform p, String sub) {
        return "lti-" + Digest.sha256(p.id() + '\n' + sub).substring(0, 16);
    }

    private static String name(Map<String, Object> claims, String sub) {
        String name = Claims.string(claims, "name");
        if (name != null && !name.isBlank()) return name.strip();
        String given = Claims.string(claims, "given_name");
        String family = Claims.string(claims, "family_name");
        String joined = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        return joined.isEmpty() ? sub : joined;
    }
}
