package dev.refgrade.runtime.protocol;

import dev.refgrade.python.Expr;
import dev.refgrade.runtime.Variation;
import dev.refgrade.runtime.compile.Compiler;
import dev.refgrade.runtime.eval.Exprs;
import dev.refgrade.runtime.eval.Frame;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyCode.Eval;
import dev.refgrade.runtime.objects.PyFunction;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyMethod;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PySuper;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.stdlib.CopyModule;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles calls. `obj.name(args)` is CPython 3.11's LOAD_METHOD/CALL: a method found on the class
 * is called with obj as its first argument and no bound method object is ever made.
 */
public final class Calls {
    private final Exprs exprs;
    private final Compiler c;
    private final Compiler.Unit u;
    private final PyRuntime rt;
    private final Heap heap;

    public Calls(Exprs exprs, Compiler c, Compiler.Unit u) {
        this.exprs = exprs;
        this.c = c;
        this.u = u;
        this.rt = c.rt;
        this.heap = rt.heap;
    }

    public Eval call(Expr.Call call) {
        if (UnpackingCalls.needed(call)) return new UnpackingCalls(exprs, c, u).call(call);
        Eval[] args = exprs.all(call.args());
        List<PyStr> kwNames = new ArrayList<>();
        List<Eval> kwValues = new ArrayList<>();
        for (Expr.Keyword k : call.keywords()) {
            kwNames.add(u.name(k.name()));
            kwValues.add(exprs.expr(k.value()));
        }
        Eval[] kws = kwValues.toArray(new Eval[0]);
        if (call.func() instanceof Expr.Attribute a) return methodCall(exprs.expr(a.value()), u.name(a.attr()), args, kwNames, kws);
        Eval func = exprs.expr(call.func());
        return f -> {
            PyObject fn = func.eval(f);
            PyObject[] argv = evalArgs(f, args, 0, fn);
            Kwargs kw = evalKwargs(f, kwNames, kws, fn, argv);
            byValue(fn, argv, 0, kw);
            return rt.interp.callOwned(fn, argv, kw);
        };
    }

    private Eval methodCall(Eval receiver, PyStr name, Eval[] args, List<PyStr> kwNames, Eval[] kws) {
        return f -> {
            PyObject self = receiver.eval(f);
            PyObject method = findMethod(self, name);
            if (method instanceof PyFunction fn) {
                heap.incref(fn);
                PyObject[] argv = evalArgs(f, args, 1, fn, self);
                argv[0] = self;
                Kwargs kw = evalKwargs(f, kwNames, kws, fn, argv);
                byValue(fn, argv, 1, kw);
                return rt.interp.callOwned(fn, argv, kw);
            }
            if (method instanceof PyBuiltin b) {
                PyObject[] argv = evalArgs(f, args, 0, self);
                Kwargs kw = evalKwargs(f, kwNames, kws, self, argv);
                try {
                    return rt.interp.callBuiltin(b, self, argv, kw);
                } finally {
                    for (PyObject o : argv) heap.decref(o);
                    for (PyObject o : kw.values()) heap.decref(o);
                    heap.decref(self);
                }
            }
            PyObject fn;
            try {
                fn = rt.ops.getAttr(self, name);
            } finally {
                heap.decref(self);
            }
            PyObject[] argv = evalArgs(f, args, 0, fn);
            Kwargs kw = evalKwargs(f, kwNames, kws, fn, argv);
            byValue(fn, argv, 0, kw);
            return rt.interp.callOwned(fn, argv, kw);
        };
    }

    /**
     * Variation.ARGUMENTS_COPIED: a function or class of the program gets copies of the mutable
     * arguments written at the call (from {@code from} on: a method's self is not one of them).
     */
    private void byValue(PyObject callee, PyObject[] argv, int from, Kwargs kw) {
        if (!rt.varies(Variation.ARGUMENTS_COPIED)) return;
        if (!(callee instanceof PyFunction || callee instanceof PyMethod || callee instanceof PyType t && t.heapType)) return;
        for (int i = from; i < argv.length; i++) argv[i] = CopyModule.separate(rt, argv[i]);
        if (!kw.isEmpty()) kw.values().replaceAll(v -> CopyModule.separate(rt, v));
    }

    /** What LOAD_METHOD finds on the class when the instance does not shadow it; null otherwise. */
    private PyObject findMethod(PyObject self, PyStr name) {
        // super's getattro is its own (super_getattro), so LOAD_METHOD gets the attribute from it.
        if (self instanceof PySuper) return null;
        PyObject m = self.type().lookup(rt, name);
        if (m instanceof PyFunction) {
            if (self instanceof PyInstance inst) {
                if (!AttributeHooks.generic(rt, inst)) return null;
                if (inst.attrs != null && inst.attrs.getBorrowed(rt, name) != null) return null;
                return m;
            }
            return null;
        }
        if (m instanceof PyBuiltin b && b.self == null && !(self instanceof PyType)) return m;
        return null;
    }

    /** Evaluates the arguments after {@code offset} free slots; on an exception releases them and {@code held}. */
    private PyObject[] evalArgs(Frame f, Eval[] args, int offset, PyObject... held) {
        PyObject[] out = new PyObject[offset + args.length];
        for (int i = 0; i < args.length; i++) {
            try {
                out[offset + i] = args[i].eval(f);
            } catch (RuntimeException err) {
                for (int j = offset; j < offset + i; j++) heap.decref(out[j]);
                for (PyObject h : held) heap.decref(h);
                throw err;
            }
        }
        return out;
    }

    private Kwargs evalKwargs(Frame f, List<PyStr> names, Eval[] values, PyObject held, PyObject[] argv) {
        if (values.length == 0) return Kwargs.NONE;
        List<PyObject> vs = new ArrayList<>();
        for (Eval v : values) {
            try {
                vs.add(v.eval(f));
            } catch (RuntimeException err) {
                vs.forEach(heap::decref);
                for (PyObject o : argv) heap.xdecref(o);
                heap.decref(held);
                throw err;
            }
        }
        return new Kwargs(names, vs);
    }
}
