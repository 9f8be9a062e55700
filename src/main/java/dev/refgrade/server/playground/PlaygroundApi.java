package dev.refgrade.server.playground;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.security.RouteRole;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /api/playground/run {code}} -> {@link Playground.Result}. Runs take a permit, so a
 * classroom pressing Run at once queues for a moment instead of starving the graders.
 */
public final class PlaygroundApi {
    static final int MAX_CODE_CHARS = 20_000;

    private final Playground playground;
    private final Semaphore running;

    public PlaygroundApi(Playground playground, int concurrentRuns) {
        this.playground = playground;
        this.running = new Semaphore(concurrentRuns);
    }

    record Request(String code) {}

    /** Registers the route; {@code roles} are who may call it, as the app's access check reads them. */
    public void routes(Javalin app, RouteRole... roles) {
        app.post("/api/playground/run", this::run, roles);
    }

    private void run(Context ctx) throws InterruptedException {
        Request req;
        try {
            req = ctx.bodyAsClass(Request.class);
        } catch (Exception e) { // Jackson's parse errors arrive unchecked through Kotlin code, yet are IOExceptions
            error(ctx, HttpStatus.BAD_REQUEST, "malformed_json", "the body must be JSON {\"code\": \"...\"}", null);
            return;
        }
        if (req == null || req.code() == null) {
            error(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "invalid", "\"code\" must be the program's text", "code");
        } else if (req.code().length() > MAX_CODE_CHARS) {
            error(ctx, HttpStatus.CONTENT_TOO_LARGE, "too_large", "a playground program has at most " + MAX_CODE_CHARS + " characters", "code");
        } else if (!running.tryAcquire(10, TimeUnit.SECONDS)) {
            error(ctx, HttpStatus.SERVICE_UNAVAILABLE, "busy", "too many programs are running; try again in a moment", null);
        } else {
            try {
                ctx.json(playground.run(req.code()));
            } finally {
                running.release();
            }
        }
    }

    /** The server's error shape (docs/API.md): {error, detail} and {@code field} when one field is at fault. */
    private static void error(Context ctx, HttpStatus status, String error, String detail, String field) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("detail", detail);
        if (field != null) body.put("field", field);
        ctx.status(status).json(body);
    }
}
