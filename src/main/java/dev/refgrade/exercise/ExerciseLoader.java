package dev.refgrade.exercise;

import dev.refgrade.exercise.Exercise.Capture;
import dev.refgrade.exercise.Exercise.Code;
import dev.refgrade.exercise.Exercise.Profile;
import dev.refgrade.exercise.Problems.Pos;
import dev.refgrade.runtime.PythonVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads one exercise file (one variant's text) into an {@link Exercise}, reporting every problem at its position. */
final class ExerciseLoader {
    static final Set<String> TOP = Set.of("id", "title", "profile", "rubric", "tags", "intro", "code", "cells",
            "params", "capture", "questions", "python");
    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String text;
    private final Problems problems;

    ExerciseLoader(String text, Problems problems) {
        this.text = text;
        this.problems = problems;
    }


    Exercise load(Node root, String fileName) {
        Mapping top = new Mapping(root, "the exercise", TOP, problems);
        String id = top.string("id", true);
        if (id != null && !ID.matcher(id).matches()) {
            problems.at(top.at("id"), "id '" + id + "' must be lowercase letters, digits and single dashes, like 'aliasing-basics'");
        } else if (id != null && fileName != null && !fileName.equals(id + ".yaml") && !fileName.equals(id + ".yml")) {
            problems.at(top.at("id"), "id '" + id + "' does not match the file name '" + fileName + "'; name the file " + id + ".yaml");
        }
        String title = top.string("title", true);
        Profile profile = profile(top);
        String rubric = top.has("rubric") ? top.string("rubric", false) : "default";
        List<Code> sources = sources(top, profile);
        Map<String, List<String>> params = Templates.params(top, problems);
        Set<String> handles = new LinkedHashSet<>();
        List<Capture> captures = new ArrayList<>();
        var points = new Points(problems, profile, sources.size());
        for (Node n : top.list("capture")) {
            Mapping m = new Mapping(n, "a capture", Set.of("name", "after", "hit", "cell", "expr", "after_cell"), problems);
            String name = m.string("name", true);
            if (name != null && !IDENTIFIER.matcher(name).matches()) {
                problems.at(m.at("name"), "capture name '" + name + "' must be a Python identifier, like h or old_list");
            } else if (name != null && !handles.add(name)) {
                problems.at(m.at("name"), "capture name '" + name + "' is used twice");
            } else if (name != null && (name.equals("alive") || name.equals("refcount"))) {
                problems.at(m.at("name"), "capture name '" + name + "' would hide the probe function " + name + "()");
            }
            captures.add(new Capture(name, points.read(m, true), Points.probe(m, "expr", true), m.pos()));
        }
        List<Exercise.Question> questions = new Questions(problems, points, handles).read(top);
        return new Exercise(null, id, title, profile, rubric, top.strings("tags"), top.string("intro", false),
                sources, params, captures, questions, python(top), top.has("python") ? top.at("python") : null);
    }

    /** Which CPython's answers the key gives; 3.11 unless the file says otherwise. */
    private PythonVersion python(Mapping top) {
        String v = top.string("python", false);
        if (v == null) return PythonVersion.DEFAULT;
        var known = PythonVersion.parse(v);
        if (known.isEmpty()) {
            problems.at(top.at("python"), "python '" + v + "' is not a version refgrade knows; use " + PythonVersion.choices()
                    + " (quote it if YAML would read it as a number that drops a 0, like '3.10')");
        }
        return known.orElse(PythonVersion.DEFAULT);
    }

    private Profile profile(Mapping top) {
        String p = top.string("profile", false);
        if (p == null || p.equals("script")) return Profile.SCRIPT;
        if (p.equals("cells")) return Profile.CELLS;
        problems.at(top.at("profile"), "profile '" + p + "' is not known; use script (a file run by python3) or cells (notebook cells)");
        return Profile.SCRIPT;
    }

    private List<Code> sources(Mapping top, Profile profile) {
        List<Code> out = new ArrayList<>();
        if (profile == Profile.SCRIPT) {
            if (top.has("cells")) problems.at(top.at("cells"), "'cells' needs profile: cells; a script has 'code'");
            if (!top.has("code")) {
                problems.at(top.pos(), "the exercise needs 'code': the program, as a block (code: |)");
                return out;
            }
            String code = top.string("code", false);
            if (code != null) out.add(code(top.value("code")));
            return out;
        }
        if (top.has("code")) problems.at(top.at("code"), "profile cells takes 'cells', a list of sources, not 'code'");
        List<Node> cells = top.list("cells");
        if (cells.isEmpty()) problems.at(top.at("cells"), "profile cells needs 'cells': a list of at least one cell source");
        for (Node c : cells) {
            if (c instanceof ScalarNode) out.add(code(c));
            else problems.at(Mapping.pos(c), "each cell must be a source text (- |), not " + Mapping.describe(c));
        }
        return out;
    }

    /** Where a code block's lines are: a literal block starts on the line after its '|'. */
    private Code code(Node n) {
        ScalarNode s = (ScalarNode) n;
        Pos at = Mapping.pos(s);
        boolean block = s.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.LITERAL
                || s.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.FOLDED;
        if (!block) return new Code(s.getValue(), at, false, 0);
        String[] lines = text.split("\n", -1);
        int indent = 0;
        for (int i = at.line(); i < lines.length; i++) {
            String l = lines[i];
            if (l.isBlank()) continue;
            indent = l.length() - l.stripLeading().length();
            break;
        }
        return new Code(s.getValue(), at, true, indent);
    }
}
