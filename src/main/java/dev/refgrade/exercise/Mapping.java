package dev.refgrade.exercise;

import dev.refgrade.exercise.Problems.Pos;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read field by field: each getter reports a missing or mistyped field at its
 * position, and the constructor reports keys it does not know (naming the closest known key) and
 * keys given twice, so a typo never silently changes an exercise.
 */
public final class Mapping {
    private final Map<String, NodeTuple> fields = new LinkedHashMap<>();
    private final Node node;
    private final String what;
    private final Problems problems;

    public Mapping(Node node, String what, Set<String> known, Problems problems) {
        this.node = node;
        this.what = what;
        this.problems = problems;
        if (!(node instanceof MappingNode m)) {
            problems.at(pos(node), what + " must be a mapping of keys to values, not " + describe(node));
            return;
        }
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                problems.at(pos(t.getKeyNode()), "keys of " + what + " must be plain names");
                continue;
            }
            String key = k.getValue();
            if (!known.contains(key)) {
                String near = Spelling.closest(key, known);
                problems.at(pos(k), "unknown key '" + key + "' in " + what
                        + (near != null ? "; did you mean '" + near + "'?" : "; known keys: " + String.join(", ", known.stream().sorted().toList())));
            } else if (fields.containsKey(key)) {
                problems.at(pos(k), "key '" + key + "' is given twice in " + what + " (first at line "
                        + pos(fields.get(key).getKeyNode()).line() + ")");
            } else {
                fields.put(key, t);
            }
        }
    }

    public static Pos pos(Node n) {
        return Pos.of(n.getStartMark());
    }

    public Pos pos() {
        return pos(node);
    }

    public boolean has(String key) {
        return fields.containsKey(key);
    }

    public Node value(String key) {
        NodeTuple t = fields.get(key);
        return t == null ? null : t.getValueNode();
    }

    /** Where the value of {@code key} starts, or where the mapping starts when it is absent. */
    public Pos at(String key) {
        Node v = value(key);
        return v == null ? pos() : pos(v);
    }

    /** Where the key itself is written. */
    public Pos keyAt(String key) {
        NodeTuple t = fields.get(key);
        return t == null ? pos() : pos(t.getKeyNode());
    }

    public String string(String key, boolean required) {
        Node v = value(key);
        if (v == null) {
            if (required) problems.at(pos(), what + " needs '" + key + "'");
            return null;
        }
        if (v instanceof ScalarNode s) return s.getValue();
        problems.at(pos(v), "'" + key + "' must be text, not " + describe(v));
        return null;
    }

    public Integer integer(String key, int min) {
        String s = string(key, false);
        if (s == null) return null;
        try {
            int n = Integer.parseInt(s.strip());
            if (n >= min) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.at(at(key), "'" + key + "' must be a whole number of at least " + min + ", not '" + s + "'");
        return null;
    }

    public List<String> strings(String key) {
        Node v = value(key);
        if (v == null) return List.of();
        List<String> out = new ArrayList<>();
        if (v instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                if (item instanceof ScalarNode s) out.add(s.getValue());
                else problems.at(pos(item), "each item of '" + key + "' must be text, not " + describe(item));
            }
        } else {
            problems.at(pos(v), "'" + key + "' must be a list, like [a, b], not " + describe(v));
        }
        return out;
    }

    public List<Node> list(String key) {
        Node v = value(key);
        if (v == null) return List.of();
        if (v instanceof SequenceNode seq) return seq.getValue();
        problems.at(pos(v), "'" + key + "' must be a list, not " + describe(v));
        return List.of();
    }

    public static String describe(Node n) {
        return switch (n) {
            case MappingNode m -> "a mapping";
            case SequenceNode s -> "a list";
            case ScalarNode s -> "'" + s.getValue() + "'";
            default -> "this";
        };
    }
}
