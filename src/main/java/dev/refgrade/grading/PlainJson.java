package dev.refgrade.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON read into the trees JsonTrees.read makes, without jackson-core's parser: its class
 * initialisation runs BigDecimal's, which in JDK 25 squares its way to 5^65536, more than the rest of
 * a cold `check` that recalls its key, and than a `grade` spends reading its answers. It takes the
 * JSON that Jackson reads the same way (no leading zeros, no raw control characters or escaped
 * surrogates in strings, nesting and lengths well inside Jackson's limits) and refuses anything else with
 * IllegalArgumentException: the key cache takes that for a miss, and an answers file is then read
 * again by Jackson, whose message and position the user sees.
 */
final class PlainJson {
    /** Jackson's own limits are 1,000 levels, 1,000 digits and 50,000 characters in a key: these stay well inside them. */
    private static final int DEPTH = 200, DIGITS = 100, KEY = 10_000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final String s;
    private int i, depth;
    /** See nextEscape; below any i before the first search. */
    private int escapeAt = -2;

    /** One value of a top-level array, at the line and column (from 1) where Jackson puts its first token. */
    record Element(int line, int col, JsonNode value) {}

    private PlainJson(String s) {
        this.s = s;
    }

    /** The one value that is the whole text, with white space around it. */
    static JsonNode read(String text) {
        PlainJson r = new PlainJson(text);
        JsonNode n = r.value();
        r.end();
        return n;
    }

    /** The values of the array that is the whole text. */
    static List<Element> elements(String text) {
        PlainJson r = new PlainJson(text);
        r.space();
        r.expect('[');
        List<Element> out = new ArrayList<>();
        int line = 1, lineStart = 0, counted = 0;
        r.space();
        boolean more = r.peek() != ']';
        while (more) {
            r.space();
            // Jackson counts \r\n, \r and \n each as one line break; a raw one can only be white space here.
            for (; counted < r.i; counted++) {
                char c = text.charAt(counted);
                if (c == '\n' || c == '\r' && (counted + 1 >= text.length() || text.charAt(counted + 1) != '\n')) {
                    line++;
                    lineStart = counted + 1;
                }
            }
            int col = r.i - lineStart + 1;
            out.add(new Element(line, col, r.value()));
            r.space();
            more = r.peek() == ',';
            if (more) r.i++;
        }
        r.expect(']');
        r.end();
        return out;
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
                if (c == '-' || c >= '0' && c <= '9') yield number();
                throw refused("'" + c + "'");
            }
        };
    }

    private ObjectNode object() {
        ObjectNode o = NODES.objectNode();
        enter();
        space();
        if (peek() == '}') return leave(o, '}');
        while (true) {
            space();
            if (peek() != '"') throw refused("a key that is not a string");
            String key = string();
            if (key.length() > KEY) throw refused("a key of " + key.length() + " characters");
            space();
            expect(':');
            // A repeated key keeps its last value, as Jackson's readTree does.
            o.set(key, value());
            space();
            if (peek() != ',') return leave(o, '}');
            i++;
        }
    }

    private ArrayNode array() {
        ArrayNode a = NODES.arrayNode();
        enter();
        space();
        if (peek() == ']') return leave(a, ']');
        while (true) {
            a.add(value());
            space();
            if (peek() != ',') return leave(a, ']');
            i++;
        }
    }

    private void enter() {
        i++;
        if (++depth > DEPTH) throw refused("nesting deeper than " + DEPTH);
    }

    private <T> T leave(T node, char close) {
        expect(close);
        depth--;
        return node;
    }

    /**
     * A string, its unescaped runs found by String.indexOf: read a character at a time, an exercise's
     * text in a key cache file took the interpreter of a cold start most of a recalled check's reading.
     */
    private String string() {
        StringBuilder b = new StringBuilder();
        i++;
        while (true) {
            int quote = s.indexOf('"', i), escape = nextEscape();
            if (quote < 0) throw refused("an unterminated string");
            int end = escape < 0 || escape > quote ? quote : escape;
            for (int k = i; k < end; k++) if (s.charAt(k) < ' ') throw refused("a raw control character in a string");
            b.append(s, i, end);
            i = end + 1;
            if (end == quote) return b.toString();
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
                    // Jackson checks that an escaped surrogate is half of a pair, each its own way: left to it.
                    char c = hex4();
                    if (Character.isSurrogate(c)) throw refused("an escaped surrogate");
                    b.append(c);
                }
                default -> throw refused("the escape \\" + e);
            }
        }
    }

    private char hex4() {
        if (i + 4 > s.length()) throw refused("a short \\u escape");
        int v = 0;
        for (int end = i + 4; i < end; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0 || s.charAt(i) > 'f') throw refused("a \\u escape that is not four hex digits");
            v = v * 16 + d;
        }
        return (char) v;
    }

    /** The first backslash at or after i, or -1: each found once, however many strings end before it. */
    private int nextEscape() {
        if (escapeAt != -1 && escapeAt < i) escapeAt = s.indexOf('\\', i);
        return escapeAt;
    }

    /**
     * RFC 8259's number, typed as JsonTrees.read types Jackson's: a whole number as int, then long,
     * then BigInteger; one with a fraction or exponent as a double (Jackson's Double.parseDouble).
     */
    private JsonNode number() {
        int start = i;
        if (peek() == '-') i++;
        int first = i;
        digits();
        if (i == first || s.charAt(first) == '0' && i - first > 1) throw refused("a number Jackson does not read");
        boolean whole = true;
        if (peek() == '.') {
            i++;
            whole = false;
            if (digits() == 0) throw refused("a fraction without digits");
        }
        if (peek() == 'e' || peek() == 'E') {
            i++;
            whole = false;
            if (peek() == '+' || peek() == '-') i++;
            if (digits() == 0) throw refused("an exponent without digits");
        }
        if (i - start > DIGITS) throw refused("a number of " + (i - start) + " characters");
        if (whole && i - first <= 18) { // a long, without a BigInteger made for each of a YAML tree's hundreds of positions
            long v = Long.parseLong(s, start, i, 10);
            return v == (int) v ? NODES.numberNode((int) v) : NODES.numberNode(v);
        }
        String text = s.substring(start, i);
        if (!whole) return NODES.numberNode(Double.parseDouble(text));
        BigInteger v = new BigInteger(text);
        if (v.bitLength() < 32) return NODES.numberNode(v.intValue());
        if (v.bitLength() < 64) return NODES.numberNode(v.longValue());
        return NODES.numberNode(v);
    }

    private int digits() {
        int start = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
        return i - start;
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

    private void end() {
        space();
        if (i != s.length()) throw refused("text after the value");
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
