package dev.refgrade.server.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket per key (a bearer token, or the address of a client without a known token):
 * {@code perSecond} requests a second on average, bursts up to {@code burst}. One client looping on
 * a route cannot starve a class submitting at the deadline.
 */
public final class RateLimiter {
    /** Past this many buckets, those idle long enough to be full again are dropped (at most once a second). */
    private static final int SWEEP_ABOVE = 10_000;

    private final double perSecond;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong(System.nanoTime());

    /** {@code perSecond} 0 turns the limit off. */
    public RateLimiter(double perSecond, double burst) {
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** 0 when the request may go ahead, else the whole seconds to wait before the next one will. */
    public long acquire(String key) {
        if (perSecond <= 0) return 0;
        long now = System.nanoTime();
        if (buckets.size() > SWEEP_ABOVE) sweep(now);
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, now)).take(perSecond, burst, now);
    }

    /**
     * A full bucket is the same as none, so dropping one loses nothing; without this, clients
     * spraying addresses (IPv6 gives each a great many) would grow the map for as long as the server runs.
     */
    private void sweep(long now) {
        long last = lastSweep.get();
        if (now - last < 1_000_000_000L || !lastSweep.compareAndSet(last, now)) return;
        long refill = (long) (burst / perSecond * 1e9);
        buckets.values().removeIf(b -> b.idleSince(now, refill));
    }

    private static final class Bucket {
        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        synchronized long take(double perSecond, double burst, long now) {
            tokens = Math.min(burst, tokens + (now - at) / 1e9 * perSecond);
            at = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perSecond);
        }

        synchronized boolean idleSince(long now, long refill) {
            return now - at >= refill;
        }
    }
}
