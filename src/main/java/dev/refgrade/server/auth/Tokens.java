package dev.refgrade.server.auth;

import dev.refgrade.exercise.Digest;
import java.security.SecureRandom;
import java.util.Base64;

/** Bearer tokens: 32 random bytes, base64url. The server keeps only their SHA-256. */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    public static String mint() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static String hash(String token) {
        return Digest.sha256(token);
    }
}
