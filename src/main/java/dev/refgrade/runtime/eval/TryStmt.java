package dev.refgrade.runtime.eval;

import dev.refgrade.python.Stmt;
import dev.refgrade.runtime.compile.Compiler;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.PyBaseExc;
import dev.refgrade.runtime.objects.PyCode;
import dev.refgrade.runtime.objects.PyCode.Eval;
import dev.refgrade.runtime.objects.PyCode.Exec;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;

/**
 * try/except/else/finally as 3.11 compiles it: a handler runs with the exception pushed on
 * exc_info (PUSH_EXC_INFO) and popped after (POP_EXCEPT); `except E as e` then does `e = None;
 * del e`, so the exception, its traceback and the frames it holds are not kept by the name.
 */
final class TryStmt {
    private record Handler(Eval type, Names.Store store, Names.Delete delete, Exec[] body) {}

    private final PyRuntime rt;
    private final Heap heap;
    private final ExceptionState exc;

    private TryStmt(PyRuntime rt) {
        this.rt = rt;
        this.heap = rt.heap;
        this.exc = rt.interp.exc;
    }

    static Exec compile(Stmts stmts, Exprs exprs, Compiler.Unit u, PyRuntime rt, Stmt.Try t) {
        TryStmt ts = new TryStmt(rt);
        // Which code the normal flow reaches (Flow): the else block only when the body completes;
        // handlers and the finally block's exceptional copy only through an exception.
        boolean entry = u.normalFlow;
        Exec[] body = stmts.block(t.body());
        u.normalFlow = entry && Flow.completes(t.body());
        Exec[] orelse = stmts.block(t.orelse());
        u.normalFlow = entry && Flow.completes(t.body()) && Flow.completes(t.orelse());
        Exec[] finalbody = stmts.block(t.finalbody());
        u.normalFlow = false;
        // Compiled again only where loads differ by path (3.14); CPython emits the two copies anyway.
        boolean twice = rt.rules.borrowedLoads && entry && !t.finalbody().isEmpty();
        Exec[] finalOnException = twice ? stmts.block(t.finalbody()) : finalbody;
        Handler[] handlers = t.handlers().stream().map(h -> new Handler(
                h.type() == null ? null : exprs.expr(h.type()),
                h.name() == null ? null : Names.store(u, h.name()),
                h.name() == null ? null : Names.delete(u, h.name()),
                stmts.block(h.body()))).toArray(Handler[]::new);
        u.normalFlow = entry;
        Exec tryExcept = handlers.length == 0 ? f -> Stmts.run(body, f) : f -> ts.tryExcept(body, handlers, orelse, f);
        if (finalbody.length == 0) return tryExcept;
        return f -> ts.tryFinally(tryExcept, finalbody, finalOnException, f);
    }

    private int tryExcept(Exec[] body, Handler[] handlers, Exec[] orelse, Frame f) {
        int signal;
        try {
            signal = Stmts.run(body, f);
        } catch (PyException e) {
            return handle(e, handlers, f);
        }
        return signal == PyCode.NORMAL ? Stmts.run(orelse, f) : signal;
    }

    private int handle(PyException e, Handler[] handlers, Frame f) {
        PyBaseExc v = exc.caught(e);
        exc.push(v);
        for (Handler h : handlers) {
            boolean match;
            try {
                match = h.type == null || matches(v, h.type, f);
            } catch (RuntimeException inner) {
                exc.pop();
                heap.decref(v);
                throw inner;
            }
            if (!match) continue;
            if (h.store != null) h.store.store(f, v);
            else heap.decref(v);
            int signal;
            try {
                signal = Stmts.run(h.body, f);
            } catch (RuntimeException inner) {
                unbind(h, f);
                exc.pop();
                throw inner;
            }
            exc.pop();
            unbind(h, f);
            return signal;
        }
        exc.pop();
        throw exc.reraise(v);
    }

    /** The implicit `e = None; del e` at the end of `except E as e`. */
    private void unbind(Handler h, Frame f) {
        if (h.store == null) return;
        h.store.store(f, PyRuntime.NONE);
        h.delete.delete(f);
    }

    /** CHECK_EXC_MATCH: a class or a tuple of classes, each deriving from BaseException. */
    private boolean matches(PyBaseExc v, Eval typeExpr, Frame f) {
        PyObject t = typeExpr.eval(f);
        try {
            if (t instanceof PyTuple tuple) {
                for (PyObject item : tuple.items) checkCatchable(item);
                for (PyObject item : tuple.items) if (v.cls.isSubtypeOf((PyType) item)) return true;
                return false;
            }
            checkCatchable(t);
            return v.cls.isSubtypeOf((PyType) t);
        } finally {
            heap.decref(t);
        }
    }

    private void checkCatchable(PyObject t) {
        if (!(t instanceof PyType type) || !type.isSubtypeOf(PyExc.BASE_EXCEPTION)) {
            throw rt.typeError("catching classes that do not inherit from BaseException is not allowed");
        }
    }

    /**
     * finally: run on the way out however the block ends. On an exception it is a handler that
     * re-raises (RERAISE) unless the finally block itself leaves by return, break or continue;
     * a pending return value waits on the stack and is dropped if the finally block replaces it.
     * {@code onException}: the finally block as compiled for the exceptional path (the same code before 3.14).
     */
    private int tryFinally(Exec tryExcept, Exec[] finalbody, Exec[] onException, Frame f) {
        int signal;
        try {
            signal = tryExcept.exec(f);
        } catch (PyException e) {
            PyBaseExc v = exc.caught(e);
            exc.push(v);
            int s;
            try {
                s = Stmts.run(onException, f);
            } catch (RuntimeException inner) {
                exc.pop();
                heap.decref(v);
                throw inner;
            }
            exc.pop();
            if (s != PyCode.NORMAL) {
                heap.decref(v);
                return s;
            }
            throw exc.reraise(v);
        }
        PyObject pending = signal == PyCode.RETURN ? f.retval : null;
        f.retval = null;
        int s;
        try {
            s = Stmts.run(finalbody, f);
        } catch (RuntimeException inner) {
            heap.xdecref(pending);
            throw inner;
        }
        if (s == PyCode.NORMAL) {
            f.retval = pending;
            return signal;
        }
        heap.xdecref(pending);
        return s;
    }
}
