package dev.refgrade.runtime.protocol;

import dev.refgrade.python.BinOperator;
import dev.refgrade.python.CmpOp;
import dev.refgrade.python.UnaryOperator;
import dev.refgrade.runtime.Unsupported;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.PyWeakRef;
import java.util.Set;
import java.util.function.Function;

/**
 * weakref.proxy's slots (Objects/weakrefobject.c): each one unwraps its proxy operands to their
 * referents (UNWRAP, raising ReferenceError once the referent died), holds a strong reference to
 * them while it runs (Py_INCREF), and does the generic operation on the referents. A proxy has no
 * hash (PyObject_HashNotImplemented) and its own repr; everything else is forwarded.
 */
public final class WeakProxies {
    private WeakProxies() {}

    public static boolean is(PyObject o) {
        return o instanceof PyWeakRef w && w.isProxy();
    }

    /** UNWRAP and Py_INCREF: a proxy's referent (another object itself) as a new reference; ReferenceError when it died. */
    public static PyObject hold(PyRuntime rt, PyObject o) {
        if (!(o instanceof PyWeakRef w && w.isProxy())) return rt.heap.newRef(o);
        PyObject r = w.referent();
        // proxy_checkref
        if (r == null) throw rt.error(PyExc.REFERENCE_ERROR, "weakly-referenced object no longer exists");
        return rt.heap.newRef(r);
    }

    /** A unary slot: {@code op} on the referent, held while it runs. */
    public static <T> T on(PyRuntime rt, PyObject proxy, Function<PyObject, T> op) {
        PyObject x = hold(rt, proxy);
        try {
            return op.apply(x);
        } finally {
            rt.heap.decref(x);
        }
    }

    /** WRAP_BINARY: both operands unwrapped (either may be the proxy) before the generic operation. */
    public static <T> T on(PyRuntime rt, PyObject a, PyObject b, java.util.function.BiFunction<PyObject, PyObject, T> op) {
        PyObject x = hold(rt, a);
        PyObject y;
        try {
            y = hold(rt, b);
        } catch (RuntimeException e) {
            rt.heap.decref(x);
            throw e;
        }
        try {
            return op.apply(x, y);
        } finally {
            rt.heap.decref(x);
            rt.heap.decref(y);
        }
    }

    public static PyObject binary(PyRuntime rt, BinOperator op, PyObject a, PyObject b) {
        return on(rt, a, b, (x, y) -> Arith.binary(rt, op, x, y));
    }

    /** INPLACE_WRAP_BINARY: the generic in-place operation on the referents; its result, not the proxy, is bound. */
    public static PyObject inplace(PyRuntime rt, BinOperator op, PyObject a, PyObject b) {
        return on(rt, a, b, (x, y) -> Arith.inplace(rt, op, x, y));
    }

    public static PyObject unary(PyRuntime rt, UnaryOperator op, PyObject a) {
        return on(rt, a, x -> Arith.unary(rt, op, x));
    }

    /** proxy_richcompare: both sides unwrapped, then PyObject_RichCompare, which never answers NotImplemented. */
    public static PyObject compare(PyRuntime rt, PyObject a, PyObject b, CmpOp op) {
        return on(rt, a, b, (x, y) -> rt.ops.richCompare(x, y, op));
    }

    /** proxy_call (CallableProxyType only): the referent called with the same arguments. */
    public static PyObject call(PyRuntime rt, PyObject proxy, PyObject[] args, Kwargs kw) {
        return on(rt, proxy, x -> rt.ops.call(x, args, kw));
    }

    /** proxy_repr: the referent's type and address; from 3.13 worded as a ref's repr, and "dead" once it died. */
    static String repr(PyRuntime rt, PyWeakRef w) {
        PyObject r = w.referent();
        String at = "<weakproxy at " + Repr.addr(rt, w);
        if (rt.rules.proxyReprLikeRef) return at + (r == null ? "; dead>" : "; to '" + r.type().name + "' at " + Repr.addr(rt, r) + ">");
        // 3.11 and 3.12 print PyWeakref_GET_OBJECT's None for a dead referent.
        PyObject to = r == null ? PyRuntime.NONE : r;
        return at + " to " + to.type().name + " at " + Repr.addr(rt, to) + ">";
    }

    /**
     * The builtins a proxy may be handed to: those that only store it or reach it through the
     * generic protocols above. The others look at their argument's own type (int(), isinstance(),
     * abs(), bytes(), reversed() ...), where CPython finds the proxy's forwarding slots or
     * __class__: not modelled, so they are refused rather than answered for a ProxyType object.
     */
    private static final Set<String> PASSES_PROXIES = Set.of(
            "builtins.print", "builtins.repr", "builtins.len", "builtins.id", "builtins.getattr", "builtins.setattr",
            "builtins.hasattr", "builtins.delattr", "builtins.iter", "builtins.next", "builtins.callable", "builtins.sorted",
            "builtins.max", "builtins.min", "builtins.sum", "builtins.hash", "builtins.isinstance",
            "sys.getrefcount", "sys.getsizeof", "weakref.getweakrefcount", "weakref.getweakrefs",
            "list.append", "list.insert", "list.index", "list.count", "list.remove", "list.extend",
            "dict.get", "dict.pop", "dict.setdefault", "set.add", "set.discard", "set.remove");

    /** Refuses a builtin call that is handed a proxy, unless the builtin only stores it or uses the generic protocols. */
    public static void checkArguments(PyRuntime rt, String owner, String name, PyObject[] args, Kwargs kw) {
        if (PASSES_PROXIES.contains(owner + "." + name)) return;
        for (PyObject a : args) if (is(a)) throw refuse(rt, owner + "." + name + "()");
        for (PyObject a : kw.values()) if (is(a)) throw refuse(rt, owner + "." + name + "()");
    }

    /** The same for a type called with a proxy (int(p), float(p), bytes(p) ...); str, list and tuple go through the protocols. */
    public static void checkArguments(PyRuntime rt, PyType t, PyObject[] args, Kwargs kw) {
        if (t == PyType.WEAKREF || t == PyType.STR || t == PyType.LIST || t == PyType.TUPLE || t == PyType.BOOL || t == PyType.TYPE && args.length == 1) return;
        for (PyObject a : args) if (is(a)) throw refuse(rt, t.name + "()");
        for (PyObject a : kw.values()) if (is(a)) throw refuse(rt, t.name + "()");
    }

    private static Unsupported refuse(PyRuntime rt, String callee) {
        var frame = rt.interp.currentFrame();
        return new Unsupported("a weakref proxy passed to " + callee + " (its forwarding there is not modelled)", frame == null ? 0 : frame.line);
    }
}
