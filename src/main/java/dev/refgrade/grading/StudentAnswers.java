package dev.refgrade.grading;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refgrade.exercise.Answer;
import dev.refgrade.exercise.Exercise.Question;
import dev.refgrade.grading.GradingException.Reason;
import dev.refgrade.runtime.HeapGraph;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A student's answer to one question, read from JSON as `check --json` writes answers, so a key
 * and an answer have one form. Text is accepted for every kind ("3", "true", "0;2") because answers
 * also come from CSV cells and form fields.
 */
final class StudentAnswers {
    private StudentAnswers() {}

    static Answer read(Question q, JsonNode v, String field) throws GradingException {
        return switch (q.kind()) {
            case INT -> new Answer.IntAnswer(integer(v, field, "a whole number"));
            case BOOL -> new Answer.BoolAnswer(bool(v, field));
            case TEXT -> new Answer.TextAnswer(text(v, field));
            case OUTPUT -> new Answer.OutputAnswer(text(v, field));
            case CHOICE -> new Answer.ChoiceAnswer(indices(v, field, 0, q.choices().size() - 1, "choice"));
            case LINES -> new Answer.LinesAnswer(indices(v, field, 1, Integer.MAX_VALUE, "line"));
            case HEAP -> new Answer.HeapAnswer(heap(v, field));
        };
    }

    private static BigInteger integer(JsonNode v, String field, String what) throws GradingException {
        if (v.isIntegralNumber()) return v.bigIntegerValue();
        if (v.isTextual()) {
            try {
                return new BigInteger(v.asText().strip().replace("_", ""));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw wrong(field, "must be " + what + ", not " + show(v));
    }

    private static boolean bool(JsonNode v, String field) throws GradingException {
        if (v.isBoolean()) return v.booleanValue();
        if (v.isTextual()) {
            switch (v.asText().strip().toLowerCase()) {
                case "true" -> { return true; }
                case "false" -> { return false; }
                default -> { }
            }
        }
        throw wrong(field, "must be true or false, not " + show(v));
    }

    private static String text(JsonNode v, String field) throws GradingException {
        if (v.isTextual()) return v.asText();
        if (v.isValueNode() && !v.isNull()) return v.asText();
        throw wrong(field, "must be text, not " + show(v));
    }

    /** A list of numbers (or one number, or "1;3" / "1,3" text) in [lo, hi], as a sorted set. */
    private static List<Integer> indices(JsonNode v, String field, int lo, int hi, String what) throws GradingException {
        List<JsonNode> items = new ArrayList<>();
        if (v.isArray()) v.forEach(items::add);
        else if (v.isTextual()) {
            for (String part : v.asText().split("[;,\\s]+")) if (!part.isBlank()) items.add(com.fasterxml.jackson.databind.node.TextNode.valueOf(part));
        } else items.add(v);
        TreeSet<Integer> out = new TreeSet<>();
        for (int i = 0; i < items.size(); i++) {
            String at = v.isArray() ? field + "[" + i + "]" : field;
            BigInteger n = integer(items.get(i), at, "a " + what + " number");
            if (n.compareTo(BigInteger.valueOf(lo)) < 0 || n.compareTo(BigInteger.valueOf(hi)) > 0) {
                throw wrong(at, "is no " + what + ": " + what + " numbers run from " + lo + (hi == Integer.MAX_VALUE ? " up" : " to " + hi));
            }
            out.add(n.intValue());
        }
        return List.copyOf(out);
    }

    /**
     * A drawing in the heap JSON form: {names: {NAME: ID}, objects: [{id, type, value?, refs: [{label, to}]}]}.
     * Ids are the student's own (numbers or text); they are renumbered in the order objects are listed.
     */
    private static HeapGraph heap(JsonNode v, String field) throws GradingException {
        if (!v.isObject()) throw wrong(field, "must be a drawing {names, objects}, not " + show(v));
        JsonNode objects = v.path("objects"), names = v.path("names");
        if (!objects.isArray()) throw wrong(field + ".objects", "must be a list of objects");
        if (!names.isObject()) throw wrong(field + ".names", "must map each name to an object id");
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < objects.size(); i++) {
            JsonNode id = objects.get(i).path("id");
            if (!id.isValueNode() || id.isNull()) throw wrong(field + ".objects[" + i + "].id", "is missing");
            if (ids.putIfAbsent(id.asText(), i) != null) throw wrong(field + ".objects[" + i + "].id", "'" + id.asText() + "' is used twice");
        }
        Map<String, Integer> named = new LinkedHashMap<>();
        for (var e : names.properties()) {
            named.put(e.getKey(), target(ids, e.getValue(), field + ".names." + e.getKey()));
        }
        List<HeapGraph.Node> nodes = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            JsonNode o = objects.get(i);
            String at = field + ".objects[" + i + "]";
            List<HeapGraph.Ref> refs = new ArrayList<>();
            JsonNode rs = o.path("refs");
            if (!rs.isMissingNode() && !rs.isArray()) throw wrong(at + ".refs", "must be a list of {label, to}");
            for (int j = 0; j < rs.size(); j++) {
                JsonNode r = rs.get(j);
                String label = r.path("label").asText("").strip();
                if (label.isEmpty()) throw wrong(at + ".refs[" + j + "].label", "is missing");
                refs.add(new HeapGraph.Ref(label, target(ids, r.path("to"), at + ".refs[" + j + "].to")));
            }
            String value = o.path("value").isValueNode() && !o.path("value").isNull() ? o.path("value").asText() : null;
            nodes.add(new HeapGraph.Node(i, o.path("type").asText("").strip(), value, null, List.copyOf(refs)));
        }
        return new HeapGraph(named, nodes, false);
    }

    private static int target(Map<String, Integer> ids, JsonNode to, String field) throws GradingException {
        Integer i = to.isValueNode() ? ids.get(to.asText()) : null;
        if (i == null) throw wrong(field, "points to " + show(to) + ", which is no object of the drawing");
        return i;
    }

    private static GradingException wrong(String field, String what) {
        return new GradingException(Reason.WRONG_KIND, field, field + " " + what);
    }

    private static String show(JsonNode v) {
        String s = v.isMissingNode() ? "nothing" : JsonTrees.write(v, false);
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
