package dev.refgrade.server;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The simulator work a request starts on its own (a playground run, an instructor's draft check)
 * takes a permit here first, so a few callers cannot occupy every core while students submit. A
 * request waits its turn for a while, in order, then is refused with 503 {@code busy}.
 */
public final class SimulatorGate {
    /** A playground run stops within 5 s, so by then a permit has most likely come free. */
    private static final long RETRY_AFTER_SECONDS = 5;

    private final Semaphore permits;
    private final Duration wait;

    public SimulatorGate(int permits, Duration wait) {
        this.permits = new Semaphore(permits, true);
        this.wait = wait;
    }

    /** Half the processors, at least one: the other half stays for grading submissions and the database. */
    public static SimulatorGate forThisMachine() {
        return new SimulatorGate(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), Duration.ofSeconds(10));
    }

    /** {@code work}'s result, computed holding a permit; {@link ApiError} 503 busy when none came free in time. */
    public <T> T run(Callable<T> work) throws Exception {
        if (!permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            throw ApiError.retryAfter(503, "busy", "the server is running as many programs as it can at once; try again in a moment",
                    RETRY_AFTER_SECONDS);
        }
        try {
            return work.call();
        } finally {
            permits.release();
        }
    }
}
