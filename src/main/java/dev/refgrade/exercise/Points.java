package dev.refgrade.exercise;

import dev.refgrade.exercise.Exercise.Point;
import dev.refgrade.exercise.Exercise.Probe;
import dev.refgrade.exercise.Exercise.Profile;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads where a probe looks (after / hit / cell / after_cell) and the expressions it evaluates. */
final class Points {
    private final Problems problems;
    private final Profile profile;
    private final int cells;

    Points(Problems problems, Profile profile, int cells) {
        this.problems = problems;
        this.profile = profile;
        this.cells = cells;
    }

    /** The point of a probe or capture; null when the mapping names none (and {@code required} says so is wrong). */
    Point read(Mapping m, boolean required) {
        Integer cell = m.has("cell") ? cell(m, "cell") : null;
        Integer afterCell = m.has("after_cell") ? cell(m, "after_cell") : null;
        Integer line = m.integer("after", 1);
        int hit = hit(m);
        if (profile == Profile.SCRIPT) {
            if (afterCell != null) problems.at(m.at("after_cell"), "'after_cell' needs profile: cells; in a script use 'after: LINE'");
            if (line == null) {
                if (required && !m.has("after")) problems.at(m.pos(), "say where to look with 'after: LINE' (the probe runs after the statement ending on that line)");
                return null;
            }
            return new Point(0, line, 0, hit, m.at("after"));
        }
        if (afterCell != null) {
            if (line != null) problems.at(m.at("after"), "give either 'after_cell: N' or 'cell: N' with 'after: LINE', not both");
            if (m.has("hit")) problems.at(m.at("hit"), "a probe cell runs once; 'hit' is for lines that run several times");
            return new Point(0, 0, afterCell, 0, m.at("after_cell"));
        }
        if (line == null) {
            if (required && !m.has("after") && !m.has("after_cell")) problems.at(m.pos(), "say where to look: 'after_cell: N', or 'cell: N' with 'after: LINE'");
            return null;
        }
        if (cell == null) {
            problems.at(m.at("after"), "in profile cells, 'after: LINE' needs 'cell: N' (the cell the line belongs to)");
            return null;
        }
        return new Point(cell, line, 0, hit, m.at("after"));
    }

    Integer cell(Mapping m, String key) {
        if (profile == Profile.SCRIPT) {
            problems.at(m.at(key), "'" + key + "' needs profile: cells");
            return null;
        }
        Integer n = m.integer(key, 1);
        if (n != null && n > cells) {
            problems.at(m.at(key), "there is no cell " + n + "; the exercise has " + cells + " cell" + (cells == 1 ? "" : "s"));
            return null;
        }
        return n;
    }

    private int hit(Mapping m) {
        Node v = m.value("hit");
        if (v == null) return 0;
        if (v instanceof ScalarNode s && s.getValue().equals("last")) return Point.LAST;
        Integer k = m.integer("hit", 1);
        if (k == null) problems.at(m.at("hit"), "'hit' is a run number (1 is the first) or 'last'");
        return k == null ? 0 : k;
    }

    static Probe probe(Mapping m, String key, boolean required) {
        String expr = m.string(key, required);
        return expr == null ? null : new Probe(expr.strip(), m.at(key));
    }
}
