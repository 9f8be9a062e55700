package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.Unsupported;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.protocol.Arith;
import java.util.function.Function;

/**
 * A builtin's arguments, bound to its declared parameters: read by name, with the declared
 * defaults. Every argument the call gave must be read: one left unread after the builtin returns
 * is an argument the simulator ignored, and the run is refused by its name ({@link #checkAllRead}).
 * Arguments are borrowed from the caller.
 */
public final class Args {
    private final PyRuntime rt;
    private final Signature sig;
    private final Signature.Bound bound;
    private final boolean[] read;

    public Args(PyRuntime rt, Signature sig, Signature.Bound bound) {
        this.rt = rt;
        this.sig = sig;
        this.bound = bound;
        this.read = new boolean[sig.params().size()];
    }

    /** Matches a call to {@code sig}, raising CPython's TypeError when it does not fit. */
    public static Args bind(PyRuntime rt, Signature sig, PyObject[] args, Kwargs kw) {
        try {
            return new Args(rt, sig, sig.bind(args, kw));
        } catch (Signature.Mismatch m) {
            throw rt.typeError(m.getMessage());
        }
    }

    /** Runs {@code body} on the call's arguments bound to {@code sig}; an argument it left unread refuses the run. */
    public static PyObject call(PyRuntime rt, Signature sig, PyObject[] args, Kwargs kw, Function<Args, PyObject> body) {
        Args a = bind(rt, sig, args, kw);
        PyObject r = body.apply(a);
        try {
            a.checkAllRead();
        } catch (RuntimeException e) {
            rt.heap.decref(r);
            throw e;
        }
        return r;
    }

    /** The argument given for {@code param}, or null when the call left it out. */
    public PyObject get(String param) {
        int i = sig.indexOf(param);
        read[i] = true;
        return bound.slots()[i];
    }

    public boolean given(String param) {
        return bound.slots()[sig.indexOf(param)] != null;
    }

    /** The argument, or {@code dflt} when the call left it out. */
    public PyObject or(String param, PyObject dflt) {
        PyObject v = get(param);
        return v != null ? v : dflt;
    }

    /** The argument, or None when the call left it out (parameters declared {@code =None}). */
    public PyObject orNone(String param) {
        return or(param, PyRuntime.NONE);
    }

    /** The argument given, or its declared default, as a Py_ssize_t through __index__. */
    public long index(String param) {
        PyObject v = get(param);
        if (v != null) {
            // The "n" converter: _PyNumber_Index, then PyLong_AsSsize_t, whose OverflowError says "C ssize_t".
            PyInt i = Arith.indexObject(rt, v);
            try {
                if (!i.fitsLong()) throw rt.error(PyExc.OVERFLOW_ERROR, "Python int too large to convert to C ssize_t");
                return i.longValue();
            } finally {
                rt.heap.decref(i);
            }
        }
        if (sig.params().get(sig.indexOf(param)).dflt() instanceof Signature.Default.Int d) return d.value();
        throw new IllegalStateException(param + " of " + sig.qualname + "() has no int default");
    }

    /**
     * The argument as _PyEval_SliceIndexNotNone reads index()'s start and stop (list, tuple, deque,
     * array): an int clamped to the Py_ssize_t range (so 2**70 is no OverflowError); anything else a
     * TypeError; left out, its declared default.
     */
    public long sliceIndex(String param) {
        PyObject v = get(param);
        if (v == null) return index(param);
        // _PyEval_SliceIndex calls a class's __index__, which this conversion does not: refused, not a TypeError.
        if (v instanceof PyInstance) throw unsupported("a slice index that is an instance (its __index__)");
        if (!(v instanceof PyInt i)) throw rt.typeError("slice indices must be integers or have an __index__ method");
        if (i.fitsLong()) return i.longValue();
        return i.bigValue().signum() < 0 ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2;
    }

    /** The argument's truth (PyObject_IsTrue), or its declared True/False default. */
    public boolean truth(String param) {
        PyObject v = get(param);
        if (v != null) return rt.ops.truthy(v);
        if (sig.params().get(sig.indexOf(param)).dflt() instanceof Signature.Default.Bool d) return d.value();
        throw new IllegalStateException(param + " of " + sig.qualname + "() has no bool default");
    }

    /** The extra positional arguments a {@code *args} parameter collects. */
    public PyObject[] rest() {
        return bound.rest();
    }

    /** The extra keyword arguments a {@code **kwargs} parameter collects. */
    public Kwargs extra() {
        return bound.extra();
    }

    /** Stops the run: the simulator does not implement this argument as given. */
    public Unsupported refuse(String param) {
        return refusal(param);
    }

    /** Refuses {@code param} unless the call left it out or gave None. */
    public void refuseUnlessNone(String param) {
        PyObject v = get(param);
        if (v != null && v != PyRuntime.NONE) throw refuse(param);
    }

    /** After a builtin returned: an argument given but never read was ignored, which is refused. */
    public void checkAllRead() {
        for (int i = 0; i < read.length; i++) {
            if (!read[i] && bound.slots()[i] != null) throw refusal(sig.params().get(i).name());
        }
    }

    /** Stops the run over something in the arguments the simulator does not implement, named by {@code what}. */
    public Unsupported unsupported(String what) {
        return rt.refusal(what);
    }

    private Unsupported refusal(String param) {
        return unsupported("the '" + param + "' argument of " + sig.qualname + "()");
    }
}
