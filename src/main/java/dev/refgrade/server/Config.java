package dev.refgrade.server;

import java.time.Duration;

/**
 * How a server instance runs: its address and port (0 picks a free one), the largest request body
 * it reads, the per-token rate limit (0 turns it off), the admin instructor's token (null: none),
 * whether /metrics answers anyone, how many submissions a student may make a minute (0: no limit),
 * how long a connection may sit idle, how long a client may take to send a request's headers, and the
 * free disk space below which /health reports the database's disk as full (SQLite).
 */
public record Config(String host, int port, long maxBody, double ratePerSecond, double rateBurst, String adminToken,
        boolean publicMetrics, double submitsPerMinute, Duration idleTimeout, Duration headerTimeout, long minFreeDisk) {
    public static Config defaults() {
        return new Config("0.0.0.0", 7070, 256 * 1024, 20, 40, null, false, 30, Duration.ofSeconds(30), Duration.ofSeconds(10), 64L << 20);
    }

    public Config withPort(int p) {
        return new Config(host, p, maxBody, ratePerSecond, rateBurst, adminToken, publicMetrics, submitsPerMinute, idleTimeout, headerTimeout, minFreeDisk);
    }

    public Config withHost(String h) {
        return new Config(h, port, maxBody, ratePerSecond, rateBurst, adminToken, publicMetrics, submitsPerMinute, idleTimeout, headerTimeout, minFreeDisk);
    }

    public Config withAdminToken(String token) {
        return new Config(host, port, maxBody, ratePerSecond, rateBurst, token, publicMetrics, submitsPerMinute, idleTimeout, headerTimeout, minFreeDisk);
    }

    /** Requests a second per token (or address) and the burst; (0, 0) also lifts the submission limit, for tests that submit in bursts. */
    public Config withRateLimit(double perSecond, double burst) {
        return new Config(host, port, maxBody, perSecond, burst, adminToken, publicMetrics, perSecond == 0 ? 0 : submitsPerMinute,
                idleTimeout, headerTimeout, minFreeDisk);
    }

    public Config withSubmitsPerMinute(double perMinute) {
        return new Config(host, port, maxBody, ratePerSecond, rateBurst, adminToken, publicMetrics, perMinute, idleTimeout, headerTimeout, minFreeDisk);
    }

    public Config withPublicMetrics(boolean open) {
        return new Config(host, port, maxBody, ratePerSecond, rateBurst, adminToken, open, submitsPerMinute, idleTimeout, headerTimeout, minFreeDisk);
    }

    public Config withTimeouts(Duration idle, Duration headers) {
        return new Config(host, port, maxBody, ratePerSecond, rateBurst, adminToken, publicMetrics, submitsPerMinute, idle, headers, minFreeDisk);
    }

    public Config withMinFreeDisk(long bytes) {
        return new Config(host, port, maxBody, ratePerSecond, rateBurst, adminToken, publicMetrics, submitsPerMinute, idleTimeout, headerTimeout, bytes);
    }
}
