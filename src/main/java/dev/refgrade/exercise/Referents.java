package dev.refgrade.exercise;

import dev.refgrade.exercise.Exercise.Probe;
import dev.refgrade.exercise.Exercise.Question;
import dev.refgrade.python.CmpOp;
import dev.refgrade.python.Expr;
import dev.refgrade.python.ParseError;
import dev.refgrade.python.Stmt;
import dev.refgrade.runtime.Held;
import dev.refgrade.runtime.RecentModules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a probe looks at, and who holds it there: the objects its expression asks about (the
 * argument of sys.getrefcount, what refcount(h) or alive(h) follows, both sides of `is`, both
 * objects whose ids are compared, else a plain name, attribute or item), each with every reference
 * to it at the probe's point, found by a run of the program that asks the simulator at that point.
 */
public record Referents(Exercise.Point at, List<Referent> objects) {
    /** One object: the probe's expressions that give it, as written, and who holds it. */
    public record Referent(List<String> exprs, Held held) {}

    /**
     * An expression the probe asks about: the Python that gives it, its text, the call holding it
     * as its argument, and whether it is only the probe's plain value (a name, attribute or item).
     */
    private record Subject(String python, String shown, String argumentOf, boolean plain) {}

    static Optional<Referents> of(Exercise ex, Question q) {
        Set<String> handles = ex.captures().stream().map(Exercise.Capture::name).collect(Collectors.toSet());
        List<Subject> subjects = new ArrayList<>();
        for (Probe p : q.expr() != null ? List.of(q.expr()) : q.choices()) subjects(p.expr(), handles, subjects);
        if (subjects.isEmpty()) return Optional.empty();
        String call = subjects.stream().map(s -> "(" + s.python + ")").collect(Collectors.joining(", ", "__refgrade_holders__(", ")"));
        List<Held> held = new Keyer(ex, new Problems(ex.file())).held(q, call);
        if (held == null) return Optional.empty();
        List<Referent> out = new ArrayList<>();
        for (Held h : held) {
            List<Subject> named = h.args().stream().map(subjects::get).toList();
            // A plain value the interpreter shares (a bool, a small int) has nothing of the program's to explain.
            if (h.shared() && named.stream().allMatch(Subject::plain)) continue;
            String argumentOf = named.stream().map(Subject::argumentOf).filter(Objects::nonNull).findFirst().orElse(null);
            // The probe's call holds its argument while it runs: a reference the helper's own run cannot show.
            Held shown = argumentOf == null ? h
                    : h.with(new Held.Referrer(Held.Kind.ARGUMENT, "the argument " + argumentOf + "() holds while it runs"));
            out.add(new Referent(named.stream().map(Subject::shown).distinct().toList(), shown));
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(new Referents(q.at(), List.copyOf(out)));
    }

    /** Adds the subjects of one probe expression; a plain name, attribute or item is its own subject. */
    private static void subjects(String expr, Set<String> handles, List<Subject> out) {
        Expr e;
        try {
            if (!(RecentModules.parse("<probe>", expr + "\n").body().get(0) instanceof Stmt.ExprStmt s)) return;
            e = s.value();
        } catch (ParseError err) {
            return; // the checker refused this probe already
        }
        int before = out.size();
        collect(expr, e, handles, out);
        if (out.size() == before && (e instanceof Expr.Name || e instanceof Expr.Attribute || e instanceof Expr.Subscript)) {
            add(out, new Subject(expr.strip(), expr.strip(), null, true));
        }
    }

    private static void collect(String src, Expr e, Set<String> handles, List<Subject> out) {
        switch (e) {
            case Expr.Call c when c.args().size() == 1 && c.func() instanceof Expr.Attribute f && f.value() instanceof Expr.Name m
                    && m.id().equals("sys") && f.attr().equals("getrefcount") -> add(out, subject(src, c.args().get(0), "sys.getrefcount"));
            case Expr.Call c when c.args().size() == 1 && c.func() instanceof Expr.Name f && (f.id().equals("refcount") || f.id().equals("alive"))
                    && c.args().get(0) instanceof Expr.Name h && handles.contains(h.id()) ->
                    add(out, new Subject("__refgrade_captured__(" + h.id() + ")", h.id(), null, false));
            case Expr.Call c when c.args().size() == 1 && c.func() instanceof Expr.Name f && f.id().equals("id") ->
                    add(out, subject(src, c.args().get(0), null));
            case Expr.Compare c when c.ops().contains(CmpOp.IS) || c.ops().contains(CmpOp.IS_NOT) ->
                    Stream.concat(Stream.of(c.left()), c.comparators().stream()).forEach(o -> add(out, subject(src, o, null)));
            default -> children(e).forEach(child -> collect(src, child, handles, out));
        }
    }

    /** The subexpression as a subject; null for a literal (None, True, 5, 'a'), which has no holders of the program's. */
    private static Subject subject(String src, Expr e, String argumentOf) {
        if (e instanceof Expr.NoneLit || e instanceof Expr.BoolLit || e instanceof Expr.IntLit || e instanceof Expr.FloatLit
                || e instanceof Expr.ImagLit || e instanceof Expr.StrLit || e instanceof Expr.EllipsisLit) {
            return null;
        }
        String text = src.substring(e.span().col() - 1, e.span().endCol() - 1);
        return new Subject(text, text, argumentOf, false);
    }

    private static void add(List<Subject> out, Subject s) {
        if (s != null && out.stream().noneMatch(o -> o.python.equals(s.python))) out.add(s);
    }

    private static List<Expr> children(Expr e) {
        return switch (e) {
            case Expr.BinOp b -> List.of(b.left(), b.right());
            case Expr.UnaryOp u -> List.of(u.operand());
            case Expr.BoolOp b -> b.values();
            case Expr.Compare c -> Stream.concat(Stream.of(c.left()), c.comparators().stream()).toList();
            case Expr.Call c -> Stream.concat(c.args().stream(), c.keywords().stream().map(Expr.Keyword::value)).toList();
            case Expr.Attribute a -> List.of(a.value());
            case Expr.Subscript s -> List.of(s.value(), s.index());
            case Expr.TupleExpr t -> t.elts();
            case Expr.ListExpr l -> l.elts();
            case Expr.IfExp i -> List.of(i.test(), i.body(), i.orelse());
            default -> List.of();
        };
    }
}
