package dev.refgrade.grading;

import dev.refgrade.exercise.Exercise.Kind;
import dev.refgrade.exercise.Mapping;
import dev.refgrade.exercise.Problems;
import dev.refgrade.exercise.YamlDocument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a rubric file, reporting every problem at its line and column; what a file leaves out takes {@link Rubric#DEFAULT}'s value. */
final class RubricLoader {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([dhm])");
    private final Problems problems;

    private RubricLoader(Problems problems) {
        this.problems = problems;
    }

    /** The rubric in {@code text}, or null when it has problems (then in {@code problems}); its YAML tree recalled from {@code trees} if kept there (null for none). */
    static Rubric load(String text, String fileName, Problems problems, YamlDocument.Trees trees) {
        Node root = YamlDocument.parse(text, problems, "a rubric", "a rubric needs at least a name", trees);
        if (root == null) return null;
        Rubric r = new RubricLoader(problems).rubric(root, fileName);
        if (problems.any()) return null;
        if (trees != null) trees.treeOf(text, root);
        return r;
    }

    private Rubric rubric(Node root, String fileName) {
        Rubric d = Rubric.DEFAULT;
        Mapping m = new Mapping(root, "a rubric", Set.of("name", "description", "points", "compare", "partial",
                "attempts", "late", "reveal", "feedback"), problems);
        String name = m.string("name", true);
        String stem = fileName.replaceFirst("\\.ya?ml$", "");
        if (name != null && !name.equals(stem)) problems.at(m.at("name"), "the rubric is named '" + name + "' but its file is " + fileName + "; name it '" + stem + "'");
        Mapping fb = m.has("feedback") ? new Mapping(m.value("feedback"), "feedback", Set.of("misconceptions", "explanations"), problems) : null;
        return new Rubric(name, orElse(m.string("description", false), ""), points(m), compare(m), partial(m),
                attempts(m), late(m), m.has("reveal") ? choose(m, "reveal", Rubric.Reveal.class) : d.reveal(),
                fb == null || flag(fb, "misconceptions", true), fb == null || flag(fb, "explanations", true));
    }

    private Rubric.Points points(Mapping top) {
        if (!top.has("points")) return Rubric.DEFAULT.points();
        Mapping m = new Mapping(top.value("points"), "points", Set.of("per_question", "per_kind"), problems);
        double per = number(m, "per_question", Rubric.DEFAULT.points().perQuestion(), Double.MAX_VALUE);
        Map<Kind, Double> perKind = new EnumMap<>(Kind.class);
        if (m.has("per_kind")) {
            Set<String> kinds = new java.util.TreeSet<>();
            for (Kind k : Kind.values()) kinds.add(k.word());
            Mapping pk = new Mapping(m.value("per_kind"), "per_kind", kinds, problems);
            for (Kind k : Kind.values()) if (pk.has(k.word())) perKind.put(k, number(pk, k.word(), 0, Double.MAX_VALUE));
        }
        return new Rubric.Points(per, Map.copyOf(perKind));
    }

    private Rubric.Compare compare(Mapping top) {
        Rubric.Compare d = Rubric.DEFAULT.compare();
        if (!top.has("compare")) return d;
        Mapping m = new Mapping(top.value("compare"), "compare", Set.of("text", "output", "choice", "lines", "heap"), problems);
        Set<Rubric.TextRule> text = d.text();
        if (m.has("text")) {
            text = EnumSet.noneOf(Rubric.TextRule.class);
            for (String s : m.strings("text")) {
                Rubric.TextRule t = word(s, Rubric.TextRule.class, m.at("text"), "text");
                if (t != null) text.add(t);
            }
        }
        return new Rubric.Compare(Set.copyOf(text), m.has("output") ? oneOf(m, "output", "whitespace", "exact") : d.outputWhitespace(),
                m.has("choice") ? oneOf(m, "choice", "per_option", "all_or_nothing") : d.choicePartial(),
                m.has("lines") ? oneOf(m, "lines", "partial", "all_or_nothing") : d.linesPartial(),
                m.has("heap") ? oneOf(m, "heap", "partial", "all_or_nothing") : d.heapPartial());
    }

    private List<Rubric.Partial> partial(Mapping top) {
        List<Rubric.Partial> out = new ArrayList<>();
        for (Node n : top.list("partial")) {
            Mapping m = new Mapping(n, "a partial-credit rule", Set.of("kind", "off_by", "credit", "message"), problems);
            String kind = m.string("kind", true);
            if (kind != null && !kind.equals("int")) problems.at(m.at("kind"), "partial-credit rules apply to int answers; other kinds set their partial credit under 'compare'");
            double offBy = number(m, "off_by", 1, 1e12);
            double credit = number(m, "credit", 0.5, 1);
            if (!m.has("off_by")) problems.at(m.pos(), "a partial-credit rule needs 'off_by', how far from the truth it reaches");
            out.add(new Rubric.Partial(Kind.INT, (long) offBy, credit, orElse(m.string("message", false), "")));
        }
        return List.copyOf(out);
    }

    private Rubric.Attempts attempts(Mapping top) {
        Rubric.Attempts d = Rubric.DEFAULT.attempts();
        if (!top.has("attempts")) return d;
        Mapping m = new Mapping(top.value("attempts"), "attempts", Set.of("max", "penalty", "counts"), problems);
        int max = d.max();
        String raw = m.string("max", false);
        if (raw != null && !raw.equals("unlimited")) {
            Integer n = m.integer("max", 1);
            max = n == null ? 0 : n;
        }
        return new Rubric.Attempts(max, number(m, "penalty", d.penalty(), 1),
                m.has("counts") ? choose(m, "counts", Rubric.Counts.class) : d.counts());
    }

    private Rubric.Late late(Mapping top) {
        if (!top.has("late")) return Rubric.DEFAULT.late();
        Mapping m = new Mapping(top.value("late"), "late", Set.of("penalty_per_day", "cutoff"), problems);
        Duration cutoff = null;
        String raw = m.string("cutoff", false);
        if (raw != null && !raw.equals("none")) cutoff = duration(raw, m);
        return new Rubric.Late(number(m, "penalty_per_day", 0, 1), cutoff);
    }

    /** "0", "36h", "2d 12h", "90m": how long after the due date late work is still taken. */
    private Duration duration(String raw, Mapping m) {
        String s = raw.strip().toLowerCase(Locale.ROOT);
        if (s.equals("0")) return Duration.ZERO;
        Matcher mt = DURATION.matcher(s);
        Duration total = Duration.ZERO;
        int end = 0;
        while (mt.find() && s.substring(end, mt.start()).isBlank()) {
            long n = Long.parseLong(mt.group(1));
            total = total.plus(switch (mt.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofMinutes(n);
            });
            end = mt.end();
        }
        if (end == 0 || !s.substring(end).isBlank()) {
            problems.at(m.at("cutoff"), "'cutoff' must be a duration like 0, 36h, 2d or 1d 12h, or none; not '" + raw + "'");
        }
        return total;
    }

    private double number(Mapping m, String key, double orElse, double max) {
        String s = m.string(key, false);
        if (s == null) return orElse;
        try {
            double v = Double.parseDouble(s.strip());
            if (v >= 0 && v <= max) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.at(m.at(key), "'" + key + "' must be a number from 0" + (max == Double.MAX_VALUE ? " up" : " to " + fmt(max)) + ", not '" + s + "'");
        return orElse;
    }

    private boolean flag(Mapping m, String key, boolean orElse) {
        String s = m.string(key, false);
        if (s == null) return orElse;
        if (s.equals("true") || s.equals("false")) return s.equals("true");
        problems.at(m.at(key), "'" + key + "' must be true or false, not '" + s + "'");
        return orElse;
    }

    /** Whether the value of {@code key} is {@code yes} (rather than {@code no}), reporting any other word. */
    private boolean oneOf(Mapping m, String key, String yes, String no) {
        String s = m.string(key, false);
        if (yes.equals(s) || no.equals(s)) return yes.equals(s);
        if (s != null) problems.at(m.at(key), "'" + key + "' must be " + yes + " or " + no + ", not '" + s + "'");
        return false;
    }

    private <E extends Enum<E>> E choose(Mapping m, String key, Class<E> type) {
        String s = m.string(key, false);
        return s == null ? null : word(s, type, m.at(key), key);
    }

    private <E extends Enum<E>> E word(String s, Class<E> type, Problems.Pos at, String key) {
        for (E e : type.getEnumConstants()) if (e.name().toLowerCase(Locale.ROOT).equals(s)) return e;
        List<String> words = new ArrayList<>();
        for (E e : type.getEnumConstants()) words.add(e.name().toLowerCase(Locale.ROOT));
        problems.at(at, "'" + key + "' must be one of " + String.join(", ", words) + "; not '" + s + "'");
        return null;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static String orElse(String s, String d) {
        return s == null ? d : s;
    }
}
