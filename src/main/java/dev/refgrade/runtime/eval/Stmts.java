package dev.refgrade.runtime.eval;

import dev.refgrade.python.Expr;
import dev.refgrade.python.Stmt;
import dev.refgrade.runtime.Unsupported;
import dev.refgrade.runtime.Variation;
import dev.refgrade.runtime.compile.Compiler;
import dev.refgrade.runtime.memory.CycleCollector;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyCell;
import dev.refgrade.runtime.objects.PyCode.Eval;
import dev.refgrade.runtime.objects.PyCode.Exec;
import dev.refgrade.runtime.objects.PyCode;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyModule;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.stdlib.CopyModule;
import dev.refgrade.runtime.stdlib.Modules;
import java.util.ArrayList;
import java.util.List;

/** Compiles statements into closures that return how they finished (normally, break, continue, return). */
public final class Stmts {
    private final Compiler c;
    private final Compiler.Unit u;
    private final PyRuntime rt;
    private final Heap heap;
    private final Exprs exprs;

    public Stmts(Compiler c, Compiler.Unit u) {
        this.c = c;
        this.u = u;
        this.rt = c.rt;
        this.heap = rt.heap;
        this.exprs = new Exprs(c, u);
    }

    /**
     * Compiles the statements in order; past one the normal flow cannot complete (Flow), the rest
     * is reached only through an exception handler, or never.
     */
    public Exec[] block(List<Stmt> body) {
        boolean entry = u.normalFlow;
        Exec[] out = new Exec[body.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = stmt(body.get(i));
            if (!Flow.completes(body.get(i))) u.normalFlow = false;
        }
        u.normalFlow = entry;
        return out;
    }

    static int run(Exec[] body, Frame f) {
        for (Exec e : body) {
            int signal = e.exec(f);
            if (signal != PyCode.NORMAL) return signal;
        }
        return PyCode.NORMAL;
    }

    /** Every statement first records its line, counts a step, and tells the line hook. */
    private Exec stmt(Stmt s) {
        Exec inner = compile(s);
        int line = s.span().line();
        Interpreter interp = rt.interp;
        if (rt.varies(Variation.CYCLES_FREED_AT_ONCE)) {
            // As if counting references freed cycles too: whatever became unreachable is gone
            // before the next statement, found by a full collection after each one.
            return f -> {
                f.line = line;
                interp.beforeLine(f, line);
                int signal = traced(inner, f);
                new CycleCollector(heap).collect(Heap.GENERATIONS - 1);
                return signal;
            };
        }
        return f -> {
            f.line = line;
            interp.beforeLine(f, line);
            return traced(inner, f);
        };
    }

    /** An exception coming out of a statement reaches ceval's error label: the frame adds its traceback entry. */
    private int traced(Exec inner, Frame f) {
        try {
            return inner.exec(f);
        } catch (PyException e) {
            if (e.needsTraceback) rt.interp.exc.traceHere(e, f);
            throw e;
        }
    }

    /** A cell's last expression: its value's repr is shown, unless it is None (Out[N] in a notebook). */
    public Exec displayed(Stmt.ExprStmt e) {
        Eval v = exprs.expr(e.value());
        int line = e.span().line();
        Interpreter interp = rt.interp;
        return f -> {
            f.line = line;
            interp.beforeLine(f, line);
            PyObject value;
            try {
                value = v.eval(f);
            } catch (PyException x) {
                if (x.needsTraceback) rt.interp.exc.traceHere(x, f);
                throw x;
            }
            try {
                if (value != PyRuntime.NONE) rt.out.write(rt.ops.repr(value) + "\n");
            } finally {
                heap.decref(value);
            }
            return PyCode.NORMAL;
        };
    }

    private Exec compile(Stmt s) {
        return switch (s) {
            case Stmt.ExprStmt e -> {
                Eval v = exprs.expr(e.value());
                yield f -> {
                    heap.decref(v.eval(f));
                    return PyCode.NORMAL;
                };
            }
            case Stmt.Assign a -> assign(a);
            case Stmt.AnnAssign a -> annotated(a);
            case Stmt.AugAssign a -> new Targets(exprs, u, rt).augAssign(a);
            case Stmt.Delete d -> {
                List<Names.Delete> dels = new ArrayList<>();
                Targets t = new Targets(exprs, u, rt);
                for (Expr target : d.targets()) {
                    if (target instanceof Expr.Name n && rt.varies(Variation.DEL_DESTROYS)) dels.add(destroying(n.id()));
                    t.deletes(target, dels);
                }
                Names.Delete[] all = dels.toArray(new Names.Delete[0]);
                yield f -> {
                    for (Names.Delete del : all) del.delete(f);
                    return PyCode.NORMAL;
                };
            }
            case Stmt.Pass p -> f -> PyCode.NORMAL;
            case Stmt.Break b -> f -> PyCode.BREAK;
            case Stmt.Continue cn -> f -> PyCode.CONTINUE;
            case Stmt.Return r -> {
                Eval v = r.value() == null ? null : exprs.expr(r.value());
                yield f -> {
                    f.retval = v == null ? PyRuntime.NONE : v.eval(f);
                    return PyCode.RETURN;
                };
            }
            case Stmt.Global g -> f -> PyCode.NORMAL;
            case Stmt.Nonlocal n -> f -> PyCode.NORMAL;
            case Stmt.If i -> {
                Eval test = exprs.expr(i.test());
                Exec[] body = block(i.body()), orelse = block(i.orelse());
                yield f -> exprs.truth(test, f) ? run(body, f) : run(orelse, f);
            }
            case Stmt.While w -> whileLoop(w);
            case Stmt.For fo -> forLoop(fo);
            case Stmt.FunctionDef d -> def(d);
            case Stmt.ClassDef cd -> classDef(cd);
            case Stmt.Import im -> importStmt(im);
            case Stmt.ImportFrom im -> importFrom(im);
            case Stmt.Try t -> TryStmt.compile(this, exprs, u, rt, t);
            case Stmt.Raise r -> RaiseStmt.raise(exprs, rt, r);
            case Stmt.Assert a -> RaiseStmt.assertion(exprs, rt, a);
            case Stmt.With w -> WithStmt.compile(this, exprs, u, rt, w);
            default -> throw dev.refgrade.runtime.compile.Refusals.unexpected(s, s.span());
        };
    }

    /**
     * compiler_annassign: the assignment first; in a module or class a simple name's annotation is
     * then stored in __annotations__; a complex target without a value has its parts evaluated and
     * dropped, and its annotation too outside a function. In a function an annotation is never evaluated.
     */
    private Exec annotated(Stmt.AnnAssign a) {
        var span = a.span();
        if (rt.rules.deferredAnnotations) {
            throw new Unsupported("a variable annotation on Python " + rt.rules.version + " (PEP 649 evaluates annotations"
                    + " lazily through __annotate__; not modelled)", span.line());
        }
        boolean evaluated = u.scope.kind != dev.refgrade.python.SymbolScope.Kind.FUNCTION;
        List<Exec> steps = new ArrayList<>();
        if (a.value() != null) steps.add(assign(new Stmt.Assign(List.of(a.target()), a.value(), span)));
        switch (a.target()) {
            case Expr.Name n when a.simple() && evaluated -> {
                if (u.scope.kind == dev.refgrade.python.SymbolScope.Kind.CLASS && n.id().startsWith("__") && !n.id().endsWith("__")) {
                    throw new Unsupported("the annotation of a private name in a class (its name mangling)", span.line());
                }
                Expr key = new Expr.Subscript(new Expr.Name("__annotations__", span), new Expr.StrLit(n.id(), span), span);
                steps.add(assign(new Stmt.Assign(List.of(key), a.annotation(), span)));
            }
            case Expr.Attribute at when a.value() == null -> steps.add(discarded(at.value()));
            case Expr.Subscript s when a.value() == null -> {
                steps.add(discarded(s.value()));
                for (Expr part : subscriptParts(s.index())) steps.add(discarded(part));
            }
            default -> { }
        }
        if (!a.simple() && evaluated) steps.add(discarded(a.annotation()));
        Exec[] body = steps.toArray(new Exec[0]);
        return f -> run(body, f);
    }

    /** check_ann_subscr: a slice's bounds and a tuple's items one by one, no slice or tuple built. */
    private static List<Expr> subscriptParts(Expr index) {
        List<Expr> out = new ArrayList<>();
        switch (index) {
            case Expr.Slice s -> {
                for (Expr b : new Expr[] {s.lower(), s.upper(), s.step()}) if (b != null) out.add(b);
            }
            case Expr.TupleExpr t -> t.elts().forEach(e -> out.addAll(subscriptParts(e)));
            default -> out.add(index);
        }
        return out;
    }

    /** An expression evaluated and its value dropped (POP_TOP). */
    private Exec discarded(Expr e) {
        Eval v = exprs.expr(e);
        return f -> {
            heap.decref(v.eval(f));
            return PyCode.NORMAL;
        };
    }

    private Exec assign(Stmt.Assign a) {
        Targets t = new Targets(exprs, u, rt);
        // BUILD_TUPLE n + UNPACK_SEQUENCE n with n of 2 or 3 becomes a SWAP: no tuple is made.
        if (a.targets().size() == 1 && a.targets().get(0) instanceof Expr.TupleExpr lhs
                && a.value() instanceof Expr.TupleExpr rhs && lhs.elts().size() == rhs.elts().size()
                && rhs.elts().size() >= 2 && rhs.elts().size() <= 3 && c.constants.fold(rhs) == null) {
            Eval[] values = exprs.all(rhs.elts());
            Names.Store[] stores = stores(t, lhs.elts());
            return f -> {
                PyObject[] vs = exprs.evalAll(values, f);
                for (int i = 0; i < stores.length; i++) stores[i].store(f, vs[i]);
                return PyCode.NORMAL;
            };
        }
        Eval value = exprs.expr(a.value());
        Names.Store[] stores = stores(t, a.targets());
        return f -> {
            PyObject v = value.eval(f);
            for (int i = 0; i < stores.length - 1; i++) heap.incref(v);
            for (Names.Store st : stores) st.store(f, v);
            return PyCode.NORMAL;
        };
    }

    /**
     * An assignment's stores. Under Variation.ASSIGNMENT_COPIES each stores a copy of a mutable
     * value that something else also holds (a value only this statement holds is as good as a copy).
     */
    private Names.Store[] stores(Targets t, List<Expr> targets) {
        Names.Store[] stores = new Names.Store[targets.size()];
        for (int i = 0; i < stores.length; i++) stores[i] = t.store(targets.get(i));
        if (!rt.varies(Variation.ASSIGNMENT_COPIES)) return stores;
        for (int i = 0; i < stores.length; i++) {
            Names.Store plain = stores[i];
            stores[i] = (f, v) -> plain.store(f, v.refcnt > 1 ? CopyModule.separate(rt, v) : v);
        }
        return stores;
    }

    /**
     * Variation.DEL_DESTROYS: before `del name` unbinds the name, the object is destroyed as if
     * its last reference went: its __del__ runs, its weak references die, and it counts as gone,
     * though other references to it remain and still reach it.
     */
    private Names.Delete destroying(String id) {
        Eval load = Names.load(u, id);
        return f -> {
            PyObject o = load.eval(f);
            try {
                if (!o.finalized && rt.interp.hasDel(o)) {
                    o.finalized = true;
                    rt.interp.callDel(o);
                }
                heap.clearWeakRefs(o, true);
                if (o.refcnt < Heap.IMMORTAL) rt.destroyByDel(o);
            } finally {
                heap.decref(o);
            }
        };
    }

    private Exec whileLoop(Stmt.While w) {
        Eval test = exprs.expr(w.test());
        Exec[] body = block(w.body()), orelse = block(w.orelse());
        int line = w.span().line();
        Interpreter interp = rt.interp;
        return f -> {
            while (exprs.truth(test, f)) {
                int signal = run(body, f);
                if (signal == PyCode.BREAK) return PyCode.NORMAL;
                if (signal == PyCode.RETURN) return signal;
                f.line = line;
                interp.beforeLine(f, line);
            }
            return run(orelse, f);
        };
    }

    private Exec forLoop(Stmt.For fo) {
        Eval iterable = exprs.foldedIter(fo.iter());
        Names.Store target = new Targets(exprs, u, rt).store(fo.target());
        Exec[] body = block(fo.body()), orelse = block(fo.orelse());
        int line = fo.span().line();
        Interpreter interp = rt.interp;
        return f -> {
            PyObject it = rt.ops.iterTaking(iterable.eval(f));
            f.stack.add(it);
            try {
                while (true) {
                    PyObject item = rt.ops.next(it);
                    if (item == null) break;
                    target.store(f, item);
                    int signal = run(body, f);
                    if (signal == PyCode.BREAK) return PyCode.NORMAL;
                    if (signal == PyCode.RETURN) return signal;
                    f.line = line;
                    interp.beforeLine(f, line);
                }
            } finally {
                f.stack.remove(f.stack.size() - 1);
                heap.decref(it);
            }
            return run(orelse, f);
        };
    }

    private Exec def(Stmt.FunctionDef d) {
        Eval[] decorators = exprs.all(d.decorators());
        Eval make = new MakeFunction(c, u, exprs).make(d.params(), d.returns(), () -> c.compileFunction(u, d),
                code -> u.name(d.name()));
        Names.Store store = Names.store(u, d.name());
        return f -> {
            store.store(f, decorated(f, decorators, make));
            return PyCode.NORMAL;
        };
    }

    /**
     * compiler_decorators then the calls after the definition: every decorator is evaluated first,
     * top to bottom, then applied bottom up, each CALL taking the one below's result.
     */
    private PyObject decorated(Frame f, Eval[] decorators, Eval make) {
        PyObject[] decs = exprs.evalAll(decorators, f);
        PyObject obj;
        try {
            obj = make.eval(f);
        } catch (RuntimeException e) {
            for (PyObject d : decs) heap.decref(d);
            throw e;
        }
        for (int i = decs.length - 1; i >= 0; i--) {
            try {
                obj = rt.interp.callOwned(decs[i], new PyObject[] {obj}, Kwargs.NONE);
            } catch (RuntimeException e) {
                for (int j = 0; j < i; j++) heap.decref(decs[j]);
                throw e;
            }
        }
        return obj;
    }

    private Exec classDef(Stmt.ClassDef cd) {
        Eval[] decorators = exprs.all(cd.decorators());
        Eval[] bases = exprs.all(cd.bases());
        // Refusals lets through only metaclass=type: whatever the name means when the statement runs must be type.
        Eval[] metaclass = exprs.all(cd.keywords().stream().map(Expr.Keyword::value).toList());
        PyCode body = c.compileClassBody(u, cd);
        u.constant(body);
        int[] closureCells = body.freeNames.stream().mapToInt(u::cell).toArray();
        PyStr name = u.name(cd.name());
        Names.Store store = Names.store(u, cd.name());
        Eval build = f -> {
            PyObject[] bs = exprs.evalAll(bases, f);
            PyObject explicit = null;
            for (Eval m : metaclass) {
                PyObject meta = m.eval(f);
                rt.heap.decref(meta);
                explicit = meta;
                if (meta != PyType.TYPE && meta != dev.refgrade.runtime.stdlib.EnumModule.META) {
                    String what = meta instanceof PyType t ? t.name : dev.refgrade.runtime.protocol.Repr.repr(rt, meta);
                    throw new Unsupported("metaclass=" + what + " (a metaclass other than type)", f.line);
                }
            }
            PyCell[] cells = new PyCell[closureCells.length];
            for (int i = 0; i < cells.length; i++) cells[i] = f.cells[closureCells[i]];
            if (dev.refgrade.runtime.stdlib.EnumModule.isMetaclassOf(explicit, bs)) {
                return dev.refgrade.runtime.stdlib.EnumModule.buildClass(rt, body, name, rt.newTuple(bs), f.globals, cells);
            }
            return rt.interp.buildClass(body, name, rt.newTuple(bs), f.globals, cells);
        };
        return f -> {
            store.store(f, decorated(f, decorators, build));
            return PyCode.NORMAL;
        };
    }

    /** A module the simulator does not provide is refused before the run, saying why where that is known. */
    private static void checkModule(String name, int line) {
        if (name.contains(".") || !Modules.exists(name)) {
            String why = Modules.whyNot(name);
            throw new Unsupported("import of module '" + name + "'" + (why == null ? "" : " (" + why + ")"), line);
        }
    }

    /** from m import a, b as c: IMPORT_NAME then IMPORT_FROM, an ImportError for a name the module lacks. */
    private Exec importFrom(Stmt.ImportFrom im) {
        checkModule(im.module(), im.span().line());
        String module = im.module();
        int n = im.names().size();
        String[] names = new String[n];
        Names.Store[] stores = new Names.Store[n];
        for (int i = 0; i < n; i++) {
            Stmt.Alias a = im.names().get(i);
            names[i] = a.name();
            stores[i] = Names.store(u, a.asName() != null ? a.asName() : a.name());
        }
        return f -> {
            PyModule m = rt.importModule(module);
            try {
                for (int i = 0; i < n; i++) {
                    PyObject v = m.dict.getBorrowed(rt, rt.name(names[i]));
                    if (v == null) {
                        if (Modules.cpythonHas(module, names[i])) {
                            throw new Unsupported("'" + names[i] + "' of module '" + module + "' (not modelled yet)", f.line);
                        }
                        // CPython names the module's file, or "unknown location" for one built into the interpreter.
                        if (!Modules.builtIn(module)) throw new Unsupported("the ImportError of a missing name of module '" + module + "'", f.line);
                        throw rt.error(PyExc.IMPORT_ERROR, "cannot import name '" + names[i] + "' from '" + module + "' (unknown location)");
                    }
                    stores[i].store(f, rt.heap.newRef(v));
                }
            } finally {
                rt.heap.decref(m);
            }
            return PyCode.NORMAL;
        };
    }

    private Exec importStmt(Stmt.Import im) {
        List<Exec> parts = new ArrayList<>();
        for (Stmt.Alias a : im.names()) {
            checkModule(a.name(), a.span().line());
            Names.Store store = Names.store(u, a.asName() != null ? a.asName() : a.name());
            String module = a.name();
            parts.add(f -> {
                store.store(f, rt.importModule(module));
                return PyCode.NORMAL;
            });
        }
        Exec[] all = parts.toArray(new Exec[0]);
        return f -> run(all, f);
    }
}
