package dev.refgrade.server.ops;

import dev.refgrade.server.Catalog;
import dev.refgrade.store.Store;
import dev.refgrade.server.auth.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.Map;

/** /health, public for load balancers, and /metrics for Prometheus, public only when configured so. */
public final class OpsRoutes {
    private OpsRoutes() {}

    /** {@code minFreeDisk}: below this many free bytes /health is 503 (SQLite). {@code publicMetrics}: /metrics answers anyone; otherwise only an instructor's token (Prometheus sends it as bearer_token). */
    public static void register(RoutesConfig routes, Store store, Catalog catalog, Metrics metrics, boolean publicMetrics, long minFreeDisk) {
        routes.get("/health", ctx -> {
            long free = store.freeDisk();
            boolean db = store.healthy(), disk = free < 0 || free >= minFreeDisk;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", db && disk ? "ok" : "unavailable");
            body.put("database", db ? "ok" : "unavailable");
            // Submissions are stored before they are scored: a disk that cannot take them must take this instance out of rotation.
            body.put("disk", free < 0 ? "not watched" : disk ? "ok" : "full");
            body.put("exercises", catalog.snapshot().exercises().size());
            body.put("invalid", catalog.snapshot().invalid().size());
            ctx.status(db && disk ? 200 : 503).json(body);
        });
        Handler render = ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.render());
        if (publicMetrics) routes.get("/metrics", render);
        else routes.get("/metrics", render, Role.INSTRUCTOR);
    }
}
