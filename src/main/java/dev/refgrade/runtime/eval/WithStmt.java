package dev.refgrade.runtime.eval;

import dev.refgrade.python.Stmt;
import dev.refgrade.runtime.compile.Compiler;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyBaseExc;
import dev.refgrade.runtime.objects.PyCode;
import dev.refgrade.runtime.objects.PyCode.Eval;
import dev.refgrade.runtime.objects.PyCode.Exec;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.protocol.Attributes;

/**
 * `with`, one manager nested in the next as 3.11 compiles several: BEFORE_WITH keeps the bound
 * __exit__ (and so the manager) on the stack while the body runs; on an exception __exit__ gets
 * (type, value, traceback) with the exception on exc_info, and a true result swallows it.
 */
final class WithStmt {
    /** {@code exitAt}: where a traceback through its __exit__ call points, null for the line alone (3.11). */
    private record Item(Eval manager, Names.Store target, dev.refgrade.runtime.objects.CodePosition exitAt) {}

    private final PyRuntime rt;
    private final Heap heap;
    private final Item[] items;
    private final Exec[] body;
    /** The with statement's line, where CPython places the calls of __exit__ (a traceback through one shows it). */
    private final int line;

    private WithStmt(PyRuntime rt, Item[] items, Exec[] body, int line) {
        this.rt = rt;
        this.heap = rt.heap;
        this.items = items;
        this.body = body;
        this.line = line;
    }

    static Exec compile(Stmts stmts, Exprs exprs, Compiler.Unit u, PyRuntime rt, Stmt.With w) {
        Targets targets = new Targets(exprs, u, rt);
        Item[] items = w.items().stream().map(i -> new Item(exprs.expr(i.contextExpr()),
                i.target() == null ? null : targets.store(i.target()), rt.rules.withExitAtManager ? exitAt(i.contextExpr()) : null))
                .toArray(Item[]::new);
        WithStmt ws = new WithStmt(rt, items, stmts.block(w.body()), w.span().line());
        return f -> ws.run(0, f);
    }

    /** 3.12+: the __exit__ call stands where the context manager's expression does, a call's markers told apart. */
    private static dev.refgrade.runtime.objects.CodePosition exitAt(dev.refgrade.python.Expr manager) {
        return manager instanceof dev.refgrade.python.Expr.Call c
                ? new dev.refgrade.runtime.objects.CodePosition(c.span(), dev.refgrade.runtime.objects.CodePosition.Kind.CALL, c.func().span(), null)
                : dev.refgrade.runtime.objects.CodePosition.of(manager.span());
    }

    private int run(int i, Frame f) {
        if (i == items.length) return Stmts.run(body, f);
        PyObject mgr = items[i].manager.eval(f);
        PyObject exit;
        PyObject entered;
        try {
            PyObject enter;
            if (rt.rules.withExitFirst) {
                exit = special(mgr, "__exit__", " (missed __exit__ method)");
                try {
                    enter = special(mgr, "__enter__", " (missed __enter__ method)");
                } catch (RuntimeException e) {
                    heap.decref(exit);
                    throw e;
                }
            } else {
                enter = special(mgr, "__enter__", "");
                try {
                    exit = special(mgr, "__exit__", " (missed __exit__ method)");
                } catch (RuntimeException e) {
                    heap.decref(enter);
                    throw e;
                }
            }
            heap.decref(mgr);
            mgr = null;
            // BEFORE_WITH calls the bound __enter__ from C (_PyObject_CallNoArgs, then Py_DECREF): the
            // method, and the reference to the manager it holds, outlive the call. 3.14's LOAD_SPECIAL
            // pushes the function and the manager apart, as a call of a method unpacks them.
            try {
                entered = rt.rules.withExitFirst ? rt.interp.callOwned(enter, new PyObject[0], Kwargs.NONE)
                        : rt.interp.callBorrowed(enter, new PyObject[0], Kwargs.NONE);
            } catch (RuntimeException e) {
                if (!rt.rules.withExitFirst) heap.decref(enter);
                heap.decref(exit);
                throw e;
            }
            if (!rt.rules.withExitFirst) heap.decref(enter);
        } finally {
            heap.xdecref(mgr);
        }
        int signal;
        try {
            if (items[i].target != null) items[i].target.store(f, entered);
            else heap.decref(entered);
            signal = run(i + 1, f);
        } catch (PyException e) {
            f.line = line;
            try {
                return exited(e, exit);
            } catch (PyException x) {
                throw x.placedAt(items[i].exitAt());
            }
        }
        PyObject none = PyRuntime.NONE;
        f.line = line;
        try {
            heap.decref(rt.interp.callBorrowed(exit, new PyObject[] {none, none, none}, Kwargs.NONE));
        } catch (PyException x) {
            throw x.placedAt(items[i].exitAt());
        } finally {
            heap.decref(exit);
        }
        return signal;
    }

    /** WITH_EXCEPT_START: __exit__ decides; the exception is dropped or raised again with its traceback. */
    private int exited(PyException e, PyObject exit) {
        ExceptionState exc = rt.interp.exc;
        PyBaseExc v = exc.caught(e);
        exc.push(v);
        boolean suppress;
        try {
            PyObject tb = v.traceback == null ? PyRuntime.NONE : v.traceback;
            PyObject r = rt.interp.callBorrowed(exit, new PyObject[] {v.cls, v, tb}, Kwargs.NONE);
            try {
                suppress = rt.ops.truthy(r);
            } finally {
                heap.decref(r);
            }
        } catch (RuntimeException inner) {
            exc.pop();
            heap.decref(v);
            heap.decref(exit);
            throw inner;
        }
        exc.pop();
        if (suppress) {
            heap.decref(v);
            heap.decref(exit);
            return PyCode.NORMAL;
        }
        heap.decref(exit);
        throw exc.reraise(v);
    }

    /** _PyObject_LookupSpecial: the method found on the type, bound to the manager; TypeError if none. */
    private PyObject special(PyObject mgr, String name, String missing) {
        PyObject descr = mgr.type().lookup(rt, name);
        if (descr == null) {
            throw rt.typeError("'" + mgr.type().name + "' object does not support the context manager protocol" + missing);
        }
        return Attributes.describe(rt, mgr, new PyStr(name), descr);
    }
}
