package dev.refgrade.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every failure leaves the server as {@code {error, detail[, field]}} with the status of docs/API.md. */
public final class Errors {
    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

    private Errors() {}

    /** Public for tests that serve one feature's routes on a bare Javalin, with the app's error shape. */
    public static void register(RoutesConfig routes) {
        routes.exception(ApiError.class, (e, ctx) -> send(ctx, e));
        routes.exception(JsonProcessingException.class, (e, ctx) -> send(ctx, Json.error(e)));
        // Javalin's own refusals: the body limit (413), a path it does not have (404), a bad method.
        routes.exception(HttpResponseException.class, (e, ctx) -> send(ctx, switch (e.getStatus()) {
            case 413 -> new ApiError(413, "too_large", "the body is larger than the server takes", null);
            case 404 -> ApiError.notFound();
            default -> new ApiError(e.getStatus(), "bad_request", e.getMessage(), null);
        }));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            send(ctx, new ApiError(500, "internal", "the server failed; the request changed nothing", null));
        });
        // A path no route or static file has; the JSON 404s the routes send themselves stay as they are.
        routes.error(404, ctx -> {
            String type = ctx.res().getContentType();
            if (type == null || !type.startsWith("application/json")) send(ctx, ApiError.notFound());
        });
    }

    static void send(Context ctx, ApiError e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.error());
        body.put("detail", e.getMessage());
        if (e.field() != null) body.put("field", e.field());
        if (e.retryAfter() > 0) ctx.header("Retry-After", Long.toString(e.retryAfter()));
        Json.discardUnread(ctx, e.status());
        ctx.status(e.status()).json(body);
    }
}
