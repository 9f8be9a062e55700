package dev.refgrade.server.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.refgrade.store.Lti;
import dev.refgrade.store.Lti.Key;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The tool's RS256 keys, kept in the database so every server instance signs with the same one and
 * a restart changes nothing. {@link #rotate} makes a new signing key; the previous one stays in the
 * published set for {@link #GRACE}, the longest a platform caches a key set in practice, then goes.
 */
final class ToolKeys {
    static final Duration GRACE = Duration.ofDays(2);
    private final Lti store;
    private final Clock clock;
    private static final long REREAD_NANOS = 60_000_000_000L;
    private volatile RSAKey signing;
    private volatile long readAt;

    ToolKeys(Lti store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * The signing key: the newest unretired one, made on first use when there is none. Read again
     * each minute, so a rotation by another server instance reaches this one long before the grace ends.
     */
    RSAKey signing() {
        RSAKey k = signing;
        if (k != null && System.nanoTime() - readAt < REREAD_NANOS) return k;
        synchronized (this) {
            Key current = store.keys().stream().filter(key -> key.retiredAt() == null).findFirst().orElse(null);
            signing = current != null ? parse(current.jwk()) : rotate();
            readAt = System.nanoTime();
            return signing;
        }
    }

    /** A new signing key; returns it. */
    synchronized RSAKey rotate() {
        Instant now = clock.instant();
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
            store.rotate(new Key(key.getKeyID(), key.toJSONString(), now, null));
            store.dropKeysRetiredBefore(now.minus(GRACE));
            signing = key;
            readAt = System.nanoTime();
            return key;
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make an RSA key", e);
        }
    }

    /** The public halves of the signing key and of the keys retired within the grace period, as /lti/jwks serves them. */
    Map<String, Object> publicSet() {
        signing();
        Instant since = clock.instant().minus(GRACE);
        List<JWK> keys = store.keys().stream().filter(k -> k.retiredAt() == null || k.retiredAt().isAfter(since))
                .map(k -> (JWK) parse(k.jwk()).toPublicJWK()).toList();
        return new JWKSet(keys).toJSONObject(true);
    }

    /** {@code claims} signed with the signing key, its kid in the header so the platform can pick the key. */
    String sign(JWTClaimsSet claims) {
        RSAKey key = signing();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with key " + key.getKeyID(), e);
        }
        return jwt.serialize();
    }

    private static RSAKey parse(String json) {
        try {
            return RSAKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("a stored LTI key is not a JWK: " + e.getMessage(), e);
        }
    }
}
