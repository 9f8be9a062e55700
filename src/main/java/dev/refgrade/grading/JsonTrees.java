package dev.refgrade.grading;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * JSON trees read, made and written as ObjectMapper's readTree, valueToTree and toString make and
 * write them, with jackson-core's parser and generator and databind's node classes but no
 * ObjectMapper: its class initialisation sets up date formats (StdDateFormat, with calendar and
 * locale data) and its serializers, a sixth of a cold `grade`, which reads and writes no date.
 */
public final class JsonTrees {
    static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {}

    /** The value that starts at the parser's current token, read as readTree reads it; the parser is left on its last token. */
    static JsonNode read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) throw new JsonParseException(p, "No content to map due to end-of-input");
        return switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                // A repeated key keeps its last value, as readTree does by default.
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    String name = p.currentName();
                    p.nextToken();
                    o.set(name, read(p));
                }
                yield o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) a.add(read(p));
                yield a;
            }
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> NODES.numberNode(p.getIntValue());
                case LONG -> NODES.numberNode(p.getLongValue());
                default -> NODES.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new JsonParseException(p, "Unexpected token (" + t + ")");
        };
    }

    /** One JSON text, the whole of {@code text}, as readTree(String) reads it (PlainJson's when it can, for a cold start). */
    static JsonNode read(String text) throws IOException {
        try {
            return PlainJson.read(text);
        } catch (IllegalArgumentException notPlain) {
            // Jackson's, which says what is wrong and where
        }
        try (JsonParser p = FACTORY.createParser(text)) {
            p.nextToken();
            JsonNode n = read(p);
            if (p.nextToken() != null) throw new JsonParseException(p, "Trailing token (of type " + p.currentToken() + ") found after value");
            return n;
        }
    }

    /** The tree of an answer's JSON value (Answer.json: booleans, big integers, strings, lists and maps of them), as valueToTree makes it. */
    static JsonNode of(Object value) {
        return switch (value) {
            case null -> NODES.nullNode();
            case Boolean b -> NODES.booleanNode(b);
            case Integer i -> NODES.numberNode(i);
            case Long l -> NODES.numberNode(l);
            case BigInteger b -> NODES.numberNode(b);
            case Double d -> NODES.numberNode(d);
            case String s -> NODES.textNode(s);
            case List<?> list -> {
                ArrayNode a = NODES.arrayNode();
                for (Object item : list) a.add(of(item));
                yield a;
            }
            case Map<?, ?> map -> {
                ObjectNode o = NODES.objectNode();
                for (var e : map.entrySet()) o.set((String) e.getKey(), of(e.getValue()));
                yield o;
            }
            default -> throw new IllegalArgumentException("no JSON form for a " + value.getClass().getName());
        };
    }

    /** The compact JSON text of a value of maps, lists, strings, numbers and booleans, as ObjectMapper.writeValueAsString writes it. */
    public static String text(Object value) {
        return write(of(value), false);
    }

    /** The tree as toString writes it (compact), or as toPrettyString does. */
    public static String write(JsonNode n, boolean pretty) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            if (pretty) g.setPrettyPrinter(new DefaultPrettyPrinter());
            write(g, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, JsonNode n) throws IOException {
        switch (n.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (var e : n.properties()) {
                    g.writeFieldName(e.getKey());
                    write(g, e.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode item : n) write(g, item);
                g.writeEndArray();
            }
            case STRING -> g.writeString(n.textValue());
            case BOOLEAN -> g.writeBoolean(n.booleanValue());
            case NULL, MISSING -> g.writeNull();
            case NUMBER -> {
                if (n.isInt()) g.writeNumber(n.intValue());
                else if (n.isLong()) g.writeNumber(n.longValue());
                else if (n.isBigInteger()) g.writeNumber(n.bigIntegerValue());
                else if (n.isDouble()) g.writeNumber(n.doubleValue());
                else if (n.isFloat()) g.writeNumber(n.floatValue());
                else if (n.isShort()) g.writeNumber(n.shortValue());
                else g.writeNumber(n.decimalValue());
            }
            default -> throw new IllegalArgumentException("no JSON text for a " + n.getNodeType() + " node");
        }
    }
}
