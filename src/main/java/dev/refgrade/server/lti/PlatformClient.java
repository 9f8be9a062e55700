package dev.refgrade.server.lti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.refgrade.server.Json;
import dev.refgrade.store.Lti.Platform;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tool calling the platform: OAuth 2 client credentials with a signed JWT assertion (IMS
 * Security Framework 4.1), then Assignment and Grade Services 2.0 and Names and Role Provisioning 2.0.
 * Every failure is a {@link Failed}, which the score outbox retries.
 */
final class PlatformClient {
    static final class Failed extends Exception {
        Failed(String message) {
            super(message);
        }
    }

    private record Token(String value, Instant expires) {}

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String LINE_ITEM = "application/vnd.ims.lis.v2.lineitem+json";
    private static final String LINE_ITEMS = "application/vnd.ims.lis.v2.lineitemcontainer+json";
    private static final String SCORE = "application/vnd.ims.lis.v1.score+json";
    private static final String MEMBERSHIPS = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ToolKeys keys;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    PlatformClient(ToolKeys keys) {
        this.keys = keys;
    }

    /** An access token for {@code scopes}, reused until a minute before it expires. */
    String token(Platform p, List<String> scopes) throws Failed {
        String key = p.id() + ' ' + String.join(" ", scopes);
        Token known = tokens.get(key);
        if (known != null && Instant.now().isBefore(known.expires())) return known.value();
        Instant now = Instant.now();
        String assertion = keys.sign(new JWTClaimsSet.Builder().issuer(p.clientId()).subject(p.clientId()).audience(p.tokenUrl())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).jwtID(UUID.randomUUID().toString()).build());
        String form = form(Map.of("grant_type", "client_credentials",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", assertion, "scope", String.join(" ", scopes)));
        JsonNode answer = send(HttpRequest.newBuilder(uri(p.tokenUrl())).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(form)), "token").body();
        String value = answer.path("access_token").asText(null);
        if (value == null) throw new Failed("the token endpoint gave no access_token");
        long seconds = answer.path("expires_in").asLong(3600);
        tokens.put(key, new Token(value, now.plusSeconds(Math.max(0, seconds - 60))));
        return value;
    }

    /** The line item of the assignment: the one the platform has for its resource id, else a new one. */
    String lineItem(Platform p, String lineItems, String assignment, String label, double max) throws Failed {
        String token = token(p, List.of(Claims.SCOPE_LINE_ITEM, Claims.SCOPE_SCORE));
        JsonNode found = send(HttpRequest.newBuilder(uri(withQuery(lineItems, "resource_id=" + enc(assignment))))
                .header("Authorization", "Bearer " + token).header("Accept", LINE_ITEMS).GET(), "line items").body();
        for (JsonNode item : found) if (assignment.equals(item.path("resourceId").asText())) return item.path("id").asText();
        ObjectNode item = Json.MAPPER.createObjectNode().put("scoreMaximum", max).put("label", label).put("resourceId", assignment);
        JsonNode made = send(HttpRequest.newBuilder(uri(lineItems)).header("Authorization", "Bearer " + token)
                .header("Content-Type", LINE_ITEM).header("Accept", LINE_ITEM)
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(item))), "new line item").body();
        String id = made.path("id").asText(null);
        if (id == null) throw new Failed("the platform made a line item without an id");
        return id;
    }

    /** Posts a score (AGS 2.0 score publish service): FullyGraded, as refgrade grades on submission. */
    void score(Platform p, String lineItem, String userId, double given, double max, Instant at) throws Failed {
        String token = token(p, List.of(Claims.SCOPE_LINE_ITEM, Claims.SCOPE_SCORE));
        ObjectNode score = Json.MAPPER.createObjectNode().put("userId", userId).put("scoreGiven", given).put("scoreMaximum", max)
                .put("activityProgress", "Completed").put("gradingProgress", "FullyGraded").put("timestamp", at.toString());
        send(HttpRequest.newBuilder(uri(scoresUrl(lineItem))).header("Authorization", "Bearer " + token).header("Content-Type", SCORE)
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(score))), "score");
    }

    /** Every member of the context, following the platform's `Link: <…>; rel="next"` pages. */
    List<JsonNode> members(Platform p, String membershipsUrl) throws Failed {
        String token = token(p, List.of(Claims.SCOPE_MEMBERSHIP));
        List<JsonNode> out = new ArrayList<>();
        String next = membershipsUrl;
        for (int page = 0; next != null && page < 1000; page++) {
            Answer a = send(HttpRequest.newBuilder(uri(next)).header("Authorization", "Bearer " + token).header("Accept", MEMBERSHIPS).GET(),
                    "memberships");
            a.body().path("members").forEach(out::add);
            next = a.next().orElse(null);
        }
        return out;
    }

    private record Answer(JsonNode body, Optional<String> next) {}

    private Answer send(HttpRequest.Builder request, String what) throws Failed {
        HttpResponse<String> r;
        try {
            r = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Failed(what + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed(what + ": interrupted");
        }
        if (r.statusCode() / 100 != 2) throw new Failed(what + ": the platform answered " + r.statusCode());
        Optional<String> next = r.headers().allValues("Link").stream().map(NEXT::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst();
        try {
            return new Answer(r.body().isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(r.body()), next);
        } catch (IOException e) {
            throw new Failed(what + ": the platform's answer is not JSON");
        }
    }

    /** The scores endpoint is the line item's URL with /scores added to its path, before any query (AGS 2.0 §3.4). */
    static String scoresUrl(String lineItem) {
        int q = lineItem.indexOf('?');
        return q < 0 ? lineItem + "/scores" : lineItem.substring(0, q) + "/scores" + lineItem.substring(q);
    }

    private static String withQuery(String url, String query) {
        return url + (url.contains("?") ? "&" : "?") + query;
    }

    private static URI uri(String url) throws Failed {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new Failed("not a URL: " + url);
        }
    }

    static String form(Map<String, String> fields) {
        return String.join("&", fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).toList());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
