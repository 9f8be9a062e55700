package dev.refgrade.server.submissions;

import java.util.concurrent.ThreadLocalRandom;
import java.time.Instant;

/**
 * Submission ids: ULIDs (48 bits of milliseconds, 80 random bits, Crockford base32), so they sort by
 * time. They are names, not secrets (every route checks who may see a submission), so the random
 * bits come from a fast generator rather than SecureRandom, whose lock every request would queue on.
 */
final class Ids {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private Ids() {}

    static String next(Instant at) {
        StringBuilder b = new StringBuilder(26);
        append(b, at.toEpochMilli(), 10);
        append(b, ThreadLocalRandom.current().nextLong(), 8); // 40 random bits
        append(b, ThreadLocalRandom.current().nextLong(), 8); // and 40 more
        return b.toString();
    }

    /** The low {@code 5 * chars} bits of {@code bits}, most significant first. */
    private static void append(StringBuilder b, long bits, int chars) {
        for (int i = chars - 1; i >= 0; i--) b.append(ALPHABET[(int) (bits >>> (5 * i)) & 31]);
    }
}
