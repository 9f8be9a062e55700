package dev.refgrade.server;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.javalin.config.JavalinConfig;
import io.javalin.config.Key;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.stream.Collectors;

/** Reading request bodies strictly: malformed JSON is a 400, a field of the wrong shape a 422 naming it. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static {
        // An id or a title is a JSON string: 5 or true is a mistake to report, not to turn into "5".
        MAPPER.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    /** The largest body the app reads, set by {@link #limitBodies}. */
    private static final Key<Long> MAX_BODY = new Key<>("refgrade.maxBody");
    /** A request body that comes slower than this is cut off (App puts Jetty's MinimumDataRateHandler in front); {@link #text} answers 408. */
    static final long MIN_BODY_BYTES_PER_SECOND = 1024;
    /** The most of an unread body {@link #discardUnread} reads so that a refused client sees its answer. */
    static final long DRAIN_BYTES = 4L << 20;

    private Json() {}

    /**
     * Every route reads its body through {@link #text}, at most {@code max} bytes: Javalin's own
     * limit covers a declared Content-Length, and {@link #text} a chunked body, which declares none.
     */
    public static void limitBodies(JavalinConfig c, long max) {
        c.http.maxRequestSize = max;
        c.appData(MAX_BODY, max);
    }

    /**
     * The body as text, at most the configured size: Javalin refuses a larger Content-Length itself,
     * and a chunked body (no Content-Length) is cut off here.
     */
    public static String text(Context ctx) {
        return text(ctx, Long.MAX_VALUE);
    }

    /** The same with a smaller limit, for a route whose bodies are small (a submission's answers). */
    public static String text(Context ctx, long limit) {
        long max = Math.min(limit, configured(ctx));
        if (ctx.contentLength() > max) throw tooLarge(max);
        try {
            byte[] b = ctx.bodyInputStream().readNBytes((int) max + 1);
            if (b.length > max) throw tooLarge(max);
            return new String(b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof java.util.concurrent.TimeoutException) {
                    throw new ApiError(408, "request_timeout", "the body came slower than " + MIN_BODY_BYTES_PER_SECOND
                            + " bytes a second; the request changed nothing", null);
                }
            }
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A refusal answered while the client is still sending its body (a 413 by Content-Length, a 401 or
     * 429 before the body was read) would otherwise close the connection on unread bytes; the TCP reset
     * that follows can reach the client before it has read the answer, which it then never sees. So
     * the rest of the body is read and thrown away first, as nginx's lingering close does, up to
     * {@link #DRAIN_BYTES}; a longer body gets {@code Connection: close} and no such promise.
     */
    static void discardUnread(Context ctx, int status) {
        if (status == 408) return; // the body already failed to come; reading on would wait for it again
        long declared = ctx.contentLength();
        if (declared > DRAIN_BYTES) {
            ctx.header("Connection", "close");
            return;
        }
        try {
            var in = ctx.bodyInputStream();
            byte[] sink = new byte[8192];
            long read = 0;
            for (int n; read <= DRAIN_BYTES && (n = in.read(sink)) >= 0; ) read += n;
            if (read > DRAIN_BYTES) ctx.header("Connection", "close");
        } catch (IOException | RuntimeException gone) {
            ctx.header("Connection", "close"); // the client went away or stalled: nothing left to protect
        }
    }

    private static ApiError tooLarge(long max) {
        return new ApiError(413, "too_large", "the body is larger than the " + max + " bytes the server takes", null);
    }

    /** The app's limit; an app that did not set one (a test serving one feature) gets the server's default. */
    private static long configured(Context ctx) {
        try {
            return ctx.appData(MAX_BODY);
        } catch (RuntimeException notSet) {
            return Config.defaults().maxBody();
        }
    }

    public static <T> T body(Context ctx, Class<T> type) throws JsonProcessingException {
        return body(ctx, type, Long.MAX_VALUE);
    }

    public static <T> T body(Context ctx, Class<T> type, long limit) throws JsonProcessingException {
        String body = text(ctx, limit);
        if (body.isBlank()) throw new ApiError(400, "malformed_json", "the request needs a JSON body", null);
        try {
            return MAPPER.readValue(body, type);
        } catch (JsonMappingException e) {
            MAPPER.readTree(body); // a syntax error further on is what to report: a 400 with its position
            throw e;
        }
    }

    public static String write(Object o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] bytes(Object o) {
        try {
            return MAPPER.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not parse", e);
        }
    }

    /**
     * A parse failure says where (400); a mapping failure says which field (422). A syntax error
     * inside a field read as a tree comes wrapped in a mapping failure, and is still a 400.
     */
    static ApiError error(JsonProcessingException e) {
        if (e instanceof JsonMappingException && e.getCause() instanceof StreamReadException syntax) return error(syntax);
        if (e instanceof UnrecognizedPropertyException u) {
            Collection<Object> known = u.getKnownPropertyIds();
            return new ApiError(422, "invalid", "unknown field '" + u.getPropertyName() + "'"
                    + (known == null ? "" : "; the fields are " + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "))),
                    path(u));
        }
        if (e instanceof JsonMappingException m) {
            String field = path(m);
            Class<?> target = m instanceof MismatchedInputException mi ? mi.getTargetType() : null;
            return new ApiError(422, "invalid", (field == null ? "the body" : field) + " must be " + kind(target), field);
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String why = e.getOriginalMessage().replaceAll(" ?\\(?(start marker at )?\\[Source: [^\\]]*\\]\\)?", "");
        return new ApiError(400, "malformed_json", "the body is not valid JSON" + where + ": " + why, null);
    }

    private static String kind(Class<?> type) {
        if (type == null) return "of another type";
        if (type == String.class) return "a string";
        if (type.isArray() || Collection.class.isAssignableFrom(type)) return "a list";
        if (type.isRecord() || JsonNode.class.isAssignableFrom(type)) return "an object";
        return "a " + type.getSimpleName().toLowerCase();
    }

    /** Jackson's path to the field at fault: {@code answers.q3}, {@code [2].id}. */
    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) b.append(b.isEmpty() ? "" : ".").append(r.getFieldName());
            else b.append('[').append(r.getIndex()).append(']');
        }
        return b.isEmpty() ? null : b.toString();
    }
}
