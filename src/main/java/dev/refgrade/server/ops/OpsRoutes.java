package dev.refgrade.server.ops;

import dev.refgrade.server.Catalog;
import dev.refgrade.store.Store;
import dev.refgrade.server.auth.Role;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.Map;

/** /health, public for load balancers, and /metrics for Prometheus, public only when configured so. */
public final class OpsRoutes {
    private OpsRoutes() {}

    /** {@code publicMetrics}: /metrics answers anyone; otherwise only an instructor's token (Prometheus sends it as bearer_token). */
    public static void register(Javalin app, Store store, Catalog catalog, Metrics metrics, boolean publicMetrics) {
        app.get("/health", ctx -> {
            boolean db = store.healthy();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", db ? "ok" : "unavailable");
            body.put("database", db ? "ok" : "unavailable");
            body.put("exercises", catalog.snapshot().exercises().size());
            body.put("invalid", catalog.snapshot().invalid().size());
            ctx.status(db ? 200 : 503).json(body);
        });
        Handler render = ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.render());
        if (publicMetrics) app.get("/metrics", render);
        else app.get("/metrics", render, Role.INSTRUCTOR);
    }
}
