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
import dev.refgrade.runtime.objects.CodePosition;
import dev.refgrade.runtime.objects.PyException;
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
        c.checkCall(call);
        if (UnpackingCalls.needed(call)) return new UnpackingCalls(exprs, c, u).call(call);
        int nargs = call.args().size();
        // LOAD_FAST_BORROW (3.14): the receiver, then the positional arguments, then the keyword values.
        boolean[] borrowed = new boolean[1 + nargs + call.keywords().size()];
        boolean anyBorrowed = false;
        Eval[] args = new Eval[nargs];
        for (int i = 0; i < nargs; i++) {
            Eval b = exprs.borrowed(call.args().get(i));
            anyBorrowed |= borrowed[1 + i] = b != null;
            args[i] = b != null ? b : exprs.expr(call.args().get(i));
        }
        List<PyStr> kwNames = new ArrayList<>();
        List<Eval> kwValues = new ArrayList<>();
        for (int k = 0; k < call.keywords().size(); k++) {
            Expr.Keyword kw = call.keywords().get(k);
            kwNames.add(u.name(kw.name()));
            Eval b = exprs.borrowed(kw.value());
            anyBorrowed |= borrowed[1 + nargs + k] = b != null;
            kwValues.add(b != null ? b : exprs.expr(kw.value()));
        }
        Eval[] kws = kwValues.toArray(new Eval[0]);
        if (call.func() instanceof Expr.Attribute a) {
            Eval receiver = exprs.borrowed(a.value());
            borrowed[0] = receiver != null;
            anyBorrowed |= borrowed[0];
            return methodCall(receiver != null ? receiver : exprs.expr(a.value()), u.attribute(a.attr()), args, kwNames, kws,
                    anyBorrowed ? borrowed : null, CodePosition.of(a.span()));
        }
        Eval func = exprs.expr(call.func());
        boolean[] mask = anyBorrowed ? java.util.Arrays.copyOfRange(borrowed, 1, borrowed.length) : null;
        return f -> {
            PyObject fn = func.eval(f);
            PyObject[] argv = evalArgs(f, args, 0, mask, fn);
            Kwargs kw = evalKwargs(f, kwNames, kws, mask, fn, argv);
            return callMasked(fn, argv, 0, kw, mask);
        };
    }

    /**
     * The CALL: with borrowed arguments (3.14) through Interpreter.callWithBorrowed; under
     * Variation.ARGUMENTS_COPIED the borrowed ones are first made owned, as copies replace them.
     */
    private PyObject callMasked(PyObject fn, PyObject[] argv, int from, Kwargs kw, boolean[] mask) {
        if (mask != null && rt.varies(Variation.ARGUMENTS_COPIED)) {
            for (int i = 0; i < argv.length; i++) if (mask[i]) heap.incref(argv[i]);
            for (int k = 0; k < kw.values().size(); k++) if (mask[argv.length + k]) heap.incref(kw.values().get(k));
            mask = null;
        }
        if (mask != null) return rt.interp.callWithBorrowed(fn, argv, kw, mask);
        byValue(fn, argv, from, kw);
        return rt.interp.callOwned(fn, argv, kw);
    }

    /**
     * {@code borrowed}: the receiver's flag, then the arguments' (null when none is borrowed);
     * {@code lookup}: where LOAD_METHOD stands, the attribute, which a traceback points at when the lookup fails.
     */
    private Eval methodCall(Eval receiver, PyStr name, Eval[] args, List<PyStr> kwNames, Eval[] kws, boolean[] borrowed,
            CodePosition lookup) {
        boolean selfBorrowed = borrowed != null && borrowed[0];
        boolean[] argMask = borrowed == null ? null : java.util.Arrays.copyOfRange(borrowed, 1, borrowed.length);
        return f -> {
            PyObject self = receiver.eval(f);
            PyObject method = findMethod(self, name);
            if (method instanceof PyFunction fn) {
                heap.incref(fn);
                PyObject[] argv = evalArgs(f, args, 1, argMask, fn, selfBorrowed ? null : self);
                argv[0] = self;
                Kwargs kw = evalKwargs(f, kwNames, kws, borrowed, fn, argv);
                return callMasked(fn, argv, 1, kw, borrowed);
            }
            if (method instanceof PyBuiltin b) {
                PyObject[] argv = evalArgs(f, args, 0, argMask, selfBorrowed ? null : self);
                Kwargs kw = evalKwargs(f, kwNames, kws, argMask, selfBorrowed ? null : self, argv);
                try {
                    return rt.interp.callBuiltin(b, self, argv, kw);
                } finally {
                    for (int i = 0; i < argv.length; i++) if (argMask == null || !argMask[i]) heap.decref(argv[i]);
                    for (int k = 0; k < kw.values().size(); k++) {
                        if (argMask == null || !argMask[argv.length + k]) heap.decref(kw.values().get(k));
                    }
                    if (!selfBorrowed) heap.decref(self);
                }
            }
            PyObject fn;
            try {
                fn = rt.ops.getAttr(self, name);
            } catch (PyException x) {
                throw x.placedAt(lookup);
            } finally {
                if (!selfBorrowed) heap.decref(self);
            }
            PyObject[] argv = evalArgs(f, args, 0, argMask, fn);
            Kwargs kw = evalKwargs(f, kwNames, kws, argMask, fn, argv);
            return callMasked(fn, argv, 0, kw, argMask);
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
        if (WeakProxies.is(self)) return null; // proxy_getattr forwards every name, the type's own methods included
        PyObject m = self.type().lookup(rt, name);
        if (m instanceof PyFunction) {
            if (self instanceof PyInstance inst) {
                if (!AttributeHooks.generic(rt, inst)) return null;
                if (inst.attrs != null && inst.attrs.getBorrowed(rt, name) != null) return null;
                return m;
            }
            return null;
        }
        // A classmethod_descriptor lacks Py_TPFLAGS_METHOD_DESCRIPTOR: _PyObject_GetMethod binds it through its __get__.
        if (m instanceof PyBuiltin b && b.self == null && !b.classMethod && !(self instanceof PyType)) return m;
        return null;
    }

    /**
     * Evaluates the arguments after {@code offset} free slots; on an exception releases them (not
     * those {@code borrowed} marks, counted from the first slot) and {@code held} (null entries skipped).
     */
    private PyObject[] evalArgs(Frame f, Eval[] args, int offset, boolean[] borrowed, PyObject... held) {
        PyObject[] out = new PyObject[offset + args.length];
        for (int i = 0; i < args.length; i++) {
            try {
                out[offset + i] = args[i].eval(f);
            } catch (RuntimeException err) {
                for (int j = offset; j < offset + i; j++) if (borrowed == null || !borrowed[j - offset]) heap.decref(out[j]);
                for (PyObject h : held) heap.xdecref(h);
                throw err;
            }
        }
        return out;
    }

    /** The keyword values; {@code borrowed} counts the positional slots of {@code argv} first, as evalArgs does. */
    private Kwargs evalKwargs(Frame f, List<PyStr> names, Eval[] values, boolean[] borrowed, PyObject held, PyObject[] argv) {
        if (values.length == 0) return Kwargs.NONE;
        List<PyObject> vs = new ArrayList<>();
        for (Eval v : values) {
            try {
                vs.add(v.eval(f));
            } catch (RuntimeException err) {
                for (int k = 0; k < vs.size(); k++) if (borrowed == null || !borrowed[argv.length + k]) heap.decref(vs.get(k));
                for (int i = 0; i < argv.length; i++) if (borrowed == null || !borrowed[i]) heap.xdecref(argv[i]);
                heap.xdecref(held);
                throw err;
            }
        }
        return new Kwargs(names, vs);
    }
}
