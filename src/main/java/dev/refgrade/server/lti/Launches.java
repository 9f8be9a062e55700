package dev.refgrade.server.lti;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.refgrade.server.ApiError;
import dev.refgrade.store.Lti.Platform;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.MalformedURLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies a launch's id_token (IMS Security Framework 5.1.3): RS256 signature by a key of the
 * platform's JWKS, iss the platform, aud our client id (azp too when there are several), exp and
 * iat, the nonce of the login this launch finishes, and a deployment the admin registered.
 */
final class Launches {
    /** nimbus's default is 500 ms, less than a busy LMS takes to answer. */
    private static final int TIMEOUT_MS = 5_000;
    private final Map<String, JWKSource<SecurityContext>> keySets = new ConcurrentHashMap<>();

    /** The verified claims; anything else is a 401 that names what was wrong and stores nothing. */
    Map<String, Object> verify(Platform platform, String idToken, String nonce) {
        if (idToken == null || idToken.isBlank()) throw refused("the launch has no id_token");
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys(platform)));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(platform.clientId(),
                new JWTClaimsSet.Builder().issuer(platform.issuer()).claim("nonce", nonce).build(),
                Set.of("sub", "exp", "iat", Claims.DEPLOYMENT_ID, Claims.MESSAGE_TYPE)));
        JWTClaimsSet claims;
        try {
            claims = processor.process(idToken, null);
        } catch (BadJWTException e) {
            throw refused("the id_token's claims were refused: " + e.getMessage());
        } catch (BadJOSEException e) {
            throw refused("the id_token's signature was refused: " + e.getMessage());
        } catch (java.text.ParseException e) {
            throw refused("the id_token is not a JWT: " + e.getMessage());
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new ApiError(502, "lti_platform_unreachable", "cannot read the platform's keys: " + e.getMessage(), null);
        }
        List<String> audience = claims.getAudience();
        if (audience.size() > 1 && !platform.clientId().equals(claims.getClaim("azp"))) {
            throw refused("the id_token has several audiences and its azp is not this tool's client id");
        }
        Map<String, Object> out = claims.getClaims();
        String deployment = Claims.string(out, Claims.DEPLOYMENT_ID);
        if (!platform.deploymentIds().contains(deployment)) throw refused("deployment '" + deployment + "' is not registered for this platform");
        if (!"1.3.0".equals(Claims.string(out, Claims.VERSION))) throw refused("the launch is not LTI version 1.3.0");
        return out;
    }

    /** One cached key set per platform: nimbus refetches it when a token names a key it has not seen (rotation). */
    private JWKSource<SecurityContext> keys(Platform p) {
        return keySets.computeIfAbsent(p.id() + '\n' + p.jwksUrl(), k -> {
            try {
                return JWKSourceBuilder.<SecurityContext>create(new URI(p.jwksUrl()).toURL(),
                        new DefaultResourceRetriever(TIMEOUT_MS, TIMEOUT_MS, 512 * 1024)).retrying(true).build();
            } catch (URISyntaxException | MalformedURLException | IllegalArgumentException e) {
                throw new ApiError(500, "lti_misconfigured", "the platform's JWKS URL is not a URL: " + p.jwksUrl(), null);
            }
        });
    }

    static ApiError refused(String why) {
        return new ApiError(401, "lti_refused", why, null);
    }
}
