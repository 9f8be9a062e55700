package dev.refgrade.runtime.compile;

import dev.refgrade.python.Expr;
import dev.refgrade.python.Stmt;
import dev.refgrade.runtime.CompileError;
import dev.refgrade.runtime.protocol.Compare;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One scope of CPython's symbol table (Python/symtable.c): which names a module, class or
 * function body binds, which it declares global or nonlocal, and which it takes from an
 * enclosing function (free) or lends to a nested one (cell).
 */
public final class Scope {
    public enum Kind { MODULE, CLASS, FUNCTION }

    public enum Binding { LOCAL, CELL, FREE, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, NAME }

    final Kind kind;
    final Scope parent;
    final String name;
    final List<String> params = new ArrayList<>();
    final Set<String> assigned = new LinkedHashSet<>();
    final Set<String> referenced = new LinkedHashSet<>();
    final Set<String> globals = new LinkedHashSet<>();
    final Set<String> nonlocals = new LinkedHashSet<>();
    final Map<Object, Scope> children = new LinkedHashMap<>();
    /** Names this scope must keep in cells because a nested function uses them. */
    final Set<String> cells = new LinkedHashSet<>();
    /** Names taken from an enclosing function, in the order first needed. */
    final Set<String> frees = new LinkedHashSet<>();

    private Scope(Kind kind, Scope parent, String name) {
        this.kind = kind;
        this.parent = parent;
        this.name = name;
    }

    static Scope ofModule(List<Stmt> body) {
        Scope s = new Scope(Kind.MODULE, null, "<module>");
        s.visitBody(body);
        s.resolve();
        return s;
    }

    Scope child(Object node) {
        return children.get(node);
    }

    public Binding binding(String id) {
        if (kind == Kind.MODULE) return Binding.NAME;
        if (globals.contains(id)) return Binding.GLOBAL_EXPLICIT;
        if (kind == Kind.CLASS) return frees.contains(id) && !assigned.contains(id) ? Binding.FREE : Binding.NAME;
        if (cells.contains(id)) return Binding.CELL;
        if (frees.contains(id)) return Binding.FREE;
        if (assigned.contains(id) || params.contains(id)) return Binding.LOCAL;
        return Binding.GLOBAL_IMPLICIT;
    }

    // ---- collecting names ------------------------------------------------------------------

    private void visitBody(List<Stmt> body) {
        for (Stmt s : body) visit(s);
    }

    private void bind(String id) {
        if (!globals.contains(id) && !nonlocals.contains(id)) assigned.add(id);
    }

    private void visit(Stmt s) {
        switch (s) {
            case Stmt.ExprStmt e -> visit(e.value());
            case Stmt.Assign a -> {
                visit(a.value());
                a.targets().forEach(this::target);
            }
            case Stmt.AugAssign a -> {
                visit(a.value());
                target(a.target());
                if (a.target() instanceof Expr.Name n) referenced.add(n.id());
            }
            case Stmt.Delete d -> d.targets().forEach(this::target);
            case Stmt.Return r -> {
                if (r.value() != null) visit(r.value());
            }
            case Stmt.Global g -> globals.addAll(g.names());
            case Stmt.Nonlocal n -> nonlocals.addAll(n.names());
            case Stmt.If i -> {
                visit(i.test());
                visitBody(i.body());
                visitBody(i.orelse());
            }
            case Stmt.While w -> {
                visit(w.test());
                visitBody(w.body());
                visitBody(w.orelse());
            }
            case Stmt.For f -> {
                visit(f.iter());
                target(f.target());
                visitBody(f.body());
                visitBody(f.orelse());
            }
            case Stmt.FunctionDef f -> {
                for (Stmt.Param p : f.params()) if (p.defaultValue() != null) visit(p.defaultValue());
                bind(f.name());
                Scope c = new Scope(Kind.FUNCTION, this, f.name());
                for (Stmt.Param p : f.params()) c.params.add(p.name());
                c.visitBody(f.body());
                children.put(f, c);
            }
            case Stmt.ClassDef c -> {
                c.bases().forEach(this::visit);
                bind(c.name());
                Scope cs = new Scope(Kind.CLASS, this, c.name());
                cs.visitBody(c.body());
                children.put(c, cs);
            }
            case Stmt.Import i -> {
                for (Stmt.Alias a : i.names()) bind(a.asName() != null ? a.asName() : a.name().split("\\.")[0]);
            }
            case Stmt.Raise r -> {
                if (r.exc() != null) visit(r.exc());
                if (r.cause() != null) visit(r.cause());
            }
            case Stmt.Assert a -> {
                visit(a.test());
                if (a.msg() != null) visit(a.msg());
            }
            case Stmt.Try t -> {
                visitBody(t.body());
                for (Stmt.ExceptHandler h : t.handlers()) {
                    if (h.type() != null) visit(h.type());
                    if (h.name() != null) bind(h.name());
                    visitBody(h.body());
                }
                visitBody(t.orelse());
                visitBody(t.finalbody());
            }
            case Stmt.With w -> {
                for (Stmt.WithItem item : w.items()) {
                    visit(item.contextExpr());
                    if (item.target() != null) target(item.target());
                }
                visitBody(w.body());
            }
            case Stmt.Pass p -> {}
            case Stmt.Break b -> {}
            case Stmt.Continue c -> {}
            default -> throw Refusals.unexpected(s, s.span());
        }
    }

    private void target(Expr t) {
        switch (t) {
            case Expr.Name n -> bind(n.id());
            case Expr.TupleExpr tu -> tu.elts().forEach(this::target);
            case Expr.ListExpr l -> l.elts().forEach(this::target);
            case Expr.Attribute a -> visit(a.value());
            case Expr.Subscript s -> {
                visit(s.value());
                visit(s.index());
            }
            default -> visit(t);
        }
    }

    private void visit(Expr e) {
        switch (e) {
            case Expr.Name n -> referenced.add(n.id());
            case Expr.FString f -> f.parts().forEach(this::visit);
            case Expr.FormattedValue v -> {
                visit(v.value());
                if (v.formatSpec() != null) visit(v.formatSpec());
            }
            case Expr.BinOp b -> {
                visit(b.left());
                visit(b.right());
            }
            case Expr.UnaryOp u -> visit(u.operand());
            case Expr.BoolOp b -> b.values().forEach(this::visit);
            case Expr.Compare c -> {
                visit(c.left());
                c.comparators().forEach(this::visit);
            }
            case Expr.Call c -> {
                visit(c.func());
                c.args().forEach(this::visit);
                c.keywords().forEach(k -> visit(k.value()));
            }
            case Expr.Attribute a -> visit(a.value());
            case Expr.Subscript s -> {
                visit(s.value());
                visit(s.index());
            }
            case Expr.Slice s -> {
                if (s.lower() != null) visit(s.lower());
                if (s.upper() != null) visit(s.upper());
                if (s.step() != null) visit(s.step());
            }
            case Expr.ListExpr l -> l.elts().forEach(this::visit);
            case Expr.TupleExpr t -> t.elts().forEach(this::visit);
            case Expr.SetExpr s -> s.elts().forEach(this::visit);
            case Expr.DictExpr d -> {
                for (int i = 0; i < d.keys().size(); i++) {
                    visit(d.keys().get(i));
                    visit(d.values().get(i));
                }
            }
            case Expr.IfExp i -> {
                visit(i.test());
                visit(i.body());
                visit(i.orelse());
            }
            case Expr.Lambda l -> {
                for (Stmt.Param p : l.params()) if (p.defaultValue() != null) visit(p.defaultValue());
                Scope c = new Scope(Kind.FUNCTION, this, "<lambda>");
                for (Stmt.Param p : l.params()) c.params.add(p.name());
                c.visit(l.body());
                children.put(l, c);
            }
            case Expr.ListComp lc -> comprehension(lc, "<listcomp>", List.of(lc.elt()), lc.generators());
            case Expr.SetComp sc -> comprehension(sc, "<setcomp>", List.of(sc.elt()), sc.generators());
            case Expr.DictComp dc -> comprehension(dc, "<dictcomp>", List.of(dc.key(), dc.value()), dc.generators());
            default -> {}
        }
    }

    /**
     * symtable_handle_comprehension: the first iterable is evaluated here; the rest is a function
     * scope whose one parameter, '.0', is that iterable's iterator, and whose targets are its locals.
     */
    private void comprehension(Expr node, String name, List<Expr> elements, List<Expr.Comprehension> generators) {
        visit(generators.get(0).iter());
        Scope c = new Scope(Kind.FUNCTION, this, name);
        c.params.add(".0");
        for (int i = 0; i < generators.size(); i++) {
            Expr.Comprehension g = generators.get(i);
            c.target(g.target());
            if (i > 0) c.visit(g.iter());
            g.ifs().forEach(c::visit);
        }
        elements.forEach(c::visit);
        children.put(node, c);
    }

    // ---- resolving free variables ------------------------------------------------------------

    private void resolve() {
        for (Scope c : children.values()) c.resolve();
        if (kind == Kind.FUNCTION) {
            for (String id : nonlocals) requireFromEnclosing(id, true);
            for (String id : referenced) {
                if (!assigned.contains(id) && !params.contains(id) && !globals.contains(id) && !nonlocals.contains(id)) {
                    requireFromEnclosing(id, false);
                }
            }
        }
        if (kind == Kind.CLASS) {
            for (String id : referenced) if (!globals.contains(id)) requireFromEnclosing(id, false);
        }
    }

    /** Makes id free here if an enclosing function binds it, marking it a cell there and free in between. */
    private void requireFromEnclosing(String id, boolean mustExist) {
        for (Scope s = parent; s != null && s.kind != Kind.MODULE; s = s.parent) {
            if (s.kind == Kind.CLASS) continue;
            boolean bound = s.assigned.contains(id) || s.params.contains(id) || s.nonlocals.contains(id);
            if (bound && !s.globals.contains(id)) {
                if (s.nonlocals.contains(id)) s.frees.add(id);
                else s.cells.add(id);
                // A class body in between passes the cell on too (DEF_FREE_CLASS): its code's closure carries it.
                for (Scope mid = parent; mid != s; mid = mid.parent) mid.frees.add(id);
                frees.add(id);
                return;
            }
            if (s.globals.contains(id)) break;
            if (s.frees.contains(id)) {
                frees.add(id);
                return;
            }
        }
        if (mustExist) throw new CompileError("no binding for nonlocal '" + id + "' found", 0);
    }
}
