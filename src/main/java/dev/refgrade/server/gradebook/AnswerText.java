package dev.refgrade.server.gradebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refgrade.exercise.Exercise;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stored answer as the student gave it in the form, for an instructor to read: True/False rather
 * than JSON booleans, the statements ticked rather than their indices, the text exactly as typed,
 * a heap drawing as its names and objects. The JSON stays in the report beside it.
 */
final class AnswerText {
    private AnswerText() {}

    static String of(Exercise.Question q, JsonNode a) {
        return switch (q.kind()) {
            case BOOL -> a.isBoolean() ? (a.asBoolean() ? "True" : "False") : a.toString();
            case INT -> a.isNumber() ? a.asText() : a.toString();
            case TEXT, OUTPUT -> a.isTextual() ? a.asText() : a.toString();
            case CHOICE -> choices(q, a);
            case LINES -> lines(a);
            case HEAP -> heap(a);
        };
    }

    private static String choices(Exercise.Question q, JsonNode a) {
        List<String> labels = q.labels().isEmpty() ? q.choices().stream().map(Exercise.Probe::expr).toList() : q.labels();
        List<String> ticked = new ArrayList<>();
        for (JsonNode i : a) ticked.add(i.isInt() && i.asInt() >= 0 && i.asInt() < labels.size() ? labels.get(i.asInt()) : i.toString());
        return ticked.isEmpty() ? "(none ticked)" : String.join("\n", ticked);
    }

    private static String lines(JsonNode a) {
        List<String> ns = new ArrayList<>();
        a.forEach(n -> ns.add(n.asText()));
        return ns.isEmpty() ? "(no line picked)" : (ns.size() == 1 ? "line " : "lines ") + String.join(", ", ns);
    }

    /** As the heap editor lists it: each name and what it refers to, then each object's references. */
    private static String heap(JsonNode a) {
        List<String> out = new ArrayList<>();
        Map<String, String> objects = new java.util.HashMap<>();
        for (JsonNode o : a.path("objects")) {
            String value = o.path("value").isNull() || o.path("value").isMissingNode() ? "" : " " + o.path("value").asText();
            objects.put(o.path("id").asText(), "#" + o.path("id").asText() + " " + o.path("type").asText("object") + value);
        }
        a.path("names").properties().forEach(n -> out.add(n.getKey() + " → "
                + (n.getValue().isNull() ? "nothing" : objects.getOrDefault(n.getValue().asText(), "#" + n.getValue().asText()))));
        for (JsonNode o : a.path("objects")) {
            List<String> refs = new ArrayList<>();
            for (JsonNode r : o.path("refs")) refs.add(r.path("label").asText() + " → " + objects.getOrDefault(r.path("to").asText(), "#" + r.path("to").asText()));
            if (!refs.isEmpty()) out.add(objects.get(o.path("id").asText()) + ": " + String.join(", ", refs));
        }
        return out.isEmpty() ? "(nothing drawn)" : String.join("\n", out);
    }
}
