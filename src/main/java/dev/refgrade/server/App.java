package dev.refgrade.server;

import dev.refgrade.server.auth.Auth;
import dev.refgrade.server.auth.RateLimiter;
import dev.refgrade.server.auth.Role;
import dev.refgrade.server.auth.Tokens;
import dev.refgrade.server.courses.AccommodationRoutes;
import dev.refgrade.server.courses.AssignmentRoutes;
import dev.refgrade.server.courses.CourseRoutes;
import dev.refgrade.server.gradebook.GradebookRoutes;
import dev.refgrade.server.gradebook.ManualRoutes;
import dev.refgrade.server.lti.LtiRoutes;
import dev.refgrade.server.ops.Metrics;
import dev.refgrade.server.ops.OpsRoutes;
import dev.refgrade.server.playground.Playground;
import dev.refgrade.server.playground.PlaygroundApi;
import dev.refgrade.server.preview.AuthoringRoutes;
import dev.refgrade.server.preview.PreviewRoutes;
import dev.refgrade.server.submissions.SubmissionRoutes;
import dev.refgrade.server.ops.SlowClients;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HandlerType;
import java.util.Map;
import java.util.Set;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.util.component.LifeCycle;

/** The HTTP API of docs/API.md on Javalin, built from its dependencies. */
public final class App {
    /**
     * Bodies from this size on are gzipped for clients that accept it: a playground run of 2000 steps
     * is megabytes of repetitive JSON, while a submission's answer stays below and goes out as is.
     * Javalin decides on the first write, which is at most 4 KiB, so a larger threshold would compress nothing.
     */
    private static final int GZIP_ABOVE = 4096;

    private App() {}

    private static CompressionStrategy gzipAbove(int bytes) {
        // Level 6: a 27 MB run of 2000 steps becomes 0.4 MB in about 0.1 s; level 4 leaves twice the bytes for little less CPU.
        CompressionStrategy gzip = new CompressionStrategy(null, new Gzip(6));
        gzip.setDefaultMinSizeForCompression(bytes);
        return gzip;
    }

    /**
     * Sent with every response. The pages load their scripts and styles from this site only, with no
     * inline script, so an injected tag runs nothing; no page may be framed (clickjacking); no
     * address (which may carry ?next=) leaves in a Referer; no response is sniffed as another type.
     */
    public static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
                    + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer");

    /** Placeholders people leave in configuration files, refused as the admin token on a reachable address. */
    private static final Set<String> PLACEHOLDERS = Set.of("change-me", "changeme", "change_me", "admin", "password", "secret", "token", "test");
    /** 16 characters: `openssl rand -base64 24` gives 32; below 16 a token can be guessed or was typed by hand. */
    static final int MIN_ADMIN_TOKEN = 16;

    /**
     * Refuses an admin token anyone could guess: empty anywhere (a blank bearer token would match
     * it), and a placeholder or a short one unless the server listens on this machine only.
     */
    static void checkAdminToken(Config config) {
        String t = config.adminToken();
        if (t == null) return;
        if (t.isBlank()) throw new IllegalArgumentException("REFGRADE_ADMIN_TOKEN is empty; unset it, or set a random token of at least "
                + MIN_ADMIN_TOKEN + " characters");
        boolean loopback = config.host().equals("localhost") || config.host().startsWith("127.") || config.host().equals("::1");
        if (!loopback && (PLACEHOLDERS.contains(t.strip().toLowerCase()) || t.strip().length() < MIN_ADMIN_TOKEN)) {
            throw new IllegalArgumentException("REFGRADE_ADMIN_TOKEN is a placeholder or shorter than " + MIN_ADMIN_TOKEN
                    + " characters, and the server would listen on " + config.host() + "; set a random token (openssl rand -base64 24)"
                    + " or --host 127.0.0.1");
        }
    }

    public static Javalin create(Deps deps) {
        Config config = deps.config();
        checkAdminToken(config);
        if (config.adminToken() != null) deps.store().people().ensureAdmin(Tokens.hash(config.adminToken()), deps.clock().instant());
        Metrics metrics = new Metrics(deps.store(), deps.catalog());
        Auth auth = new Auth(deps.store(), new RateLimiter(config.ratePerSecond(), config.rateBurst()), deps.clock());
        SlowClients slow = new SlowClients();
        LtiRoutes lti = new LtiRoutes(deps);
        FeatureSwitches switches = new FeatureSwitches(deps);
        // Javalin 7 takes every route, filter and handler up front, in the one configuration block.
        return Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.concurrency.useVirtualThreads = true; // a submission waits for its group commit without holding a thread
            Json.limitBodies(c, config.maxBody());
            c.http.compressionStrategy = gzipAbove(GZIP_ABOVE);
            c.jsonMapper(new JavalinJackson(Json.MAPPER, true));
            c.requestLogger.http((ctx, ms) -> {
                deps.drain().done(ctx);
                metrics.record(ctx, ms);
            });
            c.events.serverStopped(metrics::close);
            c.events.serverStopped(slow::close);
            c.jetty.modifyServer(server -> {
                // stop() lets requests in flight finish (Javalin puts a StatisticsHandler in front) for up to 30 s.
                server.setStopTimeout(30_000);
                // In place of that StatisticsHandler, one that also fails the read of a request body that
                // trickles in slower than Json.MIN_BODY_BYTES_PER_SECOND (Json.text answers 408) rather than holding a thread for ever.
                server.setHandler(new MinimumDataRateHandler(Json.MIN_BODY_BYTES_PER_SECOND, 0));
                // Once Jetty has started its connectors: their idle timeout, and the sweep of half-sent headers.
                server.addEventListener(new LifeCycle.Listener() {
                    @Override
                    public void lifeCycleStarted(LifeCycle started) {
                        slow.watch(server, config.idleTimeout(), config.headerTimeout());
                    }
                });
            });
            c.events.serverStopped(lti::close);
            // The web UI, when it is on the classpath (src/main/resources/web, the UI's own folder).
            if (App.class.getResource("/web") != null) c.staticFiles.add("/web", Location.CLASSPATH);
            routes(c.routes, deps, metrics, auth, lti, switches);
        });
    }

    private static void routes(RoutesConfig routes, Deps deps, Metrics metrics, Auth auth, LtiRoutes lti, FeatureSwitches switches) {
        Config config = deps.config();
        routes.before(ctx -> SECURITY_HEADERS.forEach(ctx::header));
        routes.before(deps.drain()::admit);
        // HEAD has no routes of its own; answered for an /api path it would skip the token check.
        routes.before("/api/*", ctx -> {
            if (ctx.method().equals(HandlerType.HEAD)) throw new ApiError(405, "method_not_allowed", "HEAD is not answered under /api; use GET", null);
        });
        routes.beforeMatched(auth::check);
        Errors.register(routes);
        OpsRoutes.register(routes, deps.store(), deps.catalog(), metrics, config.publicMetrics(), config.minFreeDisk());
        CourseRoutes.register(routes, deps, auth);
        AssignmentRoutes.register(routes, deps);
        AccommodationRoutes.register(routes, deps);
        SubmissionRoutes.register(routes, deps);
        GradebookRoutes.register(routes, deps);
        ManualRoutes.register(routes, deps);
        lti.routes(routes);
        switches.routes(routes);
        PreviewRoutes.register(routes, deps.catalog(), deps.gate(), ctx -> switches.require(ctx, FeatureSwitches.DRAFT_CHECKS));
        AuthoringRoutes.register(routes, deps.catalog(), deps.gate(), ctx -> switches.require(ctx, FeatureSwitches.DRAFT_CHECKS));
        // Anyone may run programs, signed in or not (issue 7), each within the playground's limits, unless switched off.
        new PlaygroundApi(new Playground(Playground.LIMITS, Playground.MAX_STEPS), deps.gate(), ctx -> switches.require(ctx, FeatureSwitches.PLAYGROUND))
                .routes(routes, Role.ANYONE);
    }
}
