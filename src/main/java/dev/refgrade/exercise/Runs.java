package dev.refgrade.exercise;

import dev.refgrade.exercise.Exercise.Event;
import dev.refgrade.exercise.Exercise.Kind;
import dev.refgrade.exercise.Exercise.Point;
import dev.refgrade.exercise.Exercise.Probe;
import dev.refgrade.exercise.Exercise.Question;
import dev.refgrade.python.Module;
import dev.refgrade.runtime.Held;
import dev.refgrade.runtime.HeapGraph;
import dev.refgrade.runtime.Limits;
import dev.refgrade.runtime.Session;
import dev.refgrade.runtime.StackGraph;
import dev.refgrade.runtime.Variation;
import dev.refgrade.runtime.World;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/** The simulated runs behind each kind of answer, and the reasons a run cannot give one. */
final class Runs {
    private final Exercise ex;
    private final List<Module> modules;
    private final Problems problems;
    private final Counterfactual counterfactual;
    private final Limits limits;
    /** The variations whose mechanisms the runs made so far consulted (PyRuntime.consulted), whatever world they ran in. */
    final Set<Variation> consulted = EnumSet.noneOf(Variation.class);
    /**
     * Null to run each answer's runs in the other worlds (Unknowable) as soon as it is found; else the
     * checks not run yet, which {@link #knowable} runs: a counterfactual's answer that is the key's
     * is read as no answer at all, so only one that differs needs them.
     */
    private final List<BooleanSupplier> worldChecks;
    private Session.Report plain;

    Runs(Exercise ex, List<Module> modules, Problems problems, Counterfactual counterfactual, Limits limits) {
        this(ex, modules, problems, counterfactual, limits, false);
    }

    /** {@code worldsLater}: the other worlds' runs wait for {@link #knowable}. */
    Runs(Exercise ex, List<Module> modules, Problems problems, Counterfactual counterfactual, Limits limits, boolean worldsLater) {
        this.ex = ex;
        this.modules = modules;
        this.problems = problems;
        this.counterfactual = counterfactual;
        this.limits = limits;
        this.worldChecks = worldsLater ? new ArrayList<>() : null;
    }

    /**
     * Whether the answers found so far come out the same in the other worlds, running the checks
     * they left (each reports its problem); true at once when the checks ran with their answers.
     */
    boolean knowable() {
        if (worldChecks == null) return true;
        for (BooleanSupplier check : worldChecks) if (!check.getAsBoolean()) return false;
        worldChecks.clear();
        return true;
    }

    /** Runs {@code check} now, or leaves it to {@link #knowable}; false when it ran and failed. */
    private boolean inOtherWorlds(BooleanSupplier check) {
        if (worldChecks == null) return check.getAsBoolean();
        worldChecks.add(check);
        return true;
    }

    /** True when {@code unknowable} is null; else reports why question {@code q} cannot be keyed. */
    private boolean keyable(Question q, String unknowable) {
        if (unknowable == null) return true;
        problems.at(q.pos(), "question '" + q.id() + "' cannot be keyed: " + unknowable);
        return false;
    }

    private Session.Report run(Instrumented program, Session session) {
        Session.Report r = program.run(ex, session);
        consulted.addAll(r.consulted());
        return r;
    }

    private Instrumented program(boolean withCaptures, Instrumented.Extra extra) {
        return new Instrumented(ex, modules, withCaptures, extra, counterfactual, limits);
    }

    /** The program itself must run inside the simulator's subset and limits. */
    boolean programRuns() {
        Session.Report r = plainRun();
        if (dev.refgrade.runtime.Programs.stoppedBySimulator(r.exitCode(), r.stderr())) {
            problems.at(ex.code().origin(), "the program cannot be keyed: " + r.stderr().strip());
            return false;
        }
        return true;
    }

    /** Takes the plain run {@code other} made of the same program, with the same counterfactual and limits, instead of running it again. */
    void sharePlainRun(Runs other) {
        plain = other.plainRun();
    }

    /** The program as written, with nothing inserted: run once, since an output question asks for it again. */
    Session.Report plainRun() {
        if (plain == null) {
            Instrumented program = program(false, null);
            plain = run(program, program.session());
        }
        return plain;
    }

    Answer answer(Question q, List<Keyer.Probed> probed) {
        return switch (q.kind()) {
            case INT, BOOL, TEXT -> {
                String text = probe(q, q.expr(), probed);
                yield text == null ? null : ProbeText.answer(q, text, problems);
            }
            case CHOICE -> choice(q, probed);
            case OUTPUT -> output(q, probed);
            case LINES -> lines(q);
            case HEAP -> heap(q);
        };
    }

    /** The probe's printed text (its repr, without the newline) in the run it names, or null. */
    private String probe(Question q, Probe expr, List<Keyer.Probed> probed) {
        var extra = new Instrumented.Extra(q.at(), "print(repr(" + expr.expr() + "))");
        Instrumented program = program(usesHandles(expr.expr()), extra);
        Session.Report r = run(program, program.session().watch(program.site));
        if (r.failedOn() != null) {
            problems.at(expr.pos(), "the probe raises " + lastLine(r.stderr()) + " when it runs after " + q.at().describe());
            return null;
        }
        String hit = pick(q.at(), r.printed().get(program.site), r);
        if (hit == null) return null;
        if (!inOtherWorlds(() -> keyable(q, Unknowable.reason(w -> {
            Session.Report other = run(program, program.session().world(w).watch(program.site));
            return other.failedOn() != null ? "" : selected(q.at(), other.printed().get(program.site));
        }, hit, r.observed())))) {
            return null;
        }
        String text = hit.endsWith("\n") ? hit.substring(0, hit.length() - 1) : hit;
        probed.add(new Keyer.Probed(q.id() + (q.kind() == Kind.CHOICE ? "[" + expr.expr() + "]" : ""), program,
                q.at().hit(), text, q.kind(), 0, r.observed()));
        return text;
    }

    /** The text of the run the point asks for; reports why there is none. */
    private String pick(Point at, List<String> hits, Session.Report r) {
        String stopped = r.exitCode() == 1 ? " (the program stops with " + lastLine(r.stderr()) + ")" : "";
        boolean refused = dev.refgrade.runtime.Programs.stoppedBySimulator(r.exitCode(), r.stderr());
        if (refused && (hits == null || hits.isEmpty())) {
            // The program itself ran (programRuns): what the simulator refused, or the limit it met, is the probe's.
            problems.at(at.pos(), "the probe after " + at.describe() + " cannot be keyed: " + lastLine(r.stderr()));
            return null;
        }
        if (hits == null || hits.isEmpty()) {
            problems.at(at.pos(), "the probe after " + at.describe() + " never runs: that line never runs, or a return, break or continue"
                    + " ends its block first" + stopped);
            return null;
        }
        if (at.hit() == 0 && hits.size() > 1) {
            problems.at(at.pos(), at.describe() + " runs " + hits.size() + " times; say which run with hit: 1 to " + hits.size() + ", or hit: last");
            return null;
        }
        if (at.hit() > hits.size()) {
            problems.at(at.pos(), at.describe() + " runs only " + hits.size() + " time" + (hits.size() == 1 ? "" : "s") + "; hit: " + at.hit()
                    + " never comes" + stopped);
            return null;
        }
        return selected(at, hits);
    }

    /** The run the point names among a line's runs, or "" when there is no such run. */
    private static String selected(Point at, List<String> hits) {
        return Objects.requireNonNullElse(nth(at, hits), "");
    }

    /** What the run the point names left among those of its line, or null when there is no such run. */
    private static <T> T nth(Point at, List<T> hits) {
        if (hits == null || hits.isEmpty() || at.hit() > hits.size()) return null;
        return at.hit() == Point.LAST ? hits.get(hits.size() - 1) : hits.get(Math.max(at.hit(), 1) - 1);
    }

    /**
     * Who holds each object {@code call} (a call of __refgrade_holders__) is given, in the run of
     * the question's point; null when that run does not come or the call raises.
     */
    List<Held> held(Question q, String call) {
        Instrumented program = program(usesHandles(call), new Instrumented.Extra(q.at(), call));
        Session.Report r = run(program, program.session().watch(program.site));
        return r.failedOn() != null ? null : nth(q.at(), r.held().get(program.site));
    }

    private Answer choice(Question q, List<Keyer.Probed> probed) {
        List<Integer> correct = new ArrayList<>();
        for (int i = 0; i < q.choices().size(); i++) {
            Probe c = q.choices().get(i);
            String text = probe(q, c, probed);
            if (text == null) return null;
            if (!text.equals("True") && !text.equals("False")) {
                problems.at(c.pos(), "choice '" + c.expr() + "' gives " + text + "; a choice must give True or False");
                return null;
            }
            if (text.equals("True")) correct.add(i);
        }
        return new Answer.ChoiceAnswer(List.copyOf(correct));
    }

    private Answer output(Question q, List<Keyer.Probed> probed) {
        Instrumented program = program(false, null);
        java.util.function.Function<World, String> printed = w -> {
            Session.Report r = w == World.BASE ? plainRun() : run(program, program.session().world(w));
            return q.cell() > 0 ? program.cellOutput(r, q.cell()) : r.stdout();
        };
        String text = printed.apply(World.BASE);
        Set<World.Fact> observed = plainRun().observed();
        if (!inOtherWorlds(() -> keyable(q, Unknowable.reason(printed, text, observed)))) return null;
        probed.add(new Keyer.Probed(q.id(), program, 0, text, Kind.OUTPUT, q.cell(), observed));
        return new Answer.OutputAnswer(text);
    }

    private Answer lines(Question q) {
        Instrumented program = program(true, null);
        Session.Report r = run(program, program.session());
        int slot = program.handles.indexOf(q.track());
        Session.Capture c = r.captures().get(slot);
        Exercise.Capture decl = ex.captures().get(slot);
        if (!c.captured()) {
            problems.at(decl.at().pos(), "capture '" + q.track() + "' never runs, so question '" + q.id() + "' has nothing to track");
            return null;
        }
        int cell = q.cell() > 0 ? q.cell() : Math.max(decl.at().cell(), decl.at().afterCell() + 1);
        String file = ex.sourceName(Math.min(cell, Math.max(1, ex.sources().size())));
        TreeSet<Integer> lines = new TreeSet<>();
        if (q.event() == Event.FREED) {
            if (c.freedOn() == null) {
                problems.at(q.pos(), "the object captured as '" + q.track() + "' is never freed while a line runs (it lives until the interpreter exits)");
                return null;
            }
            int line = program.originalLine(c.freedOn(), file);
            if (line > 0) lines.add(line);
        } else {
            for (Session.Site s : c.changedOn()) {
                int line = program.originalLine(s, file);
                if (line > 0) lines.add(line);
            }
        }
        return new Answer.LinesAnswer(List.copyOf(lines));
    }

    private Answer heap(Question q) {
        Instrumented program = program(false, new Instrumented.Extra(q.at(), "pass"));
        Session.Report r = run(program, program.session().snapshot(program.site, q.names()).watch(program.site));
        String hit = pick(q.at(), r.printed().get(program.site), r);
        if (hit == null) return null;
        HeapGraph g = nth(q.at(), r.snapshots().get(program.site));
        for (String n : q.names()) {
            if (!g.names().containsKey(n)) problems.at(q.pos(), "name '" + n + "' is not bound after " + q.at().describe());
        }
        return problems.any() ? null : new Answer.HeapAnswer(g);
    }

    /** The whole stack's graph where a question probes (its hit), or null for a question without a point. */
    StackGraph stackAt(Question q) {
        if (q.at() == null) return null;
        Instrumented program = program(false, new Instrumented.Extra(q.at(), "pass"));
        Session.Report r = run(program, program.session().stack(program.site));
        return nth(q.at(), r.stacks().get(program.site));
    }

    private boolean usesHandles(String expr) {
        for (Exercise.Capture c : ex.captures()) if (mentions(expr, c.name())) return true;
        return false;
    }

    /** Whether {@code name} occurs in {@code expr} as a whole word, as the regular expression \b finds it (without compiling one per probe). */
    private static boolean mentions(String expr, String name) {
        for (int i = expr.indexOf(name); i >= 0; i = expr.indexOf(name, i + 1)) {
            int end = i + name.length();
            if ((i == 0 || !isWord(expr.charAt(i - 1))) && (end == expr.length() || !isWord(expr.charAt(end)))) return true;
        }
        return false;
    }

    private static boolean isWord(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    static String lastLine(String stderr) {
        String[] lines = stderr.strip().split("\n");
        return lines[lines.length - 1];
    }
}
