package dev.refgrade.exercise;

import dev.refgrade.exercise.Exercise.Event;
import dev.refgrade.exercise.Exercise.Kind;
import dev.refgrade.exercise.Exercise.Point;
import dev.refgrade.exercise.Exercise.Probe;
import dev.refgrade.exercise.Exercise.Question;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads the questions: each kind's fields, and no field a kind does not use. */
final class Questions {
    static final Set<String> KEYS = Set.of("id", "prompt", "answer", "points", "after", "hit", "cell", "after_cell",
            "expr", "choices", "labels", "track", "event", "names");
    /** The fields each kind uses, beyond id, prompt, answer and points. */
    private static final Map<Kind, Set<String>> USES = Map.of(
            Kind.INT, Set.of("after", "hit", "cell", "after_cell", "expr"),
            Kind.BOOL, Set.of("after", "hit", "cell", "after_cell", "expr"),
            Kind.TEXT, Set.of("after", "hit", "cell", "after_cell", "expr"),
            Kind.CHOICE, Set.of("after", "hit", "cell", "after_cell", "choices", "labels"),
            Kind.OUTPUT, Set.of("cell"),
            Kind.LINES, Set.of("track", "event", "cell"),
            Kind.HEAP, Set.of("after", "hit", "cell", "after_cell", "names"));
    private static final Pattern QID = Pattern.compile("[A-Za-z0-9_-]+");

    private final Problems problems;
    private final Points points;
    private final Set<String> handles;

    Questions(Problems problems, Points points, Set<String> handles) {
        this.problems = problems;
        this.points = points;
        this.handles = handles;
    }

    List<Question> read(Mapping top) {
        List<Question> out = new ArrayList<>();
        if (!top.has("questions")) {
            problems.at(top.pos(), "the exercise needs 'questions': a list of at least one question");
            return out;
        }
        List<Node> nodes = top.list("questions");
        if (nodes.isEmpty()) problems.at(top.at("questions"), "'questions' is empty; ask at least one question");
        Set<String> ids = new HashSet<>();
        for (Node n : nodes) {
            Question q = read(new Mapping(n, "a question", KEYS, problems), ids);
            if (q != null) out.add(q);
        }
        return out;
    }

    private Question read(Mapping m, Set<String> ids) {
        String id = m.string("id", true);
        if (id != null && !QID.matcher(id).matches()) problems.at(m.at("id"), "question id '" + id + "' may use letters, digits, '-' and '_' only");
        else if (id != null && !ids.add(id)) problems.at(m.at("id"), "question id '" + id + "' is used twice in this exercise");
        String prompt = m.string("prompt", true);
        Kind kind = kind(m);
        Integer pts = m.integer("points", 0);
        if (kind == null) return null;
        for (String k : KEYS) {
            if (m.has(k) && !USES.get(kind).contains(k) && !Set.of("id", "prompt", "answer", "points").contains(k)) {
                problems.at(m.keyAt(k), "'" + k + "' is not used by " + article(kind) + " question" + hint(kind));
            }
        }
        boolean probes = Set.of(Kind.INT, Kind.BOOL, Kind.TEXT, Kind.CHOICE, Kind.HEAP).contains(kind);
        Point at = probes ? points.read(m, true) : null;
        Probe expr = kind == Kind.INT || kind == Kind.BOOL || kind == Kind.TEXT ? Points.probe(m, "expr", true) : null;
        List<Probe> choices = kind == Kind.CHOICE ? choices(m) : List.of();
        List<String> labels = m.strings("labels");
        if (!labels.isEmpty() && labels.size() != choices.size()) {
            problems.at(m.at("labels"), "'labels' has " + labels.size() + " items but there are " + choices.size() + " choices");
        }
        String track = kind == Kind.LINES ? m.string("track", true) : null;
        if (track != null && !handles.contains(track)) {
            problems.at(m.at("track"), "'track' names a capture; there is no capture '" + track + "'"
                    + (handles.isEmpty() ? " (add one under 'capture:')" : "; captures: " + String.join(", ", handles)));
        }
        Event event = kind == Kind.LINES ? event(m) : null;
        List<String> names = kind == Kind.HEAP ? m.strings("names") : List.of();
        if (kind == Kind.HEAP && names.isEmpty()) problems.at(m.pos(), "a heap question needs 'names': the variables whose objects the student draws");
        int cell = !probes && m.has("cell") ? orZero(points.cell(m, "cell")) : 0;
        return new Question(id, prompt, kind, pts, at, expr, choices, labels, track, event, names, cell, m.pos());
    }

    private Kind kind(Mapping m) {
        String a = m.string("answer", true);
        if (a == null) return null;
        for (Kind k : Kind.values()) if (k.word().equals(a)) return k;
        List<String> words = Arrays.stream(Kind.values()).map(Kind::word).toList();
        String near = Spelling.closest(a, words);
        problems.at(m.at("answer"), "answer kind '" + a + "' is not known" + (near != null ? "; did you mean '" + near + "'?" : "")
                + " (one of " + String.join(", ", words) + ")");
        return null;
    }

    private List<Probe> choices(Mapping m) {
        List<Probe> out = new ArrayList<>();
        List<Node> nodes = m.list("choices");
        if (nodes.size() < 2) problems.at(m.at("choices"), "a choice question needs 'choices': at least two Python expressions");
        for (Node n : nodes) {
            if (n instanceof ScalarNode s) out.add(new Probe(s.getValue().strip(), Mapping.pos(n)));
            else problems.at(Mapping.pos(n), "each choice is a Python expression, not " + Mapping.describe(n));
        }
        return out;
    }

    private Event event(Mapping m) {
        String e = m.string("event", true);
        if (e == null) return null;
        if (e.equals("refcount")) return Event.REFCOUNT;
        if (e.equals("freed")) return Event.FREED;
        problems.at(m.at("event"), "event '" + e + "' is not known; use refcount (lines where its count changes) or freed");
        return null;
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }

    private static String article(Kind k) {
        return ("aeiou".indexOf(k.word().charAt(0)) >= 0 ? "an " : "a ") + k.word();
    }

    private static String hint(Kind k) {
        return switch (k) {
            case OUTPUT -> " (it asks for what the program prints)";
            case LINES -> " (it uses 'track' and 'event')";
            case CHOICE -> " (it uses 'choices')";
            case HEAP -> " (it uses 'names')";
            default -> " (it uses 'expr')";
        };
    }
}
