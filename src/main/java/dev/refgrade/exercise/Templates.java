package dev.refgrade.exercise;

import dev.refgrade.exercise.Problems.Pos;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Variants: `params` lists values per name, every combination is one variant, and `{{name}}` in
 * the file's text is replaced by the variant's value as written.
 */
final class Templates {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\}\\}");

    private Templates() {}

    /**
     * The text with each placeholder replaced by a plain word of the same length, so the file
     * parses as YAML (a `{{` would open a flow mapping) and every position stays where it was.
     */
    static String neutral(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) m.appendReplacement(b, "_".repeat(m.end() - m.start()));
        return m.appendTail(b).toString();
    }

    static Map<String, List<String>> params(Mapping top, Problems problems) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Node v = top.value("params");
        if (v == null) return out;
        if (!(v instanceof MappingNode map)) {
            problems.at(Mapping.pos(v), "'params' maps names to lists of values, like n: [10, 257]");
            return out;
        }
        for (NodeTuple t : map.getValue()) {
            String name = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                problems.at(Mapping.pos(t.getKeyNode()), "a parameter name must be an identifier, like n or size");
                continue;
            }
            List<String> values = new ArrayList<>();
            if (t.getValueNode() instanceof SequenceNode seq && !seq.getValue().isEmpty()) {
                for (Node item : seq.getValue()) {
                    if (item instanceof ScalarNode s) values.add(s.getValue());
                    else problems.at(Mapping.pos(item), "each value of parameter '" + name + "' must be a single value, not " + Mapping.describe(item));
                }
            } else {
                problems.at(Mapping.pos(t.getValueNode()), "parameter '" + name + "' needs a non-empty list of values, like [10, 257]");
            }
            if (out.put(name, values) != null) problems.at(Mapping.pos(t.getKeyNode()), "parameter '" + name + "' is declared twice");
        }
        // Counted before any combination is made: a few lines of params can ask for 10^8 of them.
        long combinations = 1;
        for (List<String> values : out.values()) combinations = Math.min(combinations * Math.max(1, values.size()), Long.MAX_VALUE / 1024);
        if (combinations > Exercises.MAX_VARIANTS) {
            problems.at(Mapping.pos(map.getValue().get(0).getKeyNode()), "the parameters make " + combinations + " variants; an exercise has at most "
                    + Exercises.MAX_VARIANTS + " (each is keyed by simulated runs)");
        }
        return out;
    }

    /** Reports each `{{name}}` whose name `params` does not declare. */
    static void checkDeclared(String text, Map<String, List<String>> params, Problems problems) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (params.containsKey(m.group(1))) continue;
            problems.at(YamlDocument.at(text, m.start()), "'{{" + m.group(1) + "}}' is not a declared parameter"
                    + (params.isEmpty() ? "; declare it under 'params:'" : "; declared: " + String.join(", ", params.keySet())));
        }
    }

    /** Every combination of the parameters' values, in declaration order. */
    static List<Map<String, String>> variants(Map<String, List<String>> params) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (var e : params.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String v : e.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(e.getKey(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    static String substitute(String text, Map<String, String> variant) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) m.appendReplacement(b, Matcher.quoteReplacement(variant.getOrDefault(m.group(1), m.group())));
        return m.appendTail(b).toString();
    }

    /** The variant a student gets: the same for the same course, student and exercise, spread evenly. */
    static int pick(String course, String student, String exercise, int variants) {
        if (variants == 1) return 0;
        byte[] d = Digest.sha256Bytes(course + "\u0000" + student + "\u0000" + exercise);
        long v = 0;
        for (int i = 0; i < 8; i++) v = v << 8 | (d[i] & 0xff);
        return (int) Long.remainderUnsigned(v, variants);
    }
}
