package dev.refgrade.server;

/**
 * How a server instance runs: its port (0 picks a free one), the largest request body it reads,
 * the per-token rate limit (0 turns it off), and the admin instructor's token (null: none).
 */
public record Config(int port, long maxBody, double ratePerSecond, double rateBurst, String adminToken) {
    public static Config defaults() {
        return new Config(7070, 256 * 1024, 20, 40, null);
    }

    public Config withPort(int p) {
        return new Config(p, maxBody, ratePerSecond, rateBurst, adminToken);
    }

    public Config withAdminToken(String token) {
        return new Config(port, maxBody, ratePerSecond, rateBurst, token);
    }

    public Config withRateLimit(double perSecond, double burst) {
        return new Config(port, maxBody, perSecond, burst, adminToken);
    }
}
