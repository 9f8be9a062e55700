package dev.refgrade.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML node tree as the key cache keeps it (YamlDocument.Trees): each node its kind, start
 * (line, column and offset), style, tag where it is not its kind's usual one, and its value or
 * children, as a JSON array: ["s", line, col, index, style, value], ["q", ..., flow style, [items]]
 * or ["m", ..., flow style, [key, value, ...]], with the tag last when there is one. The end of a
 * node is recalled as its start: no loader reads it. A tree whose aliases make it recursive, or
 * expand it past {@link #NODES} nodes, is not kept.
 */
final class SavedYaml {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Far more than any exercise or rubric holds; aliases could otherwise expand one exponentially. */
    static final int NODES = 50_000;

    private int count;
    private final Map<Node, Boolean> open = new IdentityHashMap<>();

    private SavedYaml() {}

    /** The JSON form of {@code root}, or null when it is not kept (see above). */
    static ArrayNode tree(Node root) {
        return new SavedYaml().save(root);
    }

    private ArrayNode save(Node n) {
        if (++count > NODES || open.put(n, Boolean.TRUE) != null) return null;
        Mark at = n.getStartMark();
        ArrayNode a = JSON.arrayNode();
        switch (n) {
            case ScalarNode s -> a.add("s").add(at.getLine()).add(at.getColumn()).add(at.getIndex()).add(s.getScalarStyle().name()).add(s.getValue());
            case SequenceNode q -> {
                ArrayNode items = JSON.arrayNode();
                for (Node item : q.getValue()) {
                    ArrayNode saved = save(item);
                    if (saved == null) return null;
                    items.add(saved);
                }
                a.add("q").add(at.getLine()).add(at.getColumn()).add(at.getIndex()).add(q.getFlowStyle().name()).add(items);
            }
            case MappingNode m -> {
                ArrayNode pairs = JSON.arrayNode();
                for (NodeTuple t : m.getValue()) {
                    ArrayNode k = save(t.getKeyNode()), v = k == null ? null : save(t.getValueNode());
                    if (v == null) return null;
                    pairs.add(k).add(v);
                }
                a.add("m").add(at.getLine()).add(at.getColumn()).add(at.getIndex()).add(m.getFlowStyle().name()).add(pairs);
            }
            default -> {
                return null;
            }
        }
        if (!n.getTag().equals(usual(a.get(0).textValue()))) a.add(n.getTag().getValue());
        open.remove(n);
        return a;
    }

    /** The tree saved as {@code a}; IllegalArgumentException (or another RuntimeException) when it is not one. */
    static Node node(JsonNode a) {
        if (!(a instanceof ArrayNode) || a.size() < 6 || a.size() > 7) throw new IllegalArgumentException("not a saved node: " + a);
        String kind = a.get(0).textValue();
        Mark at = new Mark("'string'", a.get(3).intValue(), a.get(1).intValue(), a.get(2).intValue(), new int[0], 0);
        Tag tag = a.size() == 7 ? new Tag(a.get(6).textValue()) : usual(kind);
        JsonNode value = a.get(5);
        return switch (kind) {
            case "s" -> new ScalarNode(tag, value.textValue(), at, at, ScalarStyle.valueOf(a.get(4).textValue()));
            case "q" -> {
                List<Node> items = new ArrayList<>(value.size());
                for (JsonNode item : value) items.add(node(item));
                yield new SequenceNode(tag, true, items, at, at, FlowStyle.valueOf(a.get(4).textValue()));
            }
            case "m" -> {
                List<NodeTuple> pairs = new ArrayList<>(value.size() / 2);
                for (int i = 0; i + 1 < value.size(); i += 2) pairs.add(new NodeTuple(node(value.get(i)), node(value.get(i + 1))));
                yield new MappingNode(tag, true, pairs, at, at, FlowStyle.valueOf(a.get(4).textValue()));
            }
            default -> throw new IllegalArgumentException("no node kind " + kind);
        };
    }

    private static Tag usual(String kind) {
        return switch (kind) {
            case "q" -> Tag.SEQ;
            case "m" -> Tag.MAP;
            default -> Tag.STR;
        };
    }
}
