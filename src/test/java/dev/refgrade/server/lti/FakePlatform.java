package dev.refgrade.server.lti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * An LMS for the tests, on 127.0.0.1: its own RSA key and key set, an OAuth token endpoint that
 * checks the tool's signed assertion against the tool's published key set, AGS line items and
 * scores, and an NRPS roster of two pages. {@code down} makes the grade and roster services answer 503.
 */
final class FakePlatform implements AutoCloseable {
    static final String CLIENT_ID = "refgrade-client";
    static final String DEPLOYMENT = "deployment-1";
    static final ObjectMapper JSON = new ObjectMapper();

    final RSAKey key;
    final HttpServer http;
    final String url;
    final String issuer;
    final List<JsonNode> scores = new CopyOnWriteArrayList<>();
    final List<ObjectNode> lineItems = new CopyOnWriteArrayList<>();
    final List<String> grantedScopes = new CopyOnWriteArrayList<>();
    volatile boolean down;
    private final String toolJwks;

    FakePlatform(String toolUrl) throws IOException, JOSEException {
        this.key = new RSAKeyGenerator(2048).keyID("platform-key").generate();
        this.toolJwks = toolUrl + "/lti/jwks";
        this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.url = "http://127.0.0.1:" + http.getAddress().getPort();
        this.issuer = url; // an issuer is any https or http URL the platform names itself by
        http.createContext("/jwks", x -> send(x, 200, new JWKSet(key.toPublicJWK()).toString()));
        http.createContext("/token", this::token);
        http.createContext("/lineitems", this::lineItems);
        http.createContext("/memberships", this::memberships);
        http.start();
    }

    /** The registration the admin posts for this platform. */
    Map<String, Object> registration(String id) {
        return Map.of("id", id, "issuer", issuer, "clientId", CLIENT_ID, "authLoginUrl", url + "/auth", "tokenUrl", url + "/token",
                "jwksUrl", url + "/jwks", "deploymentIds", List.of(DEPLOYMENT));
    }

    /** {@code claims} signed by {@code signer} under this platform's key id. */
    String sign(JWTClaimsSet claims, RSAKey signer) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }

    /** Client credentials granted only to an assertion the tool signed (checked against the tool's key set) for this token URL. */
    private void token(HttpExchange x) throws IOException {
        Map<String, String> form = form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        try {
            DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
            p.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, JWKSourceBuilder.create(URI.create(toolJwks).toURL()).build()));
            p.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(url + "/token",
                    new JWTClaimsSet.Builder().issuer(CLIENT_ID).subject(CLIENT_ID).build(), Set.of("exp", "iat", "jti")));
            p.process(form.get("client_assertion"), null);
        } catch (Exception e) {
            send(x, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        grantedScopes.add(form.get("scope"));
        send(x, 200, "{\"access_token\":\"platform-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    }

    private void lineItems(HttpExchange x) throws IOException {
        if (refuse(x)) return;
        String path = x.getRequestURI().getPath();
        if (path.endsWith("/scores")) {
            scores.add(JSON.readTree(x.getRequestBody()).deepCopy());
            send(x, 200, "{}");
        } else if (x.getRequestMethod().equals("POST")) {
            ObjectNode item = (ObjectNode) JSON.readTree(x.getRequestBody());
            item.put("id", url + "/lineitems/" + (lineItems.size() + 1));
            lineItems.add(item);
            send(x, 201, item.toString());
        } else {
            String resource = form(String.valueOf(x.getRequestURI().getRawQuery())).get("resource_id");
            ArrayNode out = JSON.createArrayNode();
            lineItems.stream().filter(i -> resource == null || resource.equals(i.path("resourceId").asText())).forEach(out::add);
            send(x, 200, out.toString());
        }
    }

    /** Two pages: the instructor and a learner, then a second learner behind a Link: rel="next". */
    private void memberships(HttpExchange x) throws IOException {
        if (refuse(x)) return;
        boolean second = "page=2".equals(x.getRequestURI().getRawQuery());
        String members = second
                ? "{\"user_id\":\"learner-2\",\"name\":\"Ada Two\",\"roles\":[\"http://purl.imsglobal.org/vocab/lis/v2/membership#Learner\"]}"
                : "{\"user_id\":\"teacher-1\",\"name\":\"Grace\",\"roles\":[\"http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor\"]},"
                + "{\"user_id\":\"learner-1\",\"name\":\"Ada One\",\"roles\":[\"http://purl.imsglobal.org/vocab/lis/v2/membership#Learner\"]}";
        if (!second) x.getResponseHeaders().add("Link", "<" + url + "/memberships?page=2>; rel=\"next\"");
        send(x, 200, "{\"id\":\"" + url + "/memberships\",\"context\":{\"id\":\"ctx\"},\"members\":[" + members + "]}");
    }

    private boolean refuse(HttpExchange x) throws IOException {
        if (down) {
            send(x, 503, "{}");
            return true;
        }
        if (!"Bearer platform-token".equals(x.getRequestHeaders().getFirst("Authorization"))) {
            send(x, 401, "{}");
            return true;
        }
        return false;
    }

    static Map<String, String> form(String s) {
        return s == null || s.isEmpty() || s.equals("null") ? Map.of() : java.util.Arrays.stream(s.split("&")).map(kv -> kv.split("=", 2))
                .collect(Collectors.toMap(kv -> URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv -> kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "", (a, b) -> a));
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
        x.close();
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
