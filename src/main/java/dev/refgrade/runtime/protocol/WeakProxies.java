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
            "builtins.max", "builtins.min", "builtins.sum", "builtins.hash", "builtins.isinstance", "builtins.format", "str.format",
            "sys.getrefcount", "sys.getsizeof", "weakref.getweakrefcount", "weakref.getweakrefs",
            "list.append", "list.insert", "list.index", "list.count", "list.remove", "list.extend",
            "dict.get", "dict.pop", "dict.setdefault", "set.add", "set.discard", "set.remove");

    /**
     * The builtins whose C code reaches a proxy argument only through a number slot or a method
     * the proxy type forwards (proxy_abs, proxy_divmod, proxy_pow, proxy_index): the same as being
     * handed the referents. Not reversed() and bytes(): proxy_reversed and proxy_bytes call the
     * referent's __reversed__ and __bytes__ methods, with no fallback.
     */
    private static final Set<String> FORWARDS = Set.of("builtins.abs", "builtins.divmod", "builtins.pow", "builtins.hex",
            "builtins.oct", "builtins.bin", "operator.index");

    /**
     * A builtin call handed a proxy: null when it may take the proxy as it is (it only stores it or
     * uses the generic protocols); the referents, held while it runs (the caller releases them),
     * where it reaches them through the proxy's forwarding slots; otherwise refused.
     */
    public static PyObject[] checkArguments(PyRuntime rt, String owner, String name, PyObject[] args, Kwargs kw) {
        if (!any(args, kw)) return null; // first: the name is put together only for a call given a proxy
        String callee = owner + "." + name;
        if (PASSES_PROXIES.contains(callee)) return null;
        if (FORWARDS.contains(callee) && kw.isEmpty()) return referents(rt, args);
        throw refuse(rt, callee + "()");
    }

    /** The same for a type: int(p) and float(p) (proxy_int, proxy_float) get the referent. */
    public static PyObject[] checkArguments(PyRuntime rt, PyType t, PyObject[] args, Kwargs kw) {
        if (t == PyType.WEAKREF || t == PyType.STR || t == PyType.LIST || t == PyType.TUPLE || t == PyType.BOOL || t == PyType.TYPE && args.length == 1) return null;
        if (!any(args, kw)) return null;
        if ((t == PyType.INT || t == PyType.FLOAT) && args.length == 1 && kw.isEmpty()) return referents(rt, args);
        throw refuse(rt, t.name + "()");
    }

    private static boolean any(PyObject[] args, Kwargs kw) {
        for (PyObject a : args) if (is(a)) return true;
        for (PyObject a : kw.values()) if (is(a)) return true;
        return false;
    }

    /** Each argument, a proxy replaced by its referent; all held (ReferenceError for a dead one). */
    private static PyObject[] referents(PyRuntime rt, PyObject[] args) {
        PyObject[] out = new PyObject[args.length];
        try {
            for (int i = 0; i < args.length; i++) out[i] = hold(rt, args[i]);
        } catch (RuntimeException e) {
            for (PyObject o : out) if (o != null) rt.heap.decref(o);
            throw e;
        }
        return out;
    }

    /**
     * A proxy as the key of a builtin container: a dict hashes it (unhashable, as CPython says); a
     * sequence would take its index through proxy_index, which the simulator's indexing does not call.
     */
    public static void checkKey(PyRuntime rt, PyObject container, PyObject key) {
        if (is(key) && !(container instanceof dev.refgrade.runtime.objects.PyInstance) && !(container instanceof dev.refgrade.runtime.objects.PyDict)) {
            throw refuse(rt, "a subscript of a '" + container.type().name + "'");
        }
    }

    /**
     * str % x and bytes % x format x themselves (unicode_mod answers before the proxy's slot): a
     * proxy among the values is formatted as %s, %r or %d make of it, which is not modelled.
     */
    public static void checkPercentFormat(PyRuntime rt, PyObject values) {
        boolean proxy = is(values);
        if (values instanceof dev.refgrade.runtime.objects.PyTuple t) for (PyObject o : t.items) proxy |= is(o);
        if (proxy) throw refuse(rt, "the % operator of a str or bytes");
    }

    private static Unsupported refuse(PyRuntime rt, String callee) {
        return rt.refusal("a weakref proxy passed to " + callee + " (its forwarding there is not modelled)");
    }
}
