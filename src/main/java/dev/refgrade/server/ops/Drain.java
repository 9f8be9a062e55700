package dev.refgrade.server.ops;

import dev.refgrade.server.ApiError;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stopping without a stored submission left unanswered. Jetty's own graceful stop waits for the
 * requests running when it starts, but a keep-alive connection can still bring a new one in the
 * moment before its connector closes, and that one may be stored and never answered. So the server
 * first refuses new requests (503 {@code shutting_down}, which changes nothing and which a client
 * retries elsewhere), waits for those it admitted to be answered, and only then stops Jetty.
 */
public final class Drain {
    private static final String ADMITTED = "refgrade.admitted";
    private final AtomicInteger admitted = new AtomicInteger();
    private volatile boolean draining;

    /** Before every request. Counted first, then checked, so {@link #drain} sees every request that gets past here. */
    public void admit(Context ctx) {
        admitted.incrementAndGet();
        if (draining) {
            admitted.decrementAndGet();
            throw ApiError.retryAfter(503, "shutting_down", "the server is stopping; send the request again", 1);
        }
        ctx.attribute(ADMITTED, true);
    }

    /** After every request, once its answer is written. */
    public void done(Context ctx) {
        if (ctx.attribute(ADMITTED) != null) admitted.decrementAndGet();
    }

    /** Refuses what comes from now on and waits, up to {@code max}, for the requests already admitted. */
    public void drain(Duration max) throws InterruptedException {
        draining = true;
        long until = System.nanoTime() + max.toNanos();
        while (admitted.get() > 0 && System.nanoTime() < until) Thread.sleep(5);
    }
}
