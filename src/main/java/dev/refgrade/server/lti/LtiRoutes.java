package dev.refgrade.server.lti;

import static dev.refgrade.server.auth.Role.ADMIN;
import static dev.refgrade.server.auth.Role.INSTRUCTOR;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refgrade.server.ApiError;
import dev.refgrade.server.Catalog;
import dev.refgrade.server.Deps;
import dev.refgrade.server.Json;
import dev.refgrade.server.Valid;
import dev.refgrade.server.auth.Tokens;
import dev.refgrade.store.Lti;
import dev.refgrade.store.Lti.Platform;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LTI 1.3 (docs/LTI.md): the OIDC login and launch, the tool's key set, Deep Linking, the admin's
 * platform registrations and key rotation, and an LTI course's roster by NRPS. A launch signs the
 * LMS user in with a fresh bearer token, so nobody types one.
 */
public final class LtiRoutes implements AutoCloseable {
    /** How long a login may take to come back as a launch, and a deep-linking pick to be made. */
    static final Duration LOGIN_TTL = Duration.ofMinutes(10);
    static final Duration PICK_TTL = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    record PlatformIn(String id, String issuer, String clientId, String authLoginUrl, String tokenUrl, String jwksUrl,
            List<String> deploymentIds) {}

    private final Deps deps;
    private final ToolKeys keys;
    private final Launches launches = new Launches();
    private final PlatformClient client;
    private final ScoreOutbox outbox;
    private final DeepLinking deepLinking;

    /** Starts the score sender; {@link #routes} adds the routes; close it when the server stops. */
    public LtiRoutes(Deps deps) {
        this.deps = deps;
        this.keys = new ToolKeys(deps.store().lti(), deps.clock());
        this.client = new PlatformClient(keys);
        this.outbox = new ScoreOutbox(deps, client);
        this.deepLinking = new DeepLinking(deps, keys);
    }

    public void routes(RoutesConfig routes) {
        LtiRoutes r = this;
        routes.get("/lti/jwks", ctx -> ctx.json(r.keys.publicSet()));
        routes.get("/lti/login", r::login);
        routes.post("/lti/login", r::login);
        routes.post("/lti/launch", r::launch);
        routes.post("/lti/deep-link", ctx -> r.deepLinking.respond(ctx, base(ctx)));
        routes.get("/api/lti/platforms", ctx -> ctx.json(deps.store().lti().platforms()), ADMIN);
        routes.post("/api/lti/platforms", r::register, ADMIN);
        routes.post("/api/lti/keys/rotate", ctx -> ctx.json(Map.of("kid", r.keys.rotate().getKeyID())), ADMIN);
        routes.get("/api/courses/{c}/lti/members", r::members, INSTRUCTOR);
    }

    private void register(Context ctx) throws Exception {
        PlatformIn in = Json.body(ctx, PlatformIn.class);
        if (in.deploymentIds() == null || in.deploymentIds().isEmpty() || in.deploymentIds().stream().anyMatch(d -> d == null || d.isBlank())) {
            throw ApiError.invalid("deploymentIds", "deploymentIds must list the platform's deployment ids of this tool, at least one");
        }
        Platform p = new Platform(Valid.id("id", in.id()), url("issuer", in.issuer(), false), Valid.text("clientId", in.clientId()),
                url("authLoginUrl", in.authLoginUrl(), true), url("tokenUrl", in.tokenUrl(), true), url("jwksUrl", in.jwksUrl(), true),
                in.deploymentIds().stream().map(String::strip).toList());
        if (!deps.store().lti().addPlatform(p, deps.clock().instant())) throw ApiError.exists("platform '" + p.id() + "' or this issuer and client id");
        ctx.status(201).json(p);
    }

    /** An http(s) URL; the issuer is compared as a string, so it is kept exactly as given. */
    private static String url(String field, String value, boolean fetched) {
        try {
            URI u = new URI(value == null ? "" : value.strip());
            if (("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null) return fetched ? u.toString() : value;
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw ApiError.invalid(field, field + " must be an http(s) URL, not " + (value == null ? "missing" : "'" + value + "'"));
    }

    /** Third-party initiated login (OIDC): remember a state and a nonce, send the browser to the platform's authorization endpoint. */
    private void login(Context ctx) {
        String issuer = param(ctx, "iss");
        String hint = param(ctx, "login_hint");
        if (issuer == null || hint == null) throw new ApiError(400, "bad_request", "an LTI login needs iss and login_hint", null);
        Platform p = deps.store().lti().platform(issuer, param(ctx, "client_id")).orElseThrow(() ->
                new ApiError(400, "lti_unknown_platform", "no platform is registered for issuer '" + issuer + "' and this client id", null));
        String state = random();
        String nonce = random();
        deps.store().lti().addState(state, nonce, p.id(), deps.clock().instant());
        Map<String, String> q = new LinkedHashMap<>();
        q.put("scope", "openid");
        q.put("response_type", "id_token");
        q.put("response_mode", "form_post");
        q.put("prompt", "none");
        q.put("client_id", p.clientId());
        q.put("redirect_uri", base(ctx) + "/lti/launch");
        q.put("login_hint", hint);
        q.put("state", state);
        q.put("nonce", nonce);
        String message = param(ctx, "lti_message_hint");
        if (message != null) q.put("lti_message_hint", message);
        String sep = p.authLoginUrl().contains("?") ? "&" : "?";
        ctx.redirect(p.authLoginUrl() + sep + PlatformClient.form(q), io.javalin.http.HttpStatus.FOUND);
    }

    private void launch(Context ctx) {
        String state = ctx.formParam("state");
        String[] login = state == null ? null
                : deps.store().lti().takeState(state, deps.clock().instant().minus(LOGIN_TTL)).orElse(null);
        if (login == null) throw Launches.refused("the launch's state is unknown, used already or expired; start again from the LMS");
        Platform p = deps.store().lti().platform(login[1]).orElseThrow(() -> Launches.refused("the platform is no longer registered"));
        Map<String, Object> claims = launches.verify(p, ctx.formParam("id_token"), login[0]);
        Signin who = Signin.of(deps, p, claims);
        String type = Claims.string(claims, Claims.MESSAGE_TYPE);
        if (Claims.DEEP_LINKING_REQUEST.equals(type)) {
            if (!who.instructor()) throw ApiError.forbidden("only instructors pick what the LMS links to");
            deepLinking.picker(ctx, p, claims, who.course());
            return;
        }
        if (!Claims.RESOURCE_LINK_REQUEST.equals(type)) throw Launches.refused("message type '" + type + "' is not one refgrade takes");
        String assignment = Claims.string(Claims.object(claims, Claims.CUSTOM), Claims.CUSTOM_ASSIGNMENT);
        String next = who.instructor() ? "instructor.html?c=" + PlatformClient.enc(who.course())
                : assignment == null ? "assignments.html" : "assignments.html?a=" + PlatformClient.enc(assignment);
        // The token travels in the fragment, which browsers never send to a server or put in a Referer.
        ctx.redirect("/lti.html#token=" + who.token() + "&next=" + PlatformClient.enc(next), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void members(Context ctx) {
        String course = ctx.pathParam("c");
        Lti.Context link = deps.store().lti().contextOf(course).orElseThrow(() ->
                new ApiError(404, "not_lti", "course '" + course + "' was not made by an LMS launch", null));
        if (link.membershipsUrl() == null) throw new ApiError(409, "no_nrps", "the LMS granted no roster service for this course", null);
        Platform p = deps.store().lti().platform(link.platformId()).orElseThrow(ApiError::notFound);
        List<JsonNode> members;
        try {
            members = client.members(p, link.membershipsUrl());
        } catch (PlatformClient.Failed e) {
            throw new ApiError(502, "lti_platform_unreachable", e.getMessage(), null);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode m : members) {
            Map<String, Object> row = new LinkedHashMap<>();
            String sub = m.path("user_id").asText();
            List<String> roles = new ArrayList<>();
            m.path("roles").forEach(r -> roles.add(r.asText()));
            Claims.Kind kind = Claims.kind(roles);
            row.put("userId", sub);
            row.put("name", m.path("name").asText(null));
            row.put("status", m.path("status").asText("Active"));
            row.put("role", kind == null ? null : kind.name().toLowerCase());
            row.put("refgradeId", kind == null ? null : Signin.id(p, sub));
            out.add(row);
        }
        ctx.json(out);
    }

    /** A login's parameter, from the query (GET) or the form (POST): platforms use either. */
    private static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v != null ? v : ctx.formParam(name);
    }

    /**
     * The tool's own origin as the LMS reaches it: REFGRADE_PUBLIC_URL when the server sits behind a
     * proxy, else the scheme and Host of the request.
     */
    static String base(Context ctx) {
        String configured = System.getenv("REFGRADE_PUBLIC_URL");
        if (configured != null && !configured.isBlank()) return configured.replaceAll("/+$", "");
        return ctx.scheme() + "://" + ctx.host();
    }

    static String random() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String tokenHash(String token) {
        return Tokens.hash(token);
    }

    static String title(Catalog.Entry e) {
        return e.title() == null ? e.checked().id() : e.title();
    }

    @Override
    public void close() {
        outbox.close();
    }
}
