package dev.refgrade.server.ops;

import dev.refgrade.server.Catalog;
import dev.refgrade.store.Store;
import io.javalin.Javalin;
import java.util.LinkedHashMap;
import java.util.Map;

/** /health and /metrics: public, for load balancers and Prometheus. */
public final class OpsRoutes {
    private OpsRoutes() {}

    public static void register(Javalin app, Store store, Catalog catalog, Metrics metrics) {
        app.get("/health", ctx -> {
            boolean db = store.healthy();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", db ? "ok" : "unavailable");
            body.put("database", db ? "ok" : "unavailable");
            body.put("exercises", catalog.snapshot().exercises().size());
            body.put("invalid", catalog.snapshot().invalid().size());
            ctx.status(db ? 200 : 503).json(body);
        });
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.render()));
    }
}
