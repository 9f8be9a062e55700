package dev.refgrade.server.playground;

import dev.refgrade.server.ApiError;
import dev.refgrade.server.Json;
import dev.refgrade.server.SimulatorGate;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.function.Consumer;

/**
 * {@code POST /api/playground/run {code}} -> {@link Playground.Result}. Runs pass the server's
 * {@link SimulatorGate}, so a classroom pressing Run at once queues for a moment instead of starving the graders.
 */
public final class PlaygroundApi {
    static final int MAX_CODE_CHARS = 20_000;

    private final Playground playground;
    private final SimulatorGate gate;
    /** Refuses a caller for whom the playground is switched off (an exam); throws, or lets the run go ahead. */
    private final Consumer<Context> admit;

    public PlaygroundApi(Playground playground, SimulatorGate gate) {
        this(playground, gate, ctx -> {});
    }

    public PlaygroundApi(Playground playground, SimulatorGate gate, Consumer<Context> admit) {
        this.playground = playground;
        this.gate = gate;
        this.admit = admit;
    }

    record Request(String code) {}

    /** Registers the route; {@code roles} are who may call it, as the app's access check reads them. */
    public void routes(RoutesConfig routes, RouteRole... roles) {
        routes.post("/api/playground/run", this::run, roles);
    }

    private void run(Context ctx) throws Exception {
        admit.accept(ctx);
        Request req = Json.body(ctx, Request.class); // the one reader that bounds every body, chunked or not
        if (req.code() == null) throw ApiError.invalid("code", "\"code\" must be the program's text");
        if (req.code().length() > MAX_CODE_CHARS) {
            throw new ApiError(413, "too_large", "a playground program has at most " + MAX_CODE_CHARS + " characters", "code");
        }
        byte[] json = gate.run(() -> playground.json(req.code()));
        ctx.contentType("application/json").result(json);
    }
}
