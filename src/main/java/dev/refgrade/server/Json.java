package dev.refgrade.server;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;

/** Reading request bodies strictly: malformed JSON is a 400, a field of the wrong shape a 422 naming it. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {}

    public static <T> T body(Context ctx, Class<T> type) throws JsonProcessingException {
        String body = ctx.body();
        if (body.isBlank()) throw new ApiError(400, "malformed_json", "the request needs a JSON body", null);
        // Parse first, map second: a syntax error anywhere is a 400, a wrong shape a 422.
        JsonNode tree = MAPPER.readTree(body);
        return type == JsonNode.class ? type.cast(tree) : MAPPER.treeToValue(tree, type);
    }

    public static JsonNode tree(Context ctx) throws JsonProcessingException {
        return body(ctx, JsonNode.class);
    }

    public static String write(Object o) {
        try {
            return MAPPER.writeValueAsString(o);
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

    /** A parse failure says where (400); a mapping failure says which field (422). */
    static ApiError error(JsonProcessingException e) {
        if (e instanceof JsonMappingException m) {
            String field = path(m);
            String what = e instanceof UnrecognizedPropertyException u ? "unknown field '" + u.getPropertyName() + "'"
                    : field == null ? "the body has the wrong shape" : field + " has the wrong type or is missing";
            return new ApiError(422, "invalid", what + ": " + e.getOriginalMessage(), field);
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String why = e.getOriginalMessage().replaceAll(" ?\\(?(start marker at )?\\[Source: [^\\]]*\\]\\)?", "");
        return new ApiError(400, "malformed_json", "the body is not valid JSON" + where + ": " + why, null);
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
