package dev.refgrade.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A small HTTP client for the server tests: real requests, JSON in and out. */
public final class Api {
    public record Response(int status, String text, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return MAPPER.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + text, e);
            }
        }

        public String error() {
            return json().path("error").asText();
        }
    }

    static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http;
    private final String base;

    public Api(String base) {
        this(base, null);
    }

    /** A client whose requests come from {@code local} (any 127.x.y.z address on Linux), as if from another machine. */
    public Api(String base, java.net.InetAddress local) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        this.http = (local == null ? b : b.localAddress(local)).build();
        this.base = base;
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null, "application/json");
    }

    /** Every page of a paged listing (docs/API.md: `?offset`, `Next-Offset`), as one JSON list. */
    public JsonNode getAll(String path, String token) {
        var all = MAPPER.createArrayNode();
        String next = "0";
        while (next != null) {
            Response r = get(path + (path.contains("?") ? "&" : "?") + "offset=" + next, token);
            if (r.status() != 200) throw new IllegalStateException(path + " answered " + r.status() + ": " + r.text());
            r.json().forEach(all::add);
            next = r.raw().headers().firstValue("Next-Offset").orElse(null);
        }
        return all;
    }

    public Response post(String path, String token, Object body, String... headers) {
        return send("POST", path, token, body instanceof String s ? s : write(body), "application/json", headers);
    }

    /** A POST whose length is not said in advance: sent chunked, without Content-Length. */
    public Response postChunked(String path, String token, String body) {
        return exchange("POST", path, token, HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))), "application/json");
    }

    public Response send(String method, String path, String token, String body, String type, String... headers) {
        return exchange(method, path, token, body == null ? null : HttpRequest.BodyPublishers.ofString(body), type, headers);
    }

    private Response exchange(String method, String path, String token, HttpRequest.BodyPublisher body, String type, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        List<String> h = new ArrayList<>(List.of(headers));
        if (token != null) h.addAll(List.of("Authorization", "Bearer " + token));
        if (body != null) h.addAll(List.of("Content-Type", type));
        for (int i = 0; i < h.size(); i += 2) b.header(h.get(i), h.get(i + 1));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String write(Object o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
