package dev.refgrade.runtime.protocol;

import dev.refgrade.runtime.stdlib.CounterOps;
import dev.refgrade.runtime.objects.PyCounter;
import dev.refgrade.runtime.stdlib.OrderedDictType;
import dev.refgrade.runtime.objects.PyODict;
import dev.refgrade.python.CmpOp;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyComplex;
import dev.refgrade.runtime.objects.PyDeque;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyKeyWrapper;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyMethod;
import dev.refgrade.runtime.objects.PyByteArray;
import dev.refgrade.runtime.objects.PyBytes;
import dev.refgrade.runtime.objects.PyMemoryView;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyRange;
import dev.refgrade.runtime.objects.PySet;
import dev.refgrade.runtime.objects.PySlice;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyWeakMethod;
import dev.refgrade.runtime.objects.PyWeakRef;

/** Rich comparison (PyObject_RichCompare): builtin orderings, then classes' dunder methods. */
public final class Compare {
    private Compare() {}

    static PyObject richCompare(PyRuntime rt, PyObject a, PyObject b, CmpOp op) {
        // proxy_richcompare: the left operand's slot first; on the right, after the left's own comparison declined.
        if (WeakProxies.is(a)) return WeakProxies.compare(rt, a, b, op);
        if (WeakProxies.is(b) && !(a instanceof PyInstance)) return WeakProxies.compare(rt, b, a, reflected(op));
        // mappingproxy_richcompare: the mapping's comparison, reflected when the proxy is on the right.
        if (a instanceof dev.refgrade.runtime.objects.PyMappingProxy p) {
            dev.refgrade.runtime.stdlib.MappingProxyType.checkListable(rt, p);
            return rt.ops.richCompare(p.mapping, b, op);
        }
        if (b instanceof dev.refgrade.runtime.objects.PyMappingProxy p) {
            dev.refgrade.runtime.stdlib.MappingProxyType.checkListable(rt, p);
            return rt.ops.richCompare(p.mapping, a, switch (op) {
                case LT -> CmpOp.GT;
                case GT -> CmpOp.LT;
                case LE -> CmpOp.GE;
                case GE -> CmpOp.LE;
                default -> op;
            });
        }
        // ga_richcompare: == and != compare origins and arguments.
        if (a instanceof dev.refgrade.runtime.objects.PyGenericAlias x && b instanceof dev.refgrade.runtime.objects.PyGenericAlias y
                && (op == CmpOp.EQ || op == CmpOp.NE)) {
            boolean eq = rt.ops.eq(x.origin, y.origin) && rt.ops.eq(x.args, y.args);
            return PyRuntime.bool(eq == (op == CmpOp.EQ));
        }
        // namespace_richcompare: two namespaces compare their dicts for == and !=.
        if (a instanceof dev.refgrade.runtime.objects.PyNamespace x && b instanceof dev.refgrade.runtime.objects.PyNamespace y
                && (op == CmpOp.EQ || op == CmpOp.NE)) return rt.ops.richCompare(x.dict, y.dict, op);
        // keyobject_richcompare, on whichever side a KeyWrapper is: no other type compares with one.
        if (a instanceof PyKeyWrapper k) return compareKeys(rt, k, b, op);
        if (b instanceof PyKeyWrapper k) {
            if (a instanceof PyInstance) throw rt.refusal("comparing an instance of a class with a functools.KeyWrapper");
            return compareKeys(rt, k, a, reflected(op));
        }
        if (a instanceof PyInstance || b instanceof PyInstance) return viaDunders(rt, a, b, op);
        if (a instanceof PyCounter x && b instanceof PyCounter y) return PyRuntime.bool(CounterOps.compare(rt, x, y, op));
        Integer c = compareBuiltin(rt, a, b, op);
        if (c != null) return PyRuntime.bool(holds(op, c));
        return switch (op) {
            case EQ -> PyRuntime.bool(a == b);
            case NE -> PyRuntime.bool(a != b);
            default -> throw unsupported(rt, a, b, op);
        };
    }

    /** The comparison function's result for the two wrapped objects, compared with 0 by {@code op}. */
    private static PyObject compareKeys(PyRuntime rt, PyKeyWrapper k, PyObject other, CmpOp op) {
        if (!(other instanceof PyKeyWrapper o)) throw rt.typeError("other argument must be K instance");
        if (k.object == null || o.object == null) throw rt.error(PyExc.ATTRIBUTE_ERROR, "object");
        PyObject res = rt.ops.call(k.cmp, k.object, o.object);
        try {
            return rt.ops.richCompare(res, rt.newInt(0), op);
        } finally {
            rt.heap.decref(res);
        }
    }

    private static PyException unsupported(PyRuntime rt, PyObject a, PyObject b, CmpOp op) {
        return rt.typeError("'" + op.symbol + "' not supported between instances of '" + a.type().name + "' and '"
                + b.type().name + "'");
    }

    static boolean holds(CmpOp op, int c) {
        if (c == Arith.UNORDERED) return op == CmpOp.NE; // float_richcompare with a NaN
        return switch (op) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            default -> throw new IllegalArgumentException(op.toString());
        };
    }

    /** Sign of a-b for comparable builtins; for EQ/NE-only kinds 0 or 1; null when not comparable. */
    private static Integer compareBuiltin(PyRuntime rt, PyObject a, PyObject b, CmpOp op) {
        if (Arith.isNumber(a) && Arith.isNumber(b)) return Arith.compare(a, b);
        if (a instanceof PyStr x && b instanceof PyStr y) {
            rt.charge(Math.min(x.value.length(), y.value.length()));
            return Integer.signum(x.value.compareTo(y.value));
        }
        if (a instanceof PyComplex || b instanceof PyComplex) return Complexes.compare(rt, a, b, op);
        if (a instanceof PyMemoryView || b instanceof PyMemoryView) return MemoryViews.compare(a, b, op);
        byte[] bytesA = BytesOps.contents(a), bytesB = BytesOps.contents(b);
        if (bytesA != null && bytesB != null) return BytesOps.compare(rt, bytesA, bytesB);
        if (a instanceof PyList x && b instanceof PyList y) return sequences(rt, x.items, x.size, y.items, y.size, op);
        if (a instanceof PyTuple x && b instanceof PyTuple y) {
            return sequences(rt, x.items, x.items.length, y.items, y.items.length, op);
        }
        if (a instanceof dev.refgrade.runtime.objects.PyArray x && b instanceof dev.refgrade.runtime.objects.PyArray y) {
            return dev.refgrade.runtime.stdlib.ArrayItems.compare(rt, x, y, op);
        }
        if (a instanceof PyDeque x && b instanceof PyDeque y) {
            // deque_richcompare: EQ/NE decided by identity, then by length, before any item is compared.
            if ((op == CmpOp.EQ || op == CmpOp.NE) && (x == y || x.items.size() != y.items.size())) return x == y ? 0 : 1;
            PyObject[] xs = x.items.toArray(new PyObject[0]), ys = y.items.toArray(new PyObject[0]);
            return sequences(rt, xs, xs.length, ys, ys.length, op);
        }
        if (a instanceof PyDict x && b instanceof PyDict y && (op == CmpOp.EQ || op == CmpOp.NE)) {
            // odict_richcompare: two OrderedDicts must also list their keys in the same order.
            boolean eq = dictsEqual(rt, x, y) && (!(x instanceof PyODict ox && y instanceof PyODict oy) || OrderedDictType.keysEqual(rt, ox, oy));
            return eq ? 0 : 1;
        }
        if (a instanceof PySet x && b instanceof PySet y) return sets(rt, x, y, op);
        if (setLikeView(a) && (b instanceof PySet || setLikeView(b))) return dictView(rt, a, b, op);
        if (a instanceof PySet && setLikeView(b)) { // set_richcompare: NotImplemented, so the view's, reflected
            Integer r = dictView(rt, b, a, reflected(op));
            return r == null || op == CmpOp.EQ || op == CmpOp.NE ? r : -r;
        }
        if (a instanceof PyMethod x && b instanceof PyMethod y && (op == CmpOp.EQ || op == CmpOp.NE)) {
            // method_richcompare (3.8+): the same function bound to the very same object.
            return x.self == y.self && rt.ops.eq(x.func, y.func) ? 0 : 1;
        }
        if (a instanceof PyWeakMethod x && b instanceof PyWeakMethod y && (op == CmpOp.EQ || op == CmpOp.NE)) {
            // WeakMethod.__eq__ / __ne__: a dead one equals only itself; else both refs and both _func_refs compare equal.
            if (!x.alive || !y.alive) return x == y ? 0 : 1;
            return refsEqual(rt, x, y) && refsEqual(rt, x.funcRef, y.funcRef) ? 0 : 1;
        }
        if (a instanceof PyWeakRef x && b instanceof PyWeakRef y && (op == CmpOp.EQ || op == CmpOp.NE)) return refsEqual(rt, x, y) ? 0 : 1;
        if (a instanceof PySlice x && b instanceof PySlice y) return slices(rt, x, y, op);
        if (a instanceof PyRange x && b instanceof PyRange y && (op == CmpOp.EQ || op == CmpOp.NE)) {
            boolean same = x.length() == y.length() && (x.length() == 0 || x.start == y.start && (x.length() == 1 || x.step == y.step));
            return same ? 0 : 1;
        }
        return null;
    }

    /** weakref_richcompare: live references compare their referents, dead ones their identity. */
    private static boolean refsEqual(PyRuntime rt, PyWeakRef x, PyWeakRef y) {
        if (x.referent() == null || y.referent() == null) return x == y;
        return rt.ops.eq(x.referent(), y.referent());
    }

    /**
     * slice_richcompare: the same slice is equal to itself; otherwise two tuples are packed
     * (PyTuple_Pack, so two 3-tuples are made and freed) and compared.
     */
    private static Integer slices(PyRuntime rt, PySlice x, PySlice y, CmpOp op) {
        if (x == y) return 0;
        PyTuple tx = rt.newTuple(rt.heap.newRef(x.start), rt.heap.newRef(x.stop), rt.heap.newRef(x.step));
        PyTuple ty = rt.newTuple(rt.heap.newRef(y.start), rt.heap.newRef(y.stop), rt.heap.newRef(y.step));
        try {
            return sequences(rt, tx.items, 3, ty.items, 3, op);
        } finally {
            rt.heap.decref(tx);
            rt.heap.decref(ty);
        }
    }

    /** Lexicographic, with identity implying item equality (PyObject_RichCompareBool). */
    private static Integer sequences(PyRuntime rt, PyObject[] a, int na, PyObject[] b, int nb, CmpOp op) {
        if ((op == CmpOp.EQ || op == CmpOp.NE) && na != nb) return 1;
        int n = Math.min(na, nb);
        for (int i = 0; i < n; i++) {
            rt.charge(1);
            if (!rt.ops.eq(a[i], b[i])) {
                if (op == CmpOp.EQ || op == CmpOp.NE) return 1;
                // list_richcompare: the first differing items decide, compared with the operator itself.
                boolean verdict = rt.ops.compareBool(a[i], b[i], op);
                return (op == CmpOp.LT || op == CmpOp.LE) == verdict ? -1 : 1;
            }
        }
        return Integer.compare(na, nb);
    }

    private static boolean dictsEqual(PyRuntime rt, PyDict a, PyDict b) {
        if (a.used != b.used) return false;
        for (int i = a.nextEntry(0); i < a.entries; i = a.nextEntry(i + 1)) {
            rt.charge(1);
            PyObject other = b.getBorrowed(rt, a.keys[i]);
            if (other == null || !rt.ops.eq(a.values[i], other)) return false;
        }
        return true;
    }

    private static Integer sets(PyRuntime rt, PySet a, PySet b, CmpOp op) {
        boolean aInB = subset(rt, a, b), bInA = subset(rt, b, a);
        return switch (op) {
            case EQ, NE -> aInB && bInA ? 0 : 1;
            case LE -> aInB ? -1 : 1;
            case LT -> aInB && !bInA ? -1 : 1;
            case GE -> bInA ? 1 : -1;
            case GT -> bInA && !aInB ? 1 : -1;
            default -> null;
        };
    }

    /** A keys or items view: set-like (PyDictViewSet_Check); a values view is not. */
    private static boolean setLikeView(PyObject o) {
        return o instanceof dev.refgrade.runtime.objects.PyDictView v && (v.type == dev.refgrade.runtime.objects.PyType.DICT_KEYS || v.type == dev.refgrade.runtime.objects.PyType.DICT_ITEMS);
    }

    /** dictview_richcompare: sizes first, then whether every item of the smaller side is in the other. */
    private static Integer dictView(PyRuntime rt, PyObject a, PyObject b, CmpOp op) {
        long la = rt.ops.len(a), lb = rt.ops.len(b);
        boolean ok = switch (op) {
            case EQ, NE -> la == lb && containedIn(rt, a, b);
            case LT -> la < lb && containedIn(rt, a, b);
            case LE -> la <= lb && containedIn(rt, a, b);
            case GT -> la > lb && containedIn(rt, b, a);
            case GE -> la >= lb && containedIn(rt, b, a);
            default -> false;
        };
        return switch (op) {
            case EQ, NE -> ok ? 0 : 1;
            case LT, LE -> ok ? -1 : 1;
            case GT, GE -> ok ? 1 : -1;
            default -> null;
        };
    }

    /** all_contained_in: each item of a, in turn, is in b. */
    private static boolean containedIn(PyRuntime rt, PyObject a, PyObject b) {
        PyObject[] items = dev.refgrade.runtime.stdlib.Builtins.toArray(rt, a);
        try {
            for (PyObject item : items) if (!rt.ops.contains(b, item)) return false;
            return true;
        } finally {
            for (PyObject item : items) rt.heap.decref(item);
        }
    }

    private static boolean subset(PyRuntime rt, PySet a, PySet b) {
        if (a.used > b.used) return false;
        for (int i = a.nextSlot(0); i < a.table.length; i = a.nextSlot(i + 1)) {
            rt.charge(1);
            if (!b.contains(rt, a.table[i])) return false;
        }
        return true;
    }

    private static CmpOp reflected(CmpOp op) {
        return switch (op) {
            case LT -> CmpOp.GT;
            case GT -> CmpOp.LT;
            case LE -> CmpOp.GE;
            case GE -> CmpOp.LE;
            default -> op;
        };
    }

    private static String dunder(CmpOp op) {
        return switch (op) {
            case EQ -> "__eq__";
            case NE -> "__ne__";
            case LT -> "__lt__";
            case LE -> "__le__";
            case GT -> "__gt__";
            case GE -> "__ge__";
            default -> throw new IllegalArgumentException(op.toString());
        };
    }

    /** do_richcompare: the left operand's method, then the right's reflected one, then identity. */
    private static PyObject viaDunders(PyRuntime rt, PyObject a, PyObject b, CmpOp op) {
        boolean rightFirst = b.type() != a.type() && b.type().isSubtypeOf(a.type());
        if (rightFirst) {
            PyObject r = tryDunder(rt, b, a, reflected(op));
            if (r != null) return r;
        }
        PyObject r = tryDunder(rt, a, b, op);
        if (r != null) return r;
        if (!rightFirst) {
            r = tryDunder(rt, b, a, reflected(op));
            if (r != null) return r;
        }
        return switch (op) {
            case EQ -> PyRuntime.bool(a == b);
            case NE -> PyRuntime.bool(a != b);
            default -> throw unsupported(rt, a, b, op);
        };
    }

    /** The result of {@code self.__op__(other)}, or null for NotImplemented or no such method. */
    private static PyObject tryDunder(PyRuntime rt, PyObject self, PyObject other, CmpOp op) {
        if (WeakProxies.is(self)) return WeakProxies.compare(rt, self, other, op);
        if (!(self instanceof PyInstance)) {
            Integer c = compareBuiltin(rt, self, other, op);
            return c == null ? null : PyRuntime.bool(holds(op, c));
        }
        PyObject f = self.type().lookup(rt, dunder(op));
        if (f == null && op == CmpOp.NE) {
            // object.__ne__ inverts __eq__ unless that is NotImplemented.
            PyObject eq = tryDunder(rt, self, other, CmpOp.EQ);
            if (eq == null) return null;
            boolean t = rt.ops.truthy(eq);
            rt.heap.decref(eq);
            return PyRuntime.bool(!t);
        }
        if (f == null) return null;
        PyObject r = rt.ops.call(f, self, other);
        if (r == PyRuntime.NOT_IMPLEMENTED) return null;
        return r;
    }
}
