package dev.refgrade.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** PlainJson reads what it takes exactly as Jackson does, and refuses (for Jackson to report) the rest. */
class PlainJsonTest {
    private static final String DAMAGE = "{}[],:\"\\-.e0x\u0000\u00a0\ud800";
    private static final String[] SPACE = {"", " ", "\n", "\r\n", "\r", "\t", "  \n  "};

    /** Jackson's tree of the whole text, or null where Jackson refuses it. */
    private static JsonNode jackson(String text) {
        try (JsonParser p = JsonTrees.FACTORY.createParser(text)) {
            p.nextToken();
            JsonNode n = JsonTrees.read(p);
            return p.nextToken() == null ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A random JSON value written with random white space: the shapes answers files and the key cache hold. */
    private static void value(Random r, StringBuilder b, int depth) {
        b.append(SPACE[r.nextInt(SPACE.length)]);
        switch (depth > 3 ? 4 + r.nextInt(5) : r.nextInt(9)) {
            case 0, 1 -> {
                b.append('{');
                for (int i = r.nextInt(4), k = 0; k < i; k++) {
                    if (k > 0) b.append(',');
                    b.append(SPACE[r.nextInt(SPACE.length)]);
                    string(r, b);
                    b.append(SPACE[r.nextInt(SPACE.length)]).append(':');
                    value(r, b, depth + 1);
                }
                b.append(SPACE[r.nextInt(SPACE.length)]).append('}');
            }
            case 2, 3 -> {
                b.append('[');
                for (int i = r.nextInt(4), k = 0; k < i; k++) {
                    if (k > 0) b.append(',');
                    value(r, b, depth + 1);
                }
                b.append(SPACE[r.nextInt(SPACE.length)]).append(']');
            }
            case 4 -> string(r, b);
            case 5 -> b.append(List.of("true", "false", "null").get(r.nextInt(3)));
            case 6 -> b.append(new BigInteger(r.nextInt(90) + 1, r).multiply(BigInteger.valueOf(r.nextBoolean() ? 1 : -1)));
            case 7 -> b.append(r.nextInt(2000) - 1000);
            default -> {
                b.append(r.nextBoolean() ? "-" : "").append(r.nextInt(100));
                if (r.nextBoolean()) b.append('.').append(r.nextInt(1000));
                if (r.nextBoolean()) b.append(r.nextBoolean() ? 'e' : 'E').append(List.of("", "+", "-").get(r.nextInt(3))).append(r.nextInt(400));
            }
        }
        b.append(SPACE[r.nextInt(SPACE.length)]);
    }

    private static void string(Random r, StringBuilder b) {
        b.append('"');
        for (int i = r.nextInt(8); i > 0; i--) {
            switch (r.nextInt(6)) {
                case 0 -> b.append('\\').append("\"\\/bfnrt".charAt(r.nextInt(8)));
                case 1 -> b.append(String.format("\\u%04x", notSurrogate(r)));
                case 2 -> b.append(String.format("\\u%04X", notSurrogate(r)));
                default -> b.append((char) (0x20 + r.nextInt(0x3000)));
            }
        }
        b.append('"');
    }

    /** Escaped surrogates are left to Jackson (see leavesEscapedSurrogatesToJackson). */
    private static int notSurrogate(Random r) {
        int c = r.nextInt(0x10000 - 0x800);
        return c < 0xD800 ? c : c + 0x800;
    }

    @Nested
    class WhatItReads {
        @Test
        void everyGeneratedValueAsJacksonReadsIt() {
            Random r = new Random(2112);
            for (int round = 0; round < 3000; round++) {
                StringBuilder b = new StringBuilder();
                value(r, b, 0);
                String text = b.toString();
                assertEquals(jackson(text), PlainJson.read(text), text);
            }
        }

        @Test
        void whatJsonTreesWrites() {
            Random random = new Random(21);
            for (int round = 0; round < 200; round++) {
                ObjectNode o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                o.put("text", String.valueOf((char) random.nextInt(0x3000)).repeat(random.nextInt(12)));
                o.put("int", random.nextInt());
                o.put("long", random.nextLong());
                o.put("double", random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
                o.put("big", new BigInteger(100, random).negate());
                o.putArray("list").add(true).add(false).addNull().addObject().put("k", "\"\\\n\u0001");
                String written = JsonTrees.write(o, round % 2 == 0);
                assertEquals(o, PlainJson.read(written), written);
            }
        }

        @Test
        void anArraysElementsWhereJacksonPutsThem() throws IOException {
            Random r = new Random(7);
            for (int round = 0; round < 500; round++) {
                StringBuilder b = new StringBuilder(SPACE[r.nextInt(SPACE.length)]).append('[');
                for (int i = r.nextInt(5), k = 0; k < i; k++) {
                    if (k > 0) b.append(',');
                    value(r, b, 1);
                }
                String text = b.append(']').append(SPACE[r.nextInt(SPACE.length)]).toString();
                List<PlainJson.Element> expected = new ArrayList<>();
                try (JsonParser p = JsonTrees.FACTORY.createParser(text)) {
                    p.nextToken();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        JsonLocation at = p.currentTokenLocation();
                        expected.add(new PlainJson.Element(at.getLineNr(), at.getColumnNr(), JsonTrees.read(p)));
                    }
                }
                assertEquals(expected, PlainJson.elements(text), text);
            }
        }
    }

    @Nested
    class WhatItLeavesToJackson {
        @Test
        void refusesWhatJacksonRefuses() {
            for (String bad : List.of("[1, 2", "{\"a\" 1}", "tru", "\"abc", "[] []", "", "01", "-", "-01", "1.", ".5", "1e", "1e+",
                    "[1,]", "{\"a\":1,}", "\"a\u0001b\"", "\"\\u12g4\"", "\"\\u+123\"", "\"\\x\"", "NaN", "\uFEFF[]", "{'a':1}")) {
                assertEquals(null, jackson(bad), bad);
                assertThrows(IllegalArgumentException.class, () -> PlainJson.read(bad), bad);
            }
        }

        @Test
        void refusesWhatRandomDamageMakesOfIt() {
            Random r = new Random(99);
            int refused = 0;
            for (int round = 0; round < 3000; round++) {
                StringBuilder b = new StringBuilder();
                value(r, b, 0);
                int at = r.nextInt(b.length() + 1);
                switch (r.nextInt(3)) {
                    case 0 -> b.insert(at, DAMAGE.charAt(r.nextInt(DAMAGE.length())));
                    case 1 -> { if (at < b.length()) b.deleteCharAt(at); }
                    default -> { if (at < b.length()) b.setCharAt(at, (char) r.nextInt(0x80)); }
                }
                String text = b.toString();
                JsonNode read;
                try {
                    read = PlainJson.read(text);
                } catch (IllegalArgumentException e) {
                    refused++;
                    continue;
                }
                assertEquals(jackson(text), read, text);
            }
            assertTrue(refused > 300, "damage refused " + refused + " times");
        }

        @Test
        void leavesEscapedSurrogatesToJackson() throws IOException {
            for (String text : List.of("\"\\ud83d\\ude42\"", "{\"\\ud83d\\ude42\": 1}")) {
                assertThrows(IllegalArgumentException.class, () -> PlainJson.read(text), text);
                assertEquals(jackson(text), JsonTrees.read(text), text);
            }
            assertEquals("\ud83d\ude42", PlainJson.read("\"\ud83d\ude42\"").textValue(), "a raw pair is read");
        }

        @Test
        void leavesDeepNestingAndLongNumbersToJackson() {
            assertThrows(IllegalArgumentException.class, () -> PlainJson.read("[".repeat(300) + "]".repeat(300)));
            assertThrows(IllegalArgumentException.class, () -> PlainJson.read("1".repeat(200)));
        }
    }
}
