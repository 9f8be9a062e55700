package dev.refgrade.server;

import dev.refgrade.server.auth.Auth;
import dev.refgrade.server.auth.RateLimiter;
import dev.refgrade.server.auth.Role;
import dev.refgrade.server.auth.Tokens;
import dev.refgrade.server.courses.AccommodationRoutes;
import dev.refgrade.server.courses.AssignmentRoutes;
import dev.refgrade.server.courses.CourseRoutes;
import dev.refgrade.server.gradebook.GradebookRoutes;
import dev.refgrade.server.ops.Metrics;
import dev.refgrade.server.ops.OpsRoutes;
import dev.refgrade.server.playground.Playground;
import dev.refgrade.server.playground.PlaygroundApi;
import dev.refgrade.server.preview.PreviewRoutes;
import dev.refgrade.server.submissions.SubmissionRoutes;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;

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

    public static Javalin create(Deps deps) {
        Config config = deps.config();
        if (config.adminToken() != null) deps.store().people().ensureAdmin(Tokens.hash(config.adminToken()), deps.clock().instant());
        Metrics metrics = new Metrics(deps.store(), deps.catalog());
        Auth auth = new Auth(deps.store(), new RateLimiter(config.ratePerSecond(), config.rateBurst()));
        Javalin app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.useVirtualThreads = true; // a submission waits for its group commit without holding a thread
            c.http.maxRequestSize = config.maxBody();
            c.appData(Json.MAX_BODY, config.maxBody());
            c.http.customCompression(gzipAbove(GZIP_ABOVE));
            c.jsonMapper(new JavalinJackson(Json.MAPPER, true));
            c.requestLogger.http((ctx, ms) -> {
                deps.drain().done(ctx);
                metrics.record(ctx, ms);
            });
            c.events.serverStopped(metrics::close);
            // stop() lets requests in flight finish (Javalin puts a StatisticsHandler in front) for up to 30 s.
            c.jetty.modifyServer(s -> s.setStopTimeout(30_000));
            // The web UI, when it is on the classpath (src/main/resources/web, the UI's own folder).
            if (App.class.getResource("/web") != null) c.staticFiles.add("/web", Location.CLASSPATH);
        });
        app.before(deps.drain()::admit);
        app.beforeMatched(auth::check);
        Errors.register(app);
        OpsRoutes.register(app, deps.store(), deps.catalog(), metrics);
        CourseRoutes.register(app, deps);
        AssignmentRoutes.register(app, deps);
        AccommodationRoutes.register(app, deps);
        SubmissionRoutes.register(app, deps);
        GradebookRoutes.register(app, deps);
        PreviewRoutes.register(app, deps.catalog(), deps.gate());
        // Anyone may run programs, signed in or not (issue 7), each within the playground's limits.
        new PlaygroundApi(new Playground(Playground.LIMITS, Playground.MAX_STEPS), deps.gate()).routes(app, Role.ANYONE);
        return app;
    }
}
