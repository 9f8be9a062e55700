package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.BuiltinGetter;
import dev.refgrade.runtime.objects.PyDeque;
import dev.refgrade.runtime.objects.PyDequeIter;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;
import dev.refgrade.runtime.objects.Signature.Convention;
import dev.refgrade.runtime.protocol.Arith;

/** collections.deque's methods, each as Modules/_collectionsmodule.c (3.11) moves items, counts and indices. */
public final class DequeType {
    private DequeType() {}

    static void install(Registry reg) {
        PyType t = PyDeque.TYPE;
        reg.put("deque", t);
        // deque_init's PyArg_ParseTupleAndKeywords("|OO:deque") names it by its short name.
        t.constructor = new PyType.Constructor(Signature.parse("iterable=<unrepresentable>, maxlen=None").named("deque", "deque"),
                DequeType::construct);
        reg.method(t, "append", "item, /", (PyRuntime rt, PyDeque d, Args a) -> {
            d.append(rt.heap, rt.heap.newRef(a.get("item")), d.maxlen);
            return PyRuntime.NONE;
        });
        reg.method(t, "appendleft", "item, /", (PyRuntime rt, PyDeque d, Args a) -> {
            d.appendLeft(rt.heap, rt.heap.newRef(a.get("item")), d.maxlen);
            return PyRuntime.NONE;
        });
        reg.method(t, "pop", "", (PyRuntime rt, PyDeque d, Args a) -> {
            if (d.items.isEmpty()) throw rt.error(PyExc.INDEX_ERROR, "pop from an empty deque");
            return d.pop();
        });
        reg.method(t, "popleft", "", (PyRuntime rt, PyDeque d, Args a) -> {
            if (d.items.isEmpty()) throw rt.error(PyExc.INDEX_ERROR, "pop from an empty deque");
            return d.popLeft();
        });
        reg.method(t, "extend", "iterable, /", (PyRuntime rt, PyDeque d, Args a) -> extend(rt, d, a.get("iterable"), false));
        reg.method(t, "extendleft", "iterable, /", (PyRuntime rt, PyDeque d, Args a) -> extend(rt, d, a.get("iterable"), true));
        reg.method(t, "clear", "", (PyRuntime rt, PyDeque d, Args a) -> {
            d.takeAll().forEach(rt.heap::decref);
            return PyRuntime.NONE;
        });
        // 3.11's deque_rotate checks the count with _PyArg_CheckPositional("deque.rotate", ...), then _PyNumber_Index.
        reg.method(t, "rotate", Signature.parse("n=1, /").as(Convention.POSITIONAL).named("deque.rotate", "deque.rotate"), (PyRuntime rt, PyDeque d, Args a) -> {
            d.rotate(a.index("n"));
            return PyRuntime.NONE;
        });
        reg.method(t, "reverse", "", (PyRuntime rt, PyDeque d, Args a) -> {
            java.util.Collections.reverse(d.items); // deque_reverse swaps pointers and leaves the state alone
            return PyRuntime.NONE;
        });
        reg.method(t, "count", "value, /", (PyRuntime rt, PyDeque d, Args a) -> rt.newInt(count(rt, d, a.get("value"), Long.MAX_VALUE, false)));
        reg.method(t, "index", Signature.parse("value, start=0, stop=sys.maxsize, /").as(Convention.PARSE_TUPLE), DequeType::indexOf);
        reg.method(t, "remove", "value, /", DequeType::remove);
        reg.method(t, "insert", Signature.parse("index, object, /").as(Convention.PARSE_TUPLE), DequeType::insert);
        reg.method(t, "copy", "", (PyRuntime rt, PyDeque d, Args a) -> copy(rt, d));
        reg.method(t, "__copy__", "", (PyRuntime rt, PyDeque d, Args a) -> copy(rt, d));
        reg.method(t, "__reversed__", "", (PyRuntime rt, PyDeque d, Args a) -> rt.heap.alloc(new PyDequeIter(rt.heap.newRef(d), true)));
        reg.method(t, "__sizeof__", "", (PyRuntime rt, PyDeque d, Args a) -> rt.newInt(d.sizeOf() - 16));
        t.install("maxlen", new BuiltinGetter((rt, self) -> {
            long m = ((PyDeque) self).maxlen;
            return m < 0 ? PyRuntime.NONE : rt.newInt(m);
        }));
        for (String refused : java.util.List.of("__reduce__", "__class_getitem__")) {
            reg.method(t, refused, "*args, **kwargs", (PyRuntime rt, PyDeque d, Args a) -> {
                throw a.unsupported("deque." + refused);
            });
        }
    }

    /** deque_new then deque_init: maxlen checked, then the iterable appended with deque_extend. */
    private static PyObject construct(PyRuntime rt, PyType t, Args a) {
        if (t != PyDeque.TYPE) throw a.unsupported("an instance of a subclass of collections.deque");
        PyObject iterable = a.get("iterable");
        PyObject m = a.orNone("maxlen");
        long maxlen = -1;
        if (m != PyRuntime.NONE) {
            if (!(m instanceof PyInt)) throw rt.typeError("an integer is required"); // PyLong_AsSsize_t, no __index__
            maxlen = Arith.toLong(rt, m);
            if (maxlen < 0) throw rt.error(PyExc.VALUE_ERROR, "maxlen must be non-negative");
        }
        PyDeque d = rt.heap.alloc(new PyDeque());
        d.maxlen = maxlen;
        if (iterable != null) {
            try {
                rt.heap.decref(extend(rt, d, iterable, false));
            } catch (RuntimeException e) {
                rt.heap.decref(d);
                throw e;
            }
        }
        return d;
    }

    /**
     * deque_extend / deque_extendleft: the deque itself is first copied to a list; with maxlen 0 the
     * iterator is only run out; an empty deque starts filling from the far end of its block.
     */
    static PyObject extend(PyRuntime rt, PyDeque d, PyObject iterable, boolean left) {
        Heap heap = rt.heap;
        if (iterable == d) {
            PyObject copy = Builtins.listOf(rt, d);
            try {
                return extend(rt, d, copy, left);
            } finally {
                heap.decref(copy);
            }
        }
        PyObject it = rt.ops.iter(iterable);
        try {
            if (d.maxlen != 0) d.startFilling(!left);
            for (PyObject x = rt.ops.next(it); x != null; x = rt.ops.next(it)) {
                rt.charge(1);
                if (d.maxlen == 0) heap.decref(x);
                else if (left) d.appendLeft(heap, x, d.maxlen);
                else d.append(heap, x, d.maxlen);
            }
        } finally {
            heap.decref(it);
        }
        return PyRuntime.NONE;
    }

    /** deque_copy of an exact deque: a new deque with the same maxlen, filled by append (one item) or extend. */
    static PyDeque copy(PyRuntime rt, PyDeque d) {
        PyDeque c = rt.heap.alloc(new PyDeque());
        c.maxlen = d.maxlen;
        if (d.items.size() == 1) c.append(rt.heap, rt.heap.newRef(d.items.get(0)), c.maxlen);
        else rt.heap.decref(extend(rt, c, d, false));
        return c;
    }

    /**
     * The search of deque_count, deque_contains and deque_index: each item held while compared, and
     * RuntimeError once a comparison changed the deque. Returns the count, or the index of the first
     * match (-1 when none) when {@code first}.
     */
    static long count(PyRuntime rt, PyDeque d, PyObject value, long stop, boolean first) {
        long start = d.state, n = 0;
        for (int i = 0; i < Math.min(stop, d.items.size()); i++) {
            rt.charge(1);
            boolean eq = rt.ops.eqReleasing(rt.heap.newRef(d.items.get(i)), value);
            if (eq && first) return i;
            if (eq) n++;
            if (d.state != start) throw rt.error(PyExc.RUNTIME_ERROR, "deque mutated during iteration");
        }
        return first ? -1 : n;
    }

    public static boolean contains(PyRuntime rt, PyDeque d, PyObject value) {
        return count(rt, d, value, Long.MAX_VALUE, true) >= 0;
    }

    private static PyObject indexOf(PyRuntime rt, PyDeque d, Args a) {
        PyObject v = a.get("value");
        long n = d.items.size(), start = a.sliceIndex("start"), stop = a.sliceIndex("stop");
        if (start < 0) start = Math.max(0, start + n);
        if (stop < 0) stop = Math.max(0, stop + n);
        stop = Math.min(stop, n);
        start = Math.min(start, stop);
        long state = d.state;
        for (long i = start; i < Math.min(stop, d.items.size()); i++) {
            rt.charge(1);
            if (rt.ops.eq(d.items.get((int) i), v)) return rt.newInt(i);
            if (d.state != state) throw rt.error(PyExc.RUNTIME_ERROR, "deque mutated during iteration");
        }
        throw rt.error(PyExc.VALUE_ERROR, rt.ops.repr(v) + " is not in deque");
    }

    private static PyObject remove(PyRuntime rt, PyDeque d, Args a) {
        PyObject v = a.get("value");
        long i = count(rt, d, v, Long.MAX_VALUE, true);
        if (i < 0) throw rt.error(PyExc.VALUE_ERROR, rt.ops.repr(v) + " is not in deque");
        delItem(rt, d, (int) i);
        return PyRuntime.NONE;
    }

    /** deque_del_item: rotate the item to the left end, pop it, rotate back, then release it. */
    public static void delItem(PyRuntime rt, PyDeque d, int i) {
        d.rotate(-i);
        PyObject item = d.popLeft();
        d.rotate(i);
        rt.heap.decref(item);
    }

    /** deque_insert: at either end an append; inside, rotate, append and rotate back. */
    private static PyObject insert(PyRuntime rt, PyDeque d, Args a) {
        long index = a.index("index");
        PyObject value = a.get("object");
        long n = d.items.size();
        if (d.maxlen == n) throw rt.error(PyExc.INDEX_ERROR, "deque already at its maximum size");
        Heap heap = rt.heap;
        if (index >= n) d.append(heap, heap.newRef(value), d.maxlen);
        else if (index <= -n || index == 0) d.appendLeft(heap, heap.newRef(value), d.maxlen);
        else {
            d.rotate(-index);
            if (index < 0) d.append(heap, heap.newRef(value), d.maxlen);
            else d.appendLeft(heap, heap.newRef(value), d.maxlen);
            d.rotate(index);
        }
        return PyRuntime.NONE;
    }

    /** PySequence_GetItem / SetItem on a deque: an index (negative counted from the end), never a slice. */
    public static int index(PyRuntime rt, PyDeque d, PyObject key) {
        if (!Arith.hasIndex(rt, key)) throw rt.typeError("sequence index must be integer, not '" + key.type().name + "'");
        long i = Arith.toIndex(rt, key);
        if (i < 0) i += d.items.size();
        if (i < 0 || i >= d.items.size()) throw rt.error(PyExc.INDEX_ERROR, "deque index out of range");
        return (int) i;
    }

    /** d += iterable (deque_inplace_concat): extend, and the deque itself is the result. */
    public static PyObject inplaceConcat(PyRuntime rt, PyDeque d, PyObject other) {
        rt.heap.decref(extend(rt, d, other, false));
        return rt.heap.newRef(d);
    }

    /** d + other (deque_concat): only another deque; a copy extended with it. */
    public static PyObject concat(PyRuntime rt, PyDeque d, PyObject other) {
        if (!(other instanceof PyDeque)) {
            throw rt.typeError("can only concatenate deque (not \"" + other.type().name + "\") to deque");
        }
        PyDeque c = copy(rt, d);
        try {
            rt.heap.decref(extend(rt, c, other, false));
        } catch (RuntimeException e) {
            rt.heap.decref(c);
            throw e;
        }
        return c;
    }
}
