package dev.refgrade.runtime.compile;

import dev.refgrade.python.Expr;
import dev.refgrade.python.Span;
import dev.refgrade.python.Stmt;
import dev.refgrade.runtime.Unsupported;
import java.util.List;
import java.util.Set;

/**
 * The one place that refuses, by name, syntax the parser accepts but the simulator does not run
 * yet. It walks a whole module before any of it is compiled, so a refused program prints nothing
 * and exits 2; the construct named is the first in source order, as when the parser refused them.
 * To support a construct, implement it and delete its line here.
 */
public final class Refusals {
    private String what;
    private Span where;

    private Refusals() {}

    /** A refused construct: its name, and where it starts. */
    public record Refused(String what, Span where) {}

    /** The first refused construct of body in source order, or null. */
    public static Refused first(List<Stmt> body) {
        synchronized (CHECKED) {
            for (Checked c : CHECKED) if (c != null && c.body == body) return c.refused;
        }
        var r = new Refusals();
        r.block(body);
        Refused found = r.what == null ? null : new Refused(r.what, r.where);
        synchronized (CHECKED) {
            CHECKED[next] = new Checked(body, found);
            next = (next + 1) % CHECKED.length;
        }
        return found;
    }

    private record Checked(List<Stmt> body, Refused refused) {}

    /**
     * The bodies walked last, by identity, with what each refuses: a parsed module is shared by every
     * run of its text (RecentModules), and each run asked twice, before it ran and as it compiled.
     */
    private static final Checked[] CHECKED = new Checked[64];
    private static int next;

    /** Throws {@link Unsupported} for the first refused construct of body, if there is one. */
    public static void check(List<Stmt> body) {
        Refused r = first(body);
        if (r != null) throw new Unsupported(r.what(), r.where().line());
    }

    /** The name of a node the runtime has no case for; its compiler never meets one, since check came first. */
    public static Unsupported unexpected(Object node, Span span) {
        return new Unsupported(node.getClass().getSimpleName(), span.line());
    }

    private void refuse(String construct, Span at) {
        if (what == null || at.line() < where.line() || at.line() == where.line() && at.col() < where.col()) {
            what = construct;
            where = at;
        }
    }

    private void block(List<Stmt> body) {
        body.forEach(this::stmt);
    }

    private void exprs(List<Expr> es) {
        for (Expr e : es) if (e != null) expr(e);
    }

    private void opt(Expr e) {
        if (e != null) expr(e);
    }

    private void stmt(Stmt s) {
        switch (s) {
            case Stmt.ExprStmt e -> expr(e.value());
            case Stmt.Assign a -> {
                a.targets().forEach(this::target);
                expr(a.value());
            }
            case Stmt.AugAssign a -> {
                expr(a.target());
                expr(a.value());
            }
            case Stmt.Delete d -> exprs(d.targets());
            case Stmt.Return r -> opt(r.value());
            case Stmt.If i -> {
                expr(i.test());
                block(i.body());
                block(i.orelse());
            }
            case Stmt.While w -> {
                expr(w.test());
                block(w.body());
                block(w.orelse());
            }
            case Stmt.For f -> {
                target(f.target());
                expr(f.iter());
                block(f.body());
                block(f.orelse());
            }
            case Stmt.FunctionDef f -> {
                exprs(f.decorators());
                params(f.params());
                opt(f.returns());
                block(f.body());
            }
            case Stmt.ClassDef c -> {
                exprs(c.decorators());
                for (Expr b : c.bases()) {
                    if (b instanceof Expr.Starred st) refuse("base unpacking with * in a class statement", st.span());
                    expr(b instanceof Expr.Starred st ? st.value() : b);
                }
                for (Expr.Keyword k : c.keywords()) {
                    if ("metaclass".equals(k.name())) {
                        // metaclass=type is the default spelled out (checked again when the class statement runs).
                        // So is enum's EnumType (EnumMeta), the one metaclass modelled.
                        if (!(k.value() instanceof Expr.Name n && Set.of("type", "EnumType", "EnumMeta").contains(n.id())
                                || k.value() instanceof Expr.Attribute at && Set.of("EnumType", "EnumMeta").contains(at.attr()))) {
                            String what = k.value() instanceof Expr.Name n ? n.id() : "...";
                            refuse("metaclass=" + what + " (a metaclass other than type)", k.span());
                        }
                    } else {
                        refuse(k.name() == null ? "keyword unpacking with ** in a class statement"
                                : "class keyword argument '" + k.name() + "' (passed to __init_subclass__)", k.span());
                    }
                    expr(k.value());
                }
                block(c.body());
            }
            case Stmt.AnnAssign a -> {
                expr(a.target());
                expr(a.annotation());
                opt(a.value());
            }
            case Stmt.Raise r -> {
                opt(r.exc());
                opt(r.cause());
            }
            case Stmt.Assert a -> {
                expr(a.test());
                opt(a.msg());
            }
            case Stmt.Try t -> tryStatement(t.body(), t.handlers(), t.orelse(), t.finalbody());
            case Stmt.TryStar t -> {
                refuse("try statement with except*", t.span());
                tryStatement(t.body(), t.handlers(), t.orelse(), t.finalbody());
            }
            case Stmt.With w -> {
                for (Stmt.WithItem item : w.items()) {
                    expr(item.contextExpr());
                    if (item.target() != null) target(item.target());
                }
                block(w.body());
            }
            case Stmt.ImportFrom i when i.level() > 0 -> refuse("relative import", i.span());
            case Stmt.ImportFrom i when i.names().stream().anyMatch(a -> a.name().equals("*")) -> refuse("from ... import *", i.span());
            case Stmt.ImportFrom i -> { }
            case Stmt.Import i -> { }
            case Stmt.Global g -> { }
            case Stmt.Nonlocal n -> { }
            case Stmt.Pass p -> { }
            case Stmt.Break b -> { }
            case Stmt.Continue c -> { }
        }
    }

    private void tryStatement(List<Stmt> body, List<Stmt.ExceptHandler> handlers, List<Stmt> orelse, List<Stmt> finalbody) {
        block(body);
        for (Stmt.ExceptHandler h : handlers) {
            opt(h.type());
            block(h.body());
        }
        block(orelse);
        block(finalbody);
    }

    private void params(List<Stmt.Param> params) {
        for (Stmt.Param p : params) {
            opt(p.annotation());
            opt(p.defaultValue());
        }
    }

    /** A list, tuple or set display's items: there * unpacks an iterable into the display. */
    private void displayItems(List<Expr> elts) {
        for (Expr e : elts) expr(e instanceof Expr.Starred st ? st.value() : e);
    }

    /** A call's arguments: there, * and ** unpack arguments. */
    private void arguments(List<Expr> args, List<Expr.Keyword> keywords) {
        for (Expr a : args) expr(a instanceof Expr.Starred st ? st.value() : a);
        for (Expr.Keyword k : keywords) expr(k.value());
    }

    private void comprehension(Expr elt, List<Expr.Comprehension> generators) {
        opt(elt);
        for (Expr.Comprehension g : generators) {
            target(g.target());
            expr(g.iter());
            exprs(g.ifs());
        }
    }

    /** An assignment target: there a starred name takes the rest of the items (one per target list). */
    private void target(Expr t) {
        List<Expr> elts = t instanceof Expr.TupleExpr x ? x.elts() : t instanceof Expr.ListExpr x ? x.elts() : null;
        if (elts == null) {
            expr(t);
            return;
        }
        long stars = elts.stream().filter(e -> e instanceof Expr.Starred).count();
        for (Expr e : elts) {
            if (e instanceof Expr.Starred st) {
                // CPython's compiler rejects two: a SyntaxError not modelled here.
                if (stars > 1) refuse("multiple starred expressions in assignment", st.span());
                target(st.value());
            } else {
                target(e);
            }
        }
    }

    private void expr(Expr e) {
        switch (e) {
            case Expr.Starred st -> {
                refuse("starred expression", st.span());
                expr(st.value());
            }
            case Expr.NamedExpr n -> expr(n.value());
            case Expr.Yield y -> opt(y.value());
            case Expr.YieldFrom y -> expr(y.value());
            case Expr.Await a -> {
                refuse("await expression", a.span());
                expr(a.value());
            }
            case Expr.GeneratorExp g -> comprehension(g.elt(), g.generators());
            case Expr.Call c -> {
                expr(c.func());
                arguments(c.args(), c.keywords());
            }
            case Expr.DictExpr d -> {
                for (int i = 0; i < d.keys().size(); i++) {
                    opt(d.keys().get(i));
                    expr(d.values().get(i));
                }
            }
            case Expr.Lambda l -> {
                params(l.params());
                expr(l.body());
            }
            case Expr.BinOp b -> {
                expr(b.left());
                expr(b.right());
            }
            case Expr.UnaryOp u -> expr(u.operand());
            case Expr.BoolOp b -> exprs(b.values());
            case Expr.Compare c -> {
                expr(c.left());
                exprs(c.comparators());
            }
            case Expr.Attribute a -> expr(a.value());
            case Expr.Subscript s -> {
                expr(s.value());
                expr(s.index());
            }
            case Expr.Slice s -> {
                opt(s.lower());
                opt(s.upper());
                opt(s.step());
            }
            case Expr.ListExpr l -> displayItems(l.elts());
            case Expr.TupleExpr t -> displayItems(t.elts());
            case Expr.SetExpr s -> displayItems(s.elts());
            case Expr.IfExp i -> {
                expr(i.test());
                expr(i.body());
                expr(i.orelse());
            }
            case Expr.FString f -> exprs(f.parts());
            case Expr.FormattedValue v -> {
                expr(v.value());
                opt(v.formatSpec());
            }
            case Expr.ListComp c -> comprehension(c.elt(), c.generators());
            case Expr.SetComp c -> comprehension(c.elt(), c.generators());
            case Expr.DictComp c -> {
                expr(c.key());
                comprehension(c.value(), c.generators());
            }
            case Expr.Name n -> { }
            case Expr.IntLit i -> { }
            case Expr.FloatLit f -> { }
            case Expr.ImagLit j -> { }
            case Expr.StrLit s -> { }
            case Expr.BytesLit b -> { }
            case Expr.BoolLit b -> { }
            case Expr.NoneLit n -> { }
            case Expr.EllipsisLit el -> { }
        }
    }
}
