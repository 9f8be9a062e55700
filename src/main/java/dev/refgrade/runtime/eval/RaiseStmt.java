package dev.refgrade.runtime.eval;

import dev.refgrade.python.Stmt;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.CodePosition;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyBaseExc;
import dev.refgrade.runtime.objects.PyCode.Eval;
import dev.refgrade.runtime.objects.PyCode.Exec;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyTraceback;
import dev.refgrade.runtime.objects.PyType;

/** `raise`, `raise X`, `raise X from Y` and `assert` (ceval's do_raise and the assert's jump). */
final class RaiseStmt {
    private RaiseStmt() {}

    static Exec raise(Exprs exprs, PyRuntime rt, Stmt.Raise r) {
        ExceptionState exc = rt.interp.exc;
        if (r.exc() == null) {
            // A bare raise re-raises the exception being handled with its traceback, adding no entry.
            return f -> {
                PyBaseExc top = exc.topmost();
                if (top == null) throw rt.error(PyExc.RUNTIME_ERROR, "No active exception to reraise");
                throw exc.reraise(rt.heap.newRef(top));
            };
        }
        Eval value = exprs.expr(r.exc());
        Eval cause = r.cause() == null ? null : exprs.expr(r.cause());
        CodePosition at = CodePosition.of(r.span());
        return f -> {
            PyObject v = value.eval(f);
            PyObject c;
            try {
                c = cause == null ? null : cause.eval(f);
            } catch (RuntimeException e) {
                rt.heap.decref(v);
                throw e;
            }
            throw doRaise(rt, v, c, at);
        };
    }

    /** do_raise: a class is called for its instance; the cause is fixed up the same way; both owned. */
    static PyException doRaise(PyRuntime rt, PyObject exc, PyObject cause, CodePosition at) {
        Heap heap = rt.heap;
        PyBaseExc value;
        try {
            value = instance(rt, exc, "exceptions must derive from BaseException");
        } catch (RuntimeException e) {
            heap.xdecref(cause);
            throw e;
        }
        if (cause != null) {
            PyObject fixed;
            try {
                fixed = cause == PyRuntime.NONE ? null : instance(rt, cause, "exception causes must derive from BaseException");
            } catch (RuntimeException e) {
                heap.decref(value);
                throw e;
            }
            if (cause == PyRuntime.NONE) heap.decref(cause);
            // PyException_SetCause also sets __suppress_context__.
            PyObject old = value.cause;
            value.cause = fixed;
            value.suppressContext = true;
            heap.xdecref(old);
        }
        // _PyErr_SetObject: the traceback the instance holds goes on growing; chaining happens now.
        PyTraceback tb = value.traceback instanceof PyTraceback t ? heap.newRef(t) : null;
        PyException e = new PyException(value, tb);
        rt.interp.exc.chainContext(e);
        e.position = at;
        return e;
    }

    /** An owned exception instance from a raised class or instance (owned); the TypeError otherwise. */
    private static PyBaseExc instance(PyRuntime rt, PyObject o, String message) {
        if (o instanceof PyType t && t.isSubtypeOf(PyExc.BASE_EXCEPTION)) {
            PyObject v;
            try {
                v = rt.interp.callBorrowed(t, new PyObject[0], Kwargs.NONE);
            } finally {
                rt.heap.decref(t);
            }
            if (v instanceof PyBaseExc x) return x;
            String shown = rt.ops.repr(v);
            rt.heap.decref(v);
            throw rt.typeError("calling " + rt.ops.repr(t) + " should have returned an instance of BaseException, not " + shown);
        }
        if (o instanceof PyBaseExc x) return x;
        rt.heap.decref(o);
        throw rt.typeError(message);
    }

    /** `assert test, msg`: when the test is false, AssertionError(msg) is raised from the test's position. */
    static Exec assertion(Exprs exprs, PyRuntime rt, Stmt.Assert a) {
        exprs.compiler().checkAssert(a);
        Eval test = exprs.expr(a.test());
        Eval msg = a.msg() == null ? null : exprs.expr(a.msg());
        CodePosition at = CodePosition.of(a.test().span());
        return f -> {
            if (exprs.truth(test, f)) return dev.refgrade.runtime.objects.PyCode.NORMAL;
            PyObject[] args = msg == null ? new PyObject[0] : new PyObject[] {msg.eval(f)};
            PyObject v;
            try {
                v = rt.interp.callBorrowed(PyExc.ASSERTION_ERROR, args, Kwargs.NONE);
            } finally {
                for (PyObject x : args) rt.heap.decref(x);
            }
            throw doRaise(rt, v, null, at);
        };
    }
}
