package dev.refgrade.exercise;

import dev.refgrade.exercise.Exercise.Kind;
import dev.refgrade.exercise.Exercise.Point;
import dev.refgrade.exercise.Exercise.Probe;
import dev.refgrade.exercise.Exercise.Question;
import dev.refgrade.python.Module;
import dev.refgrade.python.ParseError;
import dev.refgrade.runtime.Held;
import dev.refgrade.runtime.Limits;
import dev.refgrade.runtime.Programs;
import dev.refgrade.runtime.RecentModules;
import dev.refgrade.runtime.StackGraph;
import dev.refgrade.runtime.Variation;
import dev.refgrade.runtime.World;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Computes the answer key of one exercise variant by running the simulator once per question (and
 * once per choice), with that question's probe inserted; and refuses what cannot be keyed: a probe
 * that never runs, runs ambiguously, raises, or gives a value CPython does not fix.
 */
final class Keyer {
    /**
     * One probed value as the simulator gave it, kept so CPython can be asked the same;
     * {@code observed} is what the simulator's run showed of its world (Session.Report.observed).
     */
    record Probed(String question, Instrumented program, int hit, String text, Kind kind, int cell, Set<World.Fact> observed) {}

    private final Exercise ex;
    private final Problems problems;
    /** What each simulated run may use; a program that needs more cannot be keyed. */
    private final Limits limits;
    private final List<Module> modules = new ArrayList<>();
    final List<Probed> probed = new ArrayList<>();

    Keyer(Exercise ex, Problems problems) {
        this(ex, problems, Limits.DEFAULT);
    }

    Keyer(Exercise ex, Problems problems, Limits limits) {
        this.ex = ex;
        this.problems = problems;
        this.limits = limits;
    }

    /**
     * Per question, the variations whose mechanisms its runs consulted (with the program's own run's):
     * a misconception that deviates in none of them would answer it as the key does.
     */
    final Map<String, Set<Variation>> consulted = new LinkedHashMap<>();

    Map<String, Answer> key() {
        Map<String, Answer> answers = new LinkedHashMap<>();
        if (!parseSources() || !checkPoints()) return answers;
        Runs runs = new Runs(ex, modules, problems, Counterfactual.NONE, limits);
        if (!runs.programRuns()) return answers;
        Set<Variation> plain = EnumSet.copyOf(runs.consulted);
        // The questions' runs are independent: keyed on as many cores as there are, merged in order.
        List<Callable<Keyed>> work = new ArrayList<>();
        for (Question q : ex.questions()) work.add(() -> keyed(q, runs, plain));
        for (Keyed k : Programs.onDeepStacks(work)) {
            problems.addAll(k.problems());
            probed.addAll(k.probed());
            if (k.answer() != null) answers.put(k.question(), k.answer());
            consulted.put(k.question(), k.consulted());
        }
        return answers;
    }

    /** One question keyed apart: its answer (null when it has none), problems, probes, and what its runs consulted. */
    private record Keyed(String question, Answer answer, Problems problems, List<Probed> probed, Set<Variation> consulted) {}

    private Keyed keyed(Question q, Runs programRun, Set<Variation> plain) {
        Problems apart = problems.apart();
        Runs runs = new Runs(ex, modules, apart, Counterfactual.NONE, limits);
        runs.sharePlainRun(programRun);
        runs.consulted.addAll(plain);
        List<Probed> own = new ArrayList<>();
        Answer a = runs.answer(q, own);
        return new Keyed(q.id(), a, apart, own, Set.copyOf(runs.consulted));
    }

    /**
     * The answer {@code q} has when the program runs as {@code cf} says, when it is not {@code key};
     * null when it is, or that run gives none. The key was found the same in every world when it was
     * keyed, so only an answer that differs from it needs the other worlds' runs (the second half of
     * a question's runs).
     */
    Answer answerUnder(Question q, Counterfactual cf, Answer key) {
        if (!parseSources()) return null;
        Runs runs = new Runs(ex, modules, problems, cf, limits, true);
        Answer a = runs.answer(q, probed);
        if (a == null || problems.any() || a.equals(key)) return null;
        // What a whole run shows is an answer only if the run ends well or as the program's does: a
        // counterfactual that raises or stops at a limit where CPython does not says nothing a student
        // predicts. Asked only of an answer that differs: most are the key's, and for a lines question
        // the plain run is one more than its answer needs.
        if (q.kind() == Kind.OUTPUT || q.kind() == Kind.LINES) {
            int exit = runs.plainRun().exitCode();
            if (exit != 0 && exit != new Runs(ex, modules, problems, Counterfactual.NONE, limits).plainRun().exitCode()) return null;
        }
        return runs.knowable() ? a : null;
    }

    /** Who holds what {@code call} is given, at {@code q}'s point (see {@link Runs#held}); null when it cannot tell. */
    List<Held> held(Question q, String call) {
        return parseSources() ? new Runs(ex, modules, problems, Counterfactual.NONE, limits).held(q, call) : null;
    }

    /** The stack's graph at question {@code q}'s probe point, or null when it has none (or the exercise no longer runs). */
    StackGraph stackAt(Question q) {
        return parseSources() ? new Runs(ex, modules, problems, Counterfactual.NONE, limits).stackAt(q) : null;
    }

    private boolean parseSources() {
        for (int i = 0; i < ex.sources().size(); i++) {
            Exercise.Code code = ex.sources().get(i);
            try {
                Module m = RecentModules.parse(ex.sourceName(i + 1), code.text());
                modules.add(m);
                ParseError.Problem refused = Programs.refused(m);
                if (refused != null) {
                    problems.at(code.map(refused.line(), refused.col()), "in the code" + where(i) + ", line " + refused.line()
                            + ": the simulator does not support this: " + refused.message());
                }
            } catch (ParseError e) {
                for (ParseError.Problem p : e.problems()) {
                    String what = p.kind() == ParseError.Kind.UNSUPPORTED ? "the simulator does not support this: " : "";
                    problems.at(code.map(p.line(), p.col()), "in the code" + where(i) + ", line " + p.line() + ": " + what + p.message());
                }
            }
        }
        return !problems.any();
    }

    private String where(int source) {
        return ex.profile() == Exercise.Profile.CELLS ? " of cell " + (source + 1) : "";
    }

    /** Every point names a statement's last line, and every expression is one line of Python. */
    private boolean checkPoints() {
        for (Exercise.Capture c : ex.captures()) {
            checkPoint(c.at());
            if (c.expr() != null) checkExpr(c.expr());
        }
        for (Question q : ex.questions()) {
            if (q.at() != null) checkPoint(q.at());
            if (q.expr() != null) checkExpr(q.expr());
            for (Probe choice : q.choices()) checkExpr(choice);
        }
        return !problems.any();
    }

    private void checkPoint(Point p) {
        if (p == null || p.ownCell()) return;
        try {
            Placement.indentAfter(modules.get(Math.max(p.cell(), 1) - 1), p.line());
        } catch (Placement.Refused e) {
            problems.at(p.pos(), e.getMessage());
        }
    }

    private void checkExpr(Probe probe) {
        if (probe.expr().isEmpty() || probe.expr().contains("\n")) {
            problems.at(probe.pos(), "a probe is one Python expression on one line");
            return;
        }
        try {
            Module m = RecentModules.parse("<probe>", probe.expr() + "\n");
            if (m.body().size() != 1 || !(m.body().get(0) instanceof dev.refgrade.python.Stmt.ExprStmt)) {
                problems.at(probe.pos(), "'" + probe.expr() + "' is not an expression; a probe is evaluated as print(repr(EXPR))");
                return;
            }
            RecentModules.parse("<probe>", "print(repr(" + probe.expr() + "))\n");
        } catch (ParseError e) {
            ParseError.Problem p = e.reported();
            problems.at(new Problems.Pos(probe.pos().line(), probe.pos().col() + Math.max(0, p.col() - 1)),
                    "in the expression '" + probe.expr() + "': " + p.message());
        }
    }
}
