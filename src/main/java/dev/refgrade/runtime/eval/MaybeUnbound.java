package dev.refgrade.runtime.eval;

import dev.refgrade.python.Expr;
import dev.refgrade.python.Stmt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * flowgraph.c's add_checks_for_loads_of_uninitialized_variables, on the syntax tree: the loads of
 * a function's locals that CPython makes LOAD_FAST_CHECK because some path reaches them with the
 * local unbound. From 3.14 that matters to counts: a LOAD_FAST_CHECK is never made a borrowed load.
 *
 * A local is unsafe at the function's start unless it is a parameter; a store or a checked load
 * makes it safe, a del (and an inlined comprehension's clearing of a variable it shares with the
 * function) unsafe again; where paths join, unsafe on any of them is unsafe. An exception handler
 * starts with every state its try body passed through, and so does the code after a with
 * statement, whose __exit__ may swallow the exception. Code after a constant test that never holds
 * is not there (CPython folds it), and neither is a loop's exit when its test is a true constant.
 */
public final class MaybeUnbound {
    private final Predicate<String> local;
    /** A name as the function's code spells it (mangled in a class). */
    private final UnaryOperator<String> spelled;
    private final Set<Expr.Name> checked = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The innermost loop first: the states its break and continue statements leave. */
    private final Deque<Loop> loops = new ArrayDeque<>();
    /** The states a try or with body passes through, for its handler (innermost first). */
    private final Deque<Set<String>> handlers = new ArrayDeque<>();
    /** The locals bound on every path here (the complement of flowgraph.c's unsafe mask); null where no path comes. */
    private Set<String> safe;
    /** False while walking a finally block's exceptional copy, whose loads are never borrowed anyway. */
    private boolean recording = true;

    private record Loop(List<Set<String>> breaks, List<Set<String>> continues) {}

    private MaybeUnbound(Predicate<String> local, UnaryOperator<String> spelled) {
        this.local = local;
        this.spelled = spelled;
    }

    /**
     * The loads in {@code body} CPython checks, for a function whose locals {@code local} tells, whose
     * parameters are {@code params}, and which spells a name as {@code spelled} does.
     */
    public static Set<Expr.Name> checkedLoads(List<Stmt> body, Predicate<String> local, List<String> params, UnaryOperator<String> spelled) {
        MaybeUnbound m = new MaybeUnbound(local, spelled);
        m.safe = new HashSet<>(params);
        m.block(body);
        return m.checked;
    }

    private void block(List<Stmt> body) {
        for (Stmt s : body) {
            if (safe == null) return;
            passing();
            stmt(s);
            passing();
        }
    }

    /** Every active handler may be entered from the state here. */
    private void passing() {
        if (safe == null) return;
        for (Set<String> h : handlers) h.retainAll(safe);
    }

    /** Where two paths meet: bound on both. */
    private static Set<String> join(Set<String> a, Set<String> b) {
        if (a == null) return b == null ? null : new HashSet<>(b);
        Set<String> out = new HashSet<>(a);
        if (b != null) out.retainAll(b);
        return out;
    }

    private Set<String> copy() {
        return safe == null ? null : new HashSet<>(safe);
    }

    private void stmt(Stmt s) {
        switch (s) {
            case Stmt.ExprStmt e -> expr(e.value());
            case Stmt.Assign a -> {
                expr(a.value());
                for (Expr t : a.targets()) store(t);
            }
            case Stmt.AugAssign a -> {
                if (a.target() instanceof Expr.Name n) load(n);
                else subexpressionsOfTarget(a.target());
                expr(a.value());
                store(a.target());
            }
            case Stmt.AnnAssign a -> {
                if (a.value() != null) {
                    expr(a.value());
                    store(a.target());
                }
            }
            case Stmt.Delete d -> {
                for (Expr t : d.targets()) delete(t);
            }
            case Stmt.Return r -> {
                if (r.value() != null) expr(r.value());
                safe = null;
            }
            case Stmt.Raise r -> {
                if (r.exc() != null) expr(r.exc());
                if (r.cause() != null) expr(r.cause());
                safe = null;
            }
            case Stmt.Break b -> {
                if (!loops.isEmpty()) loops.peek().breaks().add(copy());
                safe = null;
            }
            case Stmt.Continue c -> {
                if (!loops.isEmpty()) loops.peek().continues().add(copy());
                safe = null;
            }
            case Stmt.Assert a -> {
                expr(a.test());
                Set<String> holds = copy();
                if (a.msg() != null) expr(a.msg());
                safe = holds;
            }
            case Stmt.If i -> ifStmt(i);
            case Stmt.While w -> whileStmt(w);
            case Stmt.For f -> forStmt(f);
            case Stmt.Try t -> tryStmt(t.body(), t.handlers(), t.orelse(), t.finalbody());
            case Stmt.TryStar t -> tryStmt(t.body(), t.handlers(), t.orelse(), t.finalbody());
            case Stmt.With w -> withStmt(w);
            case Stmt.FunctionDef d -> {
                for (Expr e : d.decorators()) expr(e);
                parameterDefaults(d.params());
                bind(d.name());
            }
            case Stmt.ClassDef c -> {
                for (Expr e : c.decorators()) expr(e);
                for (Expr e : c.bases()) expr(e);
                for (Expr.Keyword k : c.keywords()) expr(k.value());
                bind(c.name());
            }
            case Stmt.Import i -> {
                for (Stmt.Alias a : i.names()) bind(a.asName() != null ? a.asName() : a.name().split("\\.")[0]);
            }
            case Stmt.ImportFrom i -> {
                for (Stmt.Alias a : i.names()) bind(a.asName() != null ? a.asName() : a.name());
            }
            default -> { } // pass, global, nonlocal
        }
    }

    private void parameterDefaults(List<Stmt.Param> params) {
        for (Stmt.Param p : params) if (p.defaultValue() != null) expr(p.defaultValue());
    }

    private void ifStmt(Stmt.If i) {
        Boolean constant = constant(i.test());
        if (constant == null) expr(i.test());
        Set<String> entry = copy();
        if (!Boolean.FALSE.equals(constant)) block(i.body());
        Set<String> body = Boolean.FALSE.equals(constant) ? null : safe;
        safe = Boolean.TRUE.equals(constant) ? null : entry;
        if (!Boolean.TRUE.equals(constant)) block(i.orelse());
        safe = join(body, safe);
    }

    private void whileStmt(Stmt.While w) {
        Boolean constant = constant(w.test());
        Loop loop = new Loop(new ArrayList<>(), new ArrayList<>());
        Set<String> head = loopHead(loop, () -> {
            if (constant == null) expr(w.test());
            if (!Boolean.FALSE.equals(constant)) block(w.body());
        });
        safe = head;
        if (constant == null) expr(w.test());
        if (Boolean.TRUE.equals(constant)) safe = null; // left only by break
        if (safe != null) block(w.orelse());
        for (Set<String> b : loop.breaks()) safe = join(safe, b);
    }

    private void forStmt(Stmt.For f) {
        expr(f.iter());
        if (safe == null) return;
        Loop loop = new Loop(new ArrayList<>(), new ArrayList<>());
        safe = loopHead(loop, () -> {
            store(f.target());
            block(f.body());
        }); // the iterator ran out
        block(f.orelse());
        for (Set<String> b : loop.breaks()) safe = join(safe, b);
    }

    /**
     * A loop's head: the state here, joined with every way back to it (the end of {@code iteration},
     * each continue), walked again until that changes nothing; {@code loop} keeps the last walk's breaks.
     */
    private Set<String> loopHead(Loop loop, Runnable iteration) {
        Set<String> head = copy();
        while (true) {
            loop.breaks().clear();
            loop.continues().clear();
            safe = new HashSet<>(head);
            loops.push(loop);
            iteration.run();
            loops.pop();
            Set<String> back = safe;
            for (Set<String> c : loop.continues()) back = join(back, c);
            Set<String> next = join(head, back);
            if (next.equals(head)) return head;
            head = next;
        }
    }

    private void tryStmt(List<Stmt> body, List<Stmt.ExceptHandler> handlerList, List<Stmt> orelse, List<Stmt> finalbody) {
        Set<String> entry = copy();
        if (entry == null) return;
        // A body of pass statements has no instruction to raise: its handlers are never reached.
        boolean canRaise = body.stream().anyMatch(s -> !(s instanceof Stmt.Pass));
        Set<String> entered = new HashSet<>(entry);
        if (!finalbody.isEmpty()) handlers.push(new HashSet<>(entry)); // for the finally block's exceptional copy
        if (!handlerList.isEmpty()) handlers.push(entered);
        block(body);
        passing();
        if (!handlerList.isEmpty()) handlers.pop();
        block(orelse);
        Set<String> after = safe;
        if (canRaise) {
            for (Stmt.ExceptHandler h : handlerList) {
                safe = new HashSet<>(entered);
                boolean wasRecording = recording;
                recording = false; // a handler is never borrowed from (optimize_load_fast does not enter it)
                if (h.type() != null) expr(h.type());
                if (h.name() != null) bind(h.name());
                block(h.body());
                if (h.name() != null && safe != null) safe.remove(spelled.apply(h.name())); // name = None; del name
                recording = wasRecording;
                after = join(after, safe);
            }
        }
        if (finalbody.isEmpty()) {
            safe = after;
            return;
        }
        Set<String> exceptional = handlers.pop();
        passing();
        // The exceptional copy ends in a re-raise; only the normal copy goes on.
        boolean wasRecording = recording;
        recording = false;
        safe = exceptional;
        block(finalbody);
        recording = wasRecording;
        safe = after;
        if (safe != null) block(finalbody);
    }

    private void withStmt(Stmt.With w) {
        for (Stmt.WithItem item : w.items()) {
            expr(item.contextExpr());
            if (item.target() != null) store(item.target());
        }
        Set<String> entered = copy();
        if (entered == null) return;
        handlers.push(entered);
        block(w.body());
        passing();
        handlers.pop();
        safe = join(safe, entered); // __exit__ may swallow what the body raised
    }

    /** A test CPython folds: the truth of a constant, else null. */
    static Boolean constant(Expr e) {
        return switch (e) {
            case Expr.BoolLit b -> b.value();
            case Expr.IntLit i -> i.value().signum() != 0;
            case Expr.FloatLit f -> f.value() != 0;
            case Expr.StrLit s -> !s.value().isEmpty();
            case Expr.BytesLit b -> !b.value().isEmpty();
            case Expr.NoneLit n -> false;
            case Expr.EllipsisLit el -> true;
            default -> null;
        };
    }

    private void bind(String id) {
        if (safe != null) safe.add(spelled.apply(id));
    }

    /** A load that does not raise leaves its local bound. */
    private void load(Expr.Name n) {
        if (safe == null || !local.test(n.id())) return;
        if (safe.add(spelled.apply(n.id())) && recording) checked.add(n);
    }

    private void store(Expr target) {
        switch (target) {
            case Expr.Name n -> bind(n.id());
            case Expr.TupleExpr t -> t.elts().forEach(this::store);
            case Expr.ListExpr l -> l.elts().forEach(this::store);
            case Expr.Starred st -> store(st.value());
            default -> subexpressionsOfTarget(target);
        }
    }

    private void delete(Expr target) {
        switch (target) {
            case Expr.Name n -> {
                if (safe != null) {
                    safe.remove(spelled.apply(n.id()));
                    passing();
                }
            }
            case Expr.TupleExpr t -> t.elts().forEach(this::delete);
            case Expr.ListExpr l -> l.elts().forEach(this::delete);
            default -> subexpressionsOfTarget(target);
        }
    }

    /** The loads an attribute or subscript target makes: its object, its index. */
    private void subexpressionsOfTarget(Expr target) {
        switch (target) {
            case Expr.Attribute a -> expr(a.value());
            case Expr.Subscript s -> {
                expr(s.value());
                expr(s.index());
            }
            default -> { }
        }
    }

    private void exprs(List<Expr> es) {
        for (Expr e : es) expr(e);
    }

    private void expr(Expr e) {
        if (e == null || safe == null) return;
        switch (e) {
            case Expr.Name n -> load(n);
            case Expr.NamedExpr n -> {
                expr(n.value());
                bind(n.target().id());
            }
            case Expr.BinOp b -> {
                expr(b.left());
                expr(b.right());
            }
            case Expr.UnaryOp u -> expr(u.operand());
            case Expr.BoolOp b -> {
                expr(b.values().get(0));
                eachUnlessStopped(b.values().subList(1, b.values().size()));
            }
            case Expr.Compare c -> {
                expr(c.left());
                expr(c.comparators().get(0));
                eachUnlessStopped(c.comparators().subList(1, c.comparators().size()));
            }
            case Expr.IfExp i -> {
                expr(i.test());
                Set<String> entry = copy();
                expr(i.body());
                Set<String> body = safe;
                safe = entry;
                expr(i.orelse());
                safe = join(body, safe);
            }
            case Expr.Call c -> {
                expr(c.func());
                exprs(c.args());
                for (Expr.Keyword k : c.keywords()) expr(k.value());
            }
            case Expr.Attribute a -> expr(a.value());
            case Expr.Subscript s -> {
                expr(s.value());
                expr(s.index());
            }
            case Expr.Slice s -> {
                expr(s.lower());
                expr(s.upper());
                expr(s.step());
            }
            case Expr.Starred st -> expr(st.value());
            case Expr.ListExpr l -> exprs(l.elts());
            case Expr.TupleExpr t -> exprs(t.elts());
            case Expr.SetExpr s -> exprs(s.elts());
            case Expr.DictExpr d -> {
                for (int i = 0; i < d.keys().size(); i++) {
                    expr(d.keys().get(i));
                    expr(d.values().get(i));
                }
            }
            case Expr.FString f -> exprs(f.parts());
            case Expr.FormattedValue v -> {
                expr(v.value());
                expr(v.formatSpec());
            }
            case Expr.Lambda l -> parameterDefaults(l.params());
            case Expr.GeneratorExp g -> expr(g.generators().get(0).iter()); // its own code
            case Expr.ListComp c -> inlined(c.generators(), List.of(c.elt()));
            case Expr.SetComp c -> inlined(c.generators(), List.of(c.elt()));
            case Expr.DictComp c -> inlined(c.generators(), List.of(c.key(), c.value()));
            case Expr.Yield y -> expr(y.value());
            case Expr.YieldFrom y -> expr(y.value());
            case Expr.Await a -> expr(a.value());
            default -> { } // literals
        }
    }

    /** Expressions each evaluated only if the one before did not end the whole (and, or, a chained comparison). */
    private void eachUnlessStopped(List<Expr> rest) {
        Set<String> out = copy();
        for (Expr v : rest) {
            expr(v);
            out = join(out, safe);
        }
        safe = out;
    }

    /**
     * PEP 709: a list, set or dict comprehension runs in the function's own frame. A variable it
     * shares with the function is saved and cleared first (LOAD_FAST_AND_CLEAR) and put back after
     * (STORE_FAST_MAYBE_NULL): unsafe both times. Its loops run any number of times.
     */
    private void inlined(List<Expr.Comprehension> generators, List<Expr> elements) {
        expr(generators.get(0).iter());
        Set<String> named = new HashSet<>(), shared = new HashSet<>();
        for (Expr.Comprehension g : generators) targetNames(g.target(), named);
        for (String n : named) if (local.test(n)) shared.add(spelled.apply(n));
        safe.removeAll(shared);
        passing();
        Set<String> head = copy();
        while (true) {
            safe = new HashSet<>(head);
            // Back to a loop's head after each element, and after each test that fails.
            Set<String> back = null;
            for (int i = 0; i < generators.size(); i++) {
                Expr.Comprehension g = generators.get(i);
                if (i > 0) expr(g.iter());
                store(g.target());
                for (Expr test : g.ifs()) {
                    expr(test);
                    back = join(back, safe);
                }
            }
            for (Expr e : elements) expr(e);
            back = join(back, safe);
            Set<String> next = join(head, back);
            if (next.equals(head)) break;
            head = next;
        }
        safe = head;
        safe.removeAll(shared);
        passing();
    }

    private static void targetNames(Expr target, Set<String> out) {
        switch (target) {
            case Expr.Name n -> out.add(n.id());
            case Expr.TupleExpr t -> t.elts().forEach(e -> targetNames(e, out));
            case Expr.ListExpr l -> l.elts().forEach(e -> targetNames(e, out));
            case Expr.Starred st -> targetNames(st.value(), out);
            default -> { }
        }
    }
}
