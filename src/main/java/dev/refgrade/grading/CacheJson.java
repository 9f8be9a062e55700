package dev.refgrade.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;

/**
 * Reads back the key cache's own files (JsonTrees.write's JSON of objects, arrays, strings,
 * integers, booleans and null) into the same trees JsonTrees.read makes, without jackson-core's
 * parser: its class initialisation runs BigDecimal's, which in JDK 25 squares its way to 5^65536,
 * 25 ms of a cold `check` that otherwise recalls its key in 3. Anything else (a fraction, an
 * exponent, a torn file) is refused with IllegalArgumentException, and the cache treats it as a miss.
 */
final class CacheJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final String s;
    private int i;
    /** See nextEscape; below any i before the first search. */
    private int escapeAt = -2;

    private CacheJson(String s) {
        this.s = s;
    }

    static JsonNode read(String text) {
        CacheJson r = new CacheJson(text);
        JsonNode n = r.value();
        r.space();
        if (r.i != text.length()) throw r.refused("text after the value");
        return n;
    }

    private JsonNode value() {
        space();
        if (i >= s.length()) throw refused("the end of the text");
        char c = s.charAt(i);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> NODES.textNode(string());
            case 't' -> word("true", NODES.booleanNode(true));
            case 'f' -> word("false", NODES.booleanNode(false));
            case 'n' -> word("null", NODES.nullNode());
            default -> {
                if (c == '-' || c >= '0' && c <= '9') yield integer();
                throw refused("'" + c + "'");
            }
        };
    }

    private ObjectNode object() {
        ObjectNode o = NODES.objectNode();
        i++;
        space();
        if (peek() == '}') {
            i++;
            return o;
        }
        while (true) {
            space();
            if (peek() != '"') throw refused("a key that is not a string");
            String key = string();
            space();
            expect(':');
            o.set(key, value());
            space();
            if (peek() == ',') {
                i++;
            } else {
                expect('}');
                return o;
            }
        }
    }

    private ArrayNode array() {
        ArrayNode a = NODES.arrayNode();
        i++;
        space();
        if (peek() == ']') {
            i++;
            return a;
        }
        while (true) {
            a.add(value());
            space();
            if (peek() == ',') {
                i++;
            } else {
                expect(']');
                return a;
            }
        }
    }

    /**
     * A string, its unescaped runs found by String.indexOf: read a character at a time, an exercise's
     * text in the file took the interpreter of a cold start most of a recalled check's reading.
     */
    private String string() {
        StringBuilder b = new StringBuilder();
        i++;
        while (true) {
            int quote = s.indexOf('"', i), escape = nextEscape();
            if (quote < 0) throw refused("an unterminated string");
            if (escape < 0 || escape > quote) {
                b.append(s, i, quote);
                i = quote + 1;
                return b.toString();
            }
            b.append(s, i, escape);
            i = escape + 1;
            if (i >= s.length()) throw refused("an unterminated escape");
            char e = s.charAt(i++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (i + 4 > s.length()) throw refused("a short \\u escape");
                    b.append((char) Integer.parseInt(s, i, i + 4, 16));
                    i += 4;
                }
                default -> throw refused("the escape \\" + e);
            }
        }
    }

    /** The first backslash at or after i, or -1: each found once, however many strings end before it. */
    private int nextEscape() {
        if (escapeAt != -1 && escapeAt < i) escapeAt = s.indexOf('\\', i);
        return escapeAt;
    }

    /** As JsonTrees.read types integers: int, then long, then BigInteger. */
    private JsonNode integer() {
        int start = i;
        if (peek() == '-') i++;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
        if (i < s.length() && (s.charAt(i) == '.' || s.charAt(i) == 'e' || s.charAt(i) == 'E')) throw refused("a number that is not whole");
        BigInteger v = new BigInteger(s.substring(start, i));
        if (v.bitLength() < 32) return NODES.numberNode(v.intValue());
        if (v.bitLength() < 64) return NODES.numberNode(v.longValue());
        return NODES.numberNode(v);
    }

    private JsonNode word(String w, JsonNode node) {
        if (!s.startsWith(w, i)) throw refused("'" + s.charAt(i) + "'");
        i += w.length();
        return node;
    }

    private void expect(char c) {
        if (peek() != c) throw refused(i < s.length() ? "'" + s.charAt(i) + "' where '" + c + "' belongs" : "the end of the text");
        i++;
    }

    private char peek() {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private void space() {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\n' || s.charAt(i) == '\r' || s.charAt(i) == '\t')) i++;
    }

    private IllegalArgumentException refused(String what) {
        return new IllegalArgumentException("offset " + i + ": " + what);
    }
}
