package dev.refgrade.runtime.stdlib;

import dev.refgrade.python.BinOperator;
import dev.refgrade.python.CmpOp;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyCounter;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyDictView;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;
import dev.refgrade.runtime.objects.Signature.Convention;
import dev.refgrade.runtime.protocol.Arith;
import java.util.Arrays;
import java.util.List;

/**
 * collections.Counter, following Lib/collections/__init__.py (3.11) statement by statement: which
 * dict operations each method does, in which order, and which objects it makes on the way.
 */
public final class CounterType {
    private CounterType() {}

    /** The body of `for elem, count in d.items():` — the pair unpacked, so the iterator may reuse its tuple. */
    interface ItemBody {
        void run(PyObject elem, PyObject count);
    }

    static void install(Registry reg) {
        PyType t = PyCounter.TYPE;
        reg.put("Counter", t);
        reg.constructor(t, python("iterable=None, /, **kwds").named("Counter.__init__", "__init__"), (rt, type, a) -> {
            if (type != PyCounter.TYPE) throw a.unsupported("an instance of a subclass of collections.Counter");
            return TpCall.call(rt, new PyObject[0], Kwargs.NONE, (args, kw) -> make(rt, a.get("iterable"), a.extra()));
        });
        reg.method(t, "__missing__", python("key"), (PyRuntime rt, PyCounter c, Args a) -> {
            a.get("key");
            return rt.newInt(0);
        });
        reg.method(t, "total", python(""), (PyRuntime rt, PyCounter c, Args a) -> {
            PyObject values = view(rt, PyType.DICT_VALUES, c);
            try {
                return IterFunctions.sum(rt, values, null);
            } finally {
                rt.heap.decref(values);
            }
        });
        reg.method(t, "most_common", python("n=None"), (PyRuntime rt, PyCounter c, Args a) -> mostCommon(rt, c, a.orNone("n")));
        reg.method(t, "elements", python(""), CounterType::elements);
        reg.method(t, "update", python("iterable=None, /, **kwds"), (PyRuntime rt, PyCounter c, Args a) -> {
            update(rt, c, a.orNone("iterable"), kwds(rt, a.extra()));
            return PyRuntime.NONE;
        });
        reg.method(t, "subtract", python("iterable=None, /, **kwds"), (PyRuntime rt, PyCounter c, Args a) -> {
            subtract(rt, c, a.orNone("iterable"), kwds(rt, a.extra()));
            return PyRuntime.NONE;
        });
        reg.method(t, "copy", python(""), (PyRuntime rt, PyCounter c, Args a) -> copy(rt, c));
        // Lib/collections/__init__.py: a classmethod that only raises, since counts cannot all be one value.
        reg.classMethod(t, "fromkeys", python("iterable, v=None"), (rt, cls, a) -> {
            a.get("iterable");
            a.get("v");
            throw rt.error(PyExc.NOT_IMPLEMENTED_ERROR, "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.");
        });
        for (String refused : List.of("__reduce__", "__init__", "__class_getitem__", "_keep_positive")) {
            reg.method(t, refused, "*args, **kwargs", (PyRuntime rt, PyCounter c, Args a) -> {
                throw a.unsupported("Counter." + refused);
            });
        }
    }

    private static Signature python(String params) {
        return Signature.parse(params).as(Convention.PYTHON_METHOD);
    }

    /** dict_new of the class, then __init__: super().__init__() (nothing to add), then self.update(iterable, **kwds). */
    static PyCounter make(PyRuntime rt, PyObject iterable, Kwargs kw) {
        PyCounter c = rt.heap.alloc(new PyCounter());
        c.sizeModelled = true;
        try {
            update(rt, c, iterable == null ? PyRuntime.NONE : iterable, kwds(rt, kw));
        } catch (RuntimeException e) {
            rt.heap.decref(c);
            throw e;
        }
        return c;
    }

    /** A Python function's **kwds: a new dict, filled keyword by keyword; null when there were none (never read then). */
    private static PyDict kwds(PyRuntime rt, Kwargs kw) {
        if (kw.isEmpty()) return null;
        PyDict d = rt.newDict().modelled();
        DictMethods.putAll(rt, d, kw);
        return d;
    }

    /**
     * Counter.update: a mapping's counts added to those present (or, into an empty Counter, dict.update);
     * any other iterable counted by _count_elements; then the keywords as a mapping. Takes {@code kwds}.
     */
    static void update(PyRuntime rt, PyCounter c, PyObject iterable, PyDict kwds) {
        try {
            if (iterable != PyRuntime.NONE) {
                if (isMapping(rt, iterable)) {
                    if (c.used > 0) {
                        forEachItem(rt, (PyDict) iterable, (elem, count) -> {
                            PyObject old = getOrZero(rt, c, elem);
                            store(rt, c, elem, add(rt, count, old));
                        });
                    } else {
                        DictMethods.merge(rt, c, iterable);
                    }
                } else {
                    countElements(rt, c, iterable);
                }
            }
            if (kwds != null) update(rt, c, kwds, null);
        } finally {
            rt.heap.xdecref(kwds);
        }
    }

    /** Counter.subtract: self[elem] = self.get(elem, 0) - count (or - 1 per element of an iterable). Takes {@code kwds}. */
    static void subtract(PyRuntime rt, PyCounter c, PyObject iterable, PyDict kwds) {
        Heap heap = rt.heap;
        try {
            if (iterable != PyRuntime.NONE) {
                if (isMapping(rt, iterable)) {
                    forEachItem(rt, (PyDict) iterable, (elem, count) -> {
                        PyObject old = getOrZero(rt, c, elem);
                        store(rt, c, elem, sub(rt, old, count));
                    });
                } else {
                    PyObject it = rt.ops.iter(iterable);
                    try {
                        for (PyObject elem = rt.ops.next(it); elem != null; elem = rt.ops.next(it)) {
                            try {
                                PyObject old = getOrZero(rt, c, elem);
                                store(rt, c, elem, sub(rt, old, PyRuntime.smallInt(1)));
                            } finally {
                                heap.decref(elem);
                            }
                        }
                    } finally {
                        heap.decref(it);
                    }
                }
            }
            if (kwds != null) subtract(rt, c, kwds, null);
        } finally {
            heap.xdecref(kwds);
        }
    }

    /** isinstance(x, collections.abc.Mapping): dicts and their subclasses here; the weak dictionaries are refused. */
    private static boolean isMapping(PyRuntime rt, PyObject x) {
        if (WeakContainers.isWeakMapping(rt, x)) {
            throw rt.refusal("a Counter counted from a weak dictionary");
        }
        return x instanceof PyDict;
    }

    /** self.get(elem, 0), a new reference. */
    static PyObject getOrZero(PyRuntime rt, PyDict c, PyObject elem) {
        PyObject v = c.getBorrowed(rt, elem);
        return v != null ? rt.heap.newRef(v) : rt.newInt(0);
    }

    /** self[elem] = value (dict's own __setitem__), taking the value. */
    static void store(PyRuntime rt, PyDict c, PyObject elem, PyObject owned) {
        try {
            rt.ops.setItem(c, elem, owned);
        } finally {
            rt.heap.decref(owned);
        }
    }

    /** count + other: both borrowed except {@code owned}, which is released. */
    static PyObject add(PyRuntime rt, PyObject count, PyObject owned) {
        try {
            return Arith.binary(rt, BinOperator.ADD, count, owned);
        } finally {
            rt.heap.decref(owned);
        }
    }

    static PyObject sub(PyRuntime rt, PyObject owned, PyObject count) {
        try {
            return Arith.binary(rt, BinOperator.SUB, owned, count);
        } finally {
            rt.heap.decref(owned);
        }
    }

    /**
     * _count_elements' fast path (Counter keeps dict's get and __setitem__): each key's count read
     * and stored with the one hash, 1 for a new key, old + 1 otherwise.
     */
    private static void countElements(PyRuntime rt, PyDict c, PyObject iterable) {
        Heap heap = rt.heap;
        PyObject it = rt.ops.iter(iterable);
        try {
            for (PyObject key = rt.ops.next(it); key != null; key = rt.ops.next(it)) {
                try {
                    long hash = rt.ops.hash(key);
                    int ix = c.find(rt, key, hash);
                    if (ix < 0) {
                        c.putKnownHash(rt, key, PyRuntime.smallInt(1), hash);
                    } else {
                        PyObject next = Arith.binary(rt, BinOperator.ADD, c.valueAt(ix), PyRuntime.smallInt(1));
                        try {
                            c.putKnownHash(rt, key, next, hash);
                        } finally {
                            heap.decref(next);
                        }
                    }
                } finally {
                    heap.decref(key);
                }
            }
        } finally {
            heap.decref(it);
        }
    }

    /** `for elem, count in d.items():` — the view made and dropped at GET_ITER, each pair unpacked then released. */
    static void forEachItem(PyRuntime rt, PyDict d, ItemBody body) {
        Heap heap = rt.heap;
        PyObject view = view(rt, PyType.DICT_ITEMS, d);
        PyObject it;
        try {
            it = rt.ops.iter(view);
        } finally {
            heap.decref(view);
        }
        try {
            for (PyObject pair = rt.ops.next(it); pair != null; pair = rt.ops.next(it)) {
                PyTuple t = (PyTuple) pair;
                PyObject elem = heap.newRef(t.items[0]), count = heap.newRef(t.items[1]);
                heap.decref(pair);
                try {
                    body.run(elem, count);
                } finally {
                    heap.decref(elem);
                    heap.decref(count);
                }
            }
        } finally {
            heap.decref(it);
        }
    }

    private static PyObject view(PyRuntime rt, PyType type, PyDict d) {
        return rt.heap.alloc(new PyDictView(type, rt.heap.newRef(d)));
    }

    /**
     * most_common(n): sorted(self.items(), key=itemgetter(1), reverse=True), a stable sort so equal
     * counts keep insertion order; with n, heapq.nlargest's same first n, n checked first.
     */
    static PyObject mostCommon(PyRuntime rt, PyCounter c, PyObject n) {
        long keep = n == PyRuntime.NONE ? Long.MAX_VALUE : nlargestCount(rt, n, c.size());
        PyObject items = view(rt, PyType.DICT_ITEMS, c);
        PyList list;
        try {
            list = Builtins.listOf(rt, items);
        } finally {
            rt.heap.decref(items);
        }
        PyObject[] pairs = Arrays.copyOf(list.items, list.size);
        try {
            Arrays.sort(pairs, (x, y) -> rt.ops.compareBool(((PyTuple) y).items[1], ((PyTuple) x).items[1], CmpOp.LT) ? -1
                    : rt.ops.compareBool(((PyTuple) x).items[1], ((PyTuple) y).items[1], CmpOp.LT) ? 1 : 0);
        } catch (RuntimeException e) {
            rt.heap.decref(list);
            throw e;
        }
        System.arraycopy(pairs, 0, list.items, 0, pairs.length);
        if (keep >= list.size) return list;
        PyObject[] top = new PyObject[(int) keep];
        for (int i = 0; i < keep; i++) top[i] = rt.heap.newRef(list.items[i]);
        rt.heap.decref(list);
        return rt.newList(top, top.length);
    }

    /**
     * How many items heapq.nlargest(n, iterable, key) returns, its tests in Lib/heapq.py's order:
     * n == 1 is max() (one item, or none); n >= len(iterable) is sorted(...)[:n], so n is a slice
     * bound; otherwise zip(range(0, -n, -1), it) takes up to n items, so n is an integer.
     */
    private static long nlargestCount(PyRuntime rt, PyObject n, int size) {
        // Lib/heapq.py asks an instance ==, >=, unary - and range() in turn: not modelled.
        if (n instanceof dev.refgrade.runtime.objects.PyInstance) throw rt.refusal("Counter.most_common(n) of an instance n");
        PyObject one = rt.newInt(1), len = rt.newInt(size);
        try {
            if (rt.ops.eq(n, one)) return Math.min(1, size);
            if (rt.ops.compareBool(n, len, CmpOp.GE)) {
                if (!(n instanceof dev.refgrade.runtime.objects.PyInt)) {
                    throw rt.typeError("slice indices must be integers or None or have an __index__ method");
                }
                return size;
            }
            PyObject negated = Arith.unary(rt, dev.refgrade.python.UnaryOperator.NEG, n); // -n before range() sees it
            rt.heap.decref(negated);
            return Math.max(0, Arith.toLong(rt, n));
        } finally {
            rt.heap.decref(one);
            rt.heap.decref(len);
        }
    }

    /** elements(): chain.from_iterable(starmap(repeat, self.items())). */
    private static PyObject elements(PyRuntime rt, PyCounter c, Args a) {
        Heap heap = rt.heap;
        var itertools = Modules.contents("itertools"); // collections imports it: _chain, _starmap, _repeat
        PyObject items = view(rt, PyType.DICT_ITEMS, c);
        try {
            PyObject star = rt.ops.call(itertools.get("starmap"), itertools.get("repeat"), items);
            try {
                return rt.ops.call(((PyType) itertools.get("chain")).builtinAttrs.get("from_iterable"), star);
            } finally {
                heap.decref(star);
            }
        } finally {
            heap.decref(items);
        }
    }

    /** copy(): self.__class__(self), a Counter made from this one (into an empty Counter, dict.update). */
    static PyObject copy(PyRuntime rt, PyCounter c) {
        return TpCall.call(rt, new PyObject[] {c}, Kwargs.NONE, (args, kw) -> make(rt, c, Kwargs.NONE));
    }

    /** __repr__: "Counter()" when empty, else Counter({...}) of dict(self.most_common()), or of dict(self) when counts do not order. */
    public static String repr(PyRuntime rt, PyCounter c) {
        if (c.used == 0) return "Counter()";
        PyDict d = rt.newDict().modelled();
        try {
            PyObject pairs;
            try {
                pairs = mostCommon(rt, c, PyRuntime.NONE);
            } catch (PyException e) {
                if (e.excType != PyExc.TYPE_ERROR) throw e;
                e.discard(rt.heap);
                pairs = null;
            }
            try {
                DictMethods.merge(rt, d, pairs != null ? pairs : c);
            } finally {
                rt.heap.xdecref(pairs);
            }
            return "Counter(" + rt.ops.repr(d) + ")";
        } finally {
            rt.heap.decref(d);
        }
    }
}
