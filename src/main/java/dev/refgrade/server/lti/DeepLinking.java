package dev.refgrade.server.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.refgrade.server.ApiError;
import dev.refgrade.server.App;
import dev.refgrade.server.Catalog;
import dev.refgrade.server.Deps;
import dev.refgrade.server.Valid;
import dev.refgrade.store.Lti;
import dev.refgrade.store.Lti.DeepLink;
import dev.refgrade.store.Lti.Platform;
import dev.refgrade.store.Records.Assignment;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deep Linking 2.0: an instructor's deep-linking launch shows the course's assignments and the
 * loaded exercises; what they tick goes back to the LMS as an LtiDeepLinkingResponse JWT signed by
 * the tool, one LTI resource link (with a line item) per assignment. A ticked exercise becomes an
 * assignment of its own, due when the form says.
 */
final class DeepLinking {
    private final Deps deps;
    private final ToolKeys keys;

    DeepLinking(Deps deps, ToolKeys keys) {
        this.deps = deps;
        this.keys = keys;
    }

    void picker(Context ctx, Platform p, Map<String, Object> claims, String course) {
        Map<String, Object> settings = Claims.object(claims, Claims.DL_SETTINGS);
        String returnUrl = Claims.string(settings, "deep_link_return_url");
        if (returnUrl == null) throw Launches.refused("the deep-linking request has no deep_link_return_url");
        if (settings.get("accept_types") instanceof List<?> types && !types.contains("ltiResourceLink")) {
            throw new ApiError(409, "lti_unsupported", "the LMS accepts no LTI resource links here, the only thing refgrade links", null);
        }
        String id = LtiRoutes.random();
        deps.store().lti().addDeepLink(new DeepLink(id, p.id(), Claims.string(claims, Claims.DEPLOYMENT_ID), course, returnUrl,
                Claims.string(settings, "data")), deps.clock().instant());
        StringBuilder b = new StringBuilder(Html.head("Link refgrade work"));
        b.append("<h1>Link refgrade work into the course</h1><form method=\"post\" action=\"/lti/deep-link\">")
                .append("<input type=\"hidden\" name=\"pick\" value=\"").append(id).append("\">");
        b.append("<fieldset><legend>Assignments</legend>");
        for (Assignment a : deps.store().courses().assignments(course)) {
            b.append(Html.checkbox("assignment", a.id(), a.title() + " (due " + a.due() + ")"));
        }
        b.append("</fieldset><fieldset><legend>Exercises, each as a new assignment</legend>");
        for (Catalog.Entry e : deps.catalog().snapshot().exercises().values()) b.append(Html.checkbox("exercise", e.checked().id(), LtiRoutes.title(e)));
        b.append("<p><label>Due (for new assignments) <input name=\"due\" value=\"")
                .append(deps.clock().instant().plus(java.time.Duration.ofDays(14)).truncatedTo(java.time.temporal.ChronoUnit.DAYS))
                .append("\"></label></p></fieldset><button type=\"submit\">Add to the course</button></form></main></body></html>");
        ctx.html(b.toString());
    }

    void respond(Context ctx, String base) {
        Instant now = deps.clock().instant();
        DeepLink link = deps.store().lti().takeDeepLink(String.valueOf(ctx.formParam("pick")), now.minus(LtiRoutes.PICK_TTL))
                .orElseThrow(() -> Launches.refused("this pick is unknown, used already or expired; start again from the LMS"));
        Platform p = deps.store().lti().platform(link.platformId()).orElseThrow(() -> Launches.refused("the platform is no longer registered"));
        List<Assignment> picked = new ArrayList<>();
        for (String id : ctx.formParams("assignment")) {
            picked.add(deps.store().courses().assignment(link.course(), id).orElseThrow(() -> ApiError.invalid("assignment", "no assignment '" + id + "'")));
        }
        for (String e : ctx.formParams("exercise")) picked.add(assignmentFor(link.course(), e, ctx.formParam("due"), now));
        List<Map<String, Object>> items = new ArrayList<>();
        for (Assignment a : picked) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("type", "ltiResourceLink");
            item.put("title", a.title());
            item.put("url", base + "/lti/launch");
            item.put("custom", Map.of(Claims.CUSTOM_ASSIGNMENT, a.id()));
            double max = dev.refgrade.server.gradebook.Gradebook.assignmentGrade(deps, a, "")[1];
            item.put("lineItem", Map.of("scoreMaximum", max, "label", a.title(), "resourceId", a.id()));
            items.add(item);
        }
        JWTClaimsSet.Builder jwt = new JWTClaimsSet.Builder().issuer(p.clientId()).audience(p.issuer()).issueTime(Date.from(Instant.now()))
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).claim("nonce", LtiRoutes.random())
                .claim(Claims.MESSAGE_TYPE, Claims.DEEP_LINKING_RESPONSE).claim(Claims.VERSION, "1.3.0")
                .claim(Claims.DEPLOYMENT_ID, link.deploymentId()).claim(Claims.DL_CONTENT_ITEMS, items);
        if (link.data() != null) jwt.claim(Claims.DL_DATA, link.data());
        // The site's policy allows no inline script and posts only to itself: this one page may post to
        // the LMS's return address, and submits itself from a script file of this site.
        ctx.header("Content-Security-Policy", App.SECURITY_HEADERS.get("Content-Security-Policy")
                .replace("form-action 'self'", "form-action 'self' " + origin(link.returnUrl())));
        ctx.html(Html.head("Back to the LMS") + "<form id=\"back\" method=\"post\" action=\"" + Html.attr(link.returnUrl()) + "\">"
                + "<input type=\"hidden\" name=\"JWT\" value=\"" + keys.sign(jwt.build()) + "\">"
                + "<button type=\"submit\">Back to the LMS</button></form>"
                + "<script type=\"module\" src=\"/js/lti-return.js\"></script></main></body></html>");
    }

    /** scheme://host[:port] of an absolute URL, as a CSP source. */
    static String origin(String url) {
        java.net.URI u = java.net.URI.create(url);
        return u.getScheme() + "://" + u.getRawAuthority();
    }

    /** The exercise's own assignment (id: the exercise's), made now unless an earlier pick made it. */
    private Assignment assignmentFor(String course, String exercise, String due, Instant now) {
        Catalog.Entry e = deps.catalog().exercise(exercise).orElseThrow(() -> ApiError.invalid("exercise", "no exercise '" + exercise + "' is loaded"));
        Optional<Assignment> known = deps.store().courses().assignment(course, exercise);
        if (known.isPresent()) return known.get();
        Assignment a = new Assignment(course, exercise, LtiRoutes.title(e), Valid.instant("due", due), null, List.of(exercise), null, null);
        deps.store().courses().createAssignment(a, now);
        return deps.store().courses().assignment(course, exercise).orElse(a);
    }
}
