package dev.refgrade.server;

import dev.refgrade.server.auth.Auth;
import dev.refgrade.server.auth.RateLimiter;
import dev.refgrade.server.auth.Role;
import dev.refgrade.server.auth.Tokens;
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
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;

/** The HTTP API of docs/API.md on Javalin, built from its dependencies. */
public final class App {
    private App() {}

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
            c.http.disableCompression(); // answers are a few hundred bytes; a proxy in front compresses if it must
            c.jsonMapper(new JavalinJackson(Json.MAPPER, true));
            c.requestLogger.http(metrics::record);
            c.events.serverStopped(metrics::close);
            // stop() lets requests in flight finish (Javalin puts a StatisticsHandler in front) for up to 30 s.
            c.jetty.modifyServer(s -> s.setStopTimeout(30_000));
            // The web UI, when it is on the classpath (src/main/resources/web, the UI's own folder).
            if (App.class.getResource("/web") != null) c.staticFiles.add("/web", Location.CLASSPATH);
        });
        app.beforeMatched(auth::check);
        Errors.register(app);
        OpsRoutes.register(app, deps.store(), deps.catalog(), metrics);
        CourseRoutes.register(app, deps);
        AssignmentRoutes.register(app, deps);
        SubmissionRoutes.register(app, deps);
        GradebookRoutes.register(app, deps);
        PreviewRoutes.register(app, deps.catalog(), deps.gate());
        // Anyone may run programs, signed in or not (issue 7), each within the playground's limits.
        new PlaygroundApi(new Playground(Playground.LIMITS, Playground.MAX_STEPS), deps.gate()).routes(app, Role.ANYONE);
        return app;
    }
}
