package dev.refgrade.exercise;

import dev.refgrade.exercise.Exercise.Capture;
import dev.refgrade.exercise.Exercise.Point;
import dev.refgrade.python.Module;
import dev.refgrade.runtime.Limits;
import dev.refgrade.runtime.PythonVersion;
import dev.refgrade.runtime.Session;
import dev.refgrade.runtime.VersionRules;
import java.util.ArrayList;
import java.util.List;

/**
 * The exercise's program as one question runs it: the student's code with the captures it needs
 * and this question's line inserted (a probe's `print(repr(EXPR))`, or `pass` where the heap is
 * drawn), and the numbering maps to report on the student's own lines.
 */
final class Instrumented {
    /** A line to add for one question: at a point, this text. */
    record Extra(Point at, String text) {}

    final List<Session.Source> sources = new ArrayList<>();
    /** For each source, the original cell it comes from (1-based; 0 for a script), or -1 for an inserted cell. */
    final List<Integer> cellOf = new ArrayList<>();
    final List<Rewrite> rewrites = new ArrayList<>();
    /** Where the extra line landed, when there is one. */
    Session.Site site;
    final List<String> handles = new ArrayList<>();
    /** How this run departs from the exercise's CPython: not at all for the key. */
    private final Counterfactual counterfactual;
    /** What a run of the program as CPython runs it may use. */
    private final Limits limits;
    private final PythonVersion python;

    /**
     * A counterfactual run only guesses at what a student thinks, and a deviation can make a program
     * loop where CPython's would not: it gets a tenth of the steps and ten seconds.
     */
    private static final Limits COUNTERFACTUAL = new Limits(Limits.DEFAULT.maxSteps() / 10, Limits.DEFAULT.maxObjects(),
            Limits.DEFAULT.maxDepth(), Limits.DEFAULT.maxOutputBytes(), Limits.DEFAULT.maxSequenceLength(), 10_000);

    Instrumented(Exercise ex, List<Module> modules, boolean withCaptures, Extra extra, Counterfactual counterfactual, Limits limits) {
        this.python = ex.python();
        this.counterfactual = counterfactual;
        this.limits = limits;
        List<List<Rewrite.Insert>> inserts = new ArrayList<>();
        for (int i = 0; i < modules.size(); i++) inserts.add(new ArrayList<>());
        List<List<String>> cellsAfter = new ArrayList<>();
        for (int i = 0; i < modules.size(); i++) cellsAfter.add(new ArrayList<>());
        if (withCaptures) {
            for (int slot = 0; slot < ex.captures().size(); slot++) {
                Capture c = ex.captures().get(slot);
                handles.add(c.name());
                String text = "__refgrade_capture__(" + slot + ", " + (c.at().hit() > 0 ? c.at().hit() : 0) + ", " + c.expr().expr() + ")";
                place(modules, inserts, cellsAfter, c.at(), text);
            }
        }
        int extraIndex = extra == null ? -1 : place(modules, inserts, cellsAfter, extra.at(), extra.text());
        for (int i = 0; i < modules.size(); i++) {
            Rewrite r = new Rewrite(String.join("\n", modules.get(i).lines()) + "\n", inserts.get(i));
            String name = modules.get(i).fileName();
            sources.add(new Session.Source(name, r.text));
            cellOf.add(ex.profile() == Exercise.Profile.CELLS ? i + 1 : 0);
            rewrites.add(r);
            if (extra != null && !extra.at().ownCell() && index(extra.at()) == i) site = new Session.Site(name, r.inserted(extraIndex));
            for (String cell : cellsAfter.get(i)) {
                String cellName = "<cell " + (i + 1) + "." + (sources.size() - i) + ">";
                sources.add(new Session.Source(cellName, cell + "\n"));
                cellOf.add(-1);
                rewrites.add(null);
                if (extra != null && extra.at().ownCell() && cell.equals(extra.text()) && index(extra.at()) == i) {
                    site = new Session.Site(cellName, 1);
                }
            }
        }
    }

    private static int index(Point p) {
        return p.ownCell() ? p.afterCell() - 1 : Math.max(p.cell(), 1) - 1;
    }

    /** Adds the line at its point; returns its index among that source's inserts. */
    private static int place(List<Module> modules, List<List<Rewrite.Insert>> inserts, List<List<String>> cellsAfter,
            Point at, String text) {
        int i = index(at);
        if (at.ownCell()) {
            cellsAfter.get(i).add(text);
            return -1;
        }
        String indent;
        try {
            indent = Placement.indentAfter(modules.get(i), at.line());
        } catch (Placement.Refused e) {
            throw new IllegalStateException("points are checked before programs are built", e);
        }
        inserts.get(i).add(new Rewrite.Insert(at.line(), indent + text));
        return inserts.get(i).size() - 1;
    }

    /** The student's line behind a site, or 0 when the site is a line refgrade inserted. */
    int originalLine(Session.Site s, String file) {
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).name().equals(s.file()) && s.file().equals(file) && rewrites.get(i) != null) {
                return rewrites.get(i).original(s.line());
            }
        }
        return 0;
    }

    Session session() {
        Session s = new Session().rules(counterfactual.rules() != null ? counterfactual.rules() : VersionRules.of(python));
        for (String h : handles) s.capture(h);
        return counterfactual.isNone() ? s.limits(limits) : s.variations(counterfactual.variations()).limits(COUNTERFACTUAL);
    }

    Session.Report run(Exercise ex, Session s) {
        return ex.profile() == Exercise.Profile.CELLS ? s.runCells(sources) : s.runScript(sources.get(0).name(), sources.get(0).text());
    }

    /** What one original cell printed, when the run shows each cell's output. */
    String cellOutput(Session.Report r, int cell) {
        int k = cellOf.indexOf(cell);
        return k >= 0 && k < r.cellOutputs().size() ? r.cellOutputs().get(k) : "";
    }
}
