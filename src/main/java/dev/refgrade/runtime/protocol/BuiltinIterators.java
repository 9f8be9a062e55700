package dev.refgrade.runtime.protocol;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.PyBuiltinIter;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;

/** tp_iternext of the builtins' lazy iterators: enum_next, zip_next, map_next, filter_next, calliter_iternext, reversed_next. */
final class BuiltinIterators {
    private BuiltinIterators() {}

    static PyObject next(PyRuntime rt, PyBuiltinIter it) {
        return switch (it.kind) {
            case ENUMERATE -> enumerate(rt, it);
            case ZIP -> zip(rt, it);
            case MAP -> map(rt, it);
            case FILTER -> filter(rt, it);
            case CALLABLE -> callable(rt, it);
            case REVERSED -> reversed(rt, it);
        };
    }

    /**
     * Whether the iterator may refill its result tuple: only its own reference is left
     * (Py_REFCNT(result) == 1), so nobody can see the tuple change. It is then tracked again,
     * as the collector may have untracked a tuple of atomic items (bpo-42536).
     */
    private static boolean reusable(Heap heap, PyTuple result) {
        if (result.refcnt != 1) return false;
        heap.incref(result);
        heap.track(result);
        return true;
    }

    /** enum_next: the index object is made after the item, and the items of a reused tuple are swapped in, then the old ones dropped. */
    private static PyObject enumerate(PyRuntime rt, PyBuiltinIter it) {
        Heap heap = rt.heap;
        PyObject item = rt.ops.next(it.first);
        if (item == null) return null;
        PyObject index = rt.newInt(it.index++);
        PyTuple result = it.result;
        if (reusable(heap, result)) {
            PyObject oldIndex = result.items[0], oldItem = result.items[1];
            result.items[0] = index;
            result.items[1] = item;
            heap.decref(oldIndex);
            heap.decref(oldItem);
            return result;
        }
        return rt.newTuple(index, item);
    }

    /**
     * zip_next: each iterator's next item in turn; a reused tuple takes them one by one, a new one
     * is filled as they come. The first exhausted iterator ends it, and under strict=True the
     * others must end there too.
     */
    private static PyObject zip(PyRuntime rt, PyBuiltinIter it) {
        Heap heap = rt.heap;
        PyObject[] iters = ((PyTuple) it.first).items;
        if (iters.length == 0) return null;
        PyTuple result = it.result;
        if (reusable(heap, result)) {
            for (int i = 0; i < iters.length; i++) {
                PyObject item = zipItem(rt, it, iters, i, result);
                if (item == null) return null;
                PyObject old = result.items[i];
                result.items[i] = item;
                heap.decref(old);
            }
            return result;
        }
        // PyTuple_New first, then filled as the items come: the tuple's address is taken before theirs.
        PyTuple fresh = rt.newTuple(new PyObject[iters.length]);
        for (int i = 0; i < iters.length; i++) {
            PyObject item = zipItem(rt, it, iters, i, fresh);
            if (item == null) return null;
            fresh.items[i] = item;
        }
        return fresh;
    }

    /** One iterator's item for zip; at its end the held result is dropped and strict mode checks the lengths. */
    private static PyObject zipItem(PyRuntime rt, PyBuiltinIter it, PyObject[] iters, int i, PyTuple held) {
        PyObject item;
        try {
            item = rt.ops.next(iters[i]);
        } catch (RuntimeException e) {
            if (held != null) rt.heap.decref(held);
            throw e;
        }
        if (item != null) return item;
        if (held != null) rt.heap.decref(held);
        if (it.strict) strictEnd(rt, iters, i);
        return null;
    }

    private static void strictEnd(PyRuntime rt, PyObject[] iters, int i) {
        if (i > 0) {
            throw rt.error(PyExc.VALUE_ERROR, "zip() argument " + (i + 1) + " is shorter than argument"
                    + (i == 1 ? " " : "s 1-") + i);
        }
        for (int j = 1; j < iters.length; j++) {
            PyObject item = rt.ops.next(iters[j]);
            if (item != null) {
                rt.heap.decref(item);
                throw rt.error(PyExc.VALUE_ERROR, "zip() argument " + (j + 1) + " is longer than argument"
                        + (j == 1 ? " " : "s 1-") + j);
            }
        }
    }

    /** map_next: an item from each iterator, the function called with them borrowed, then they are dropped. */
    private static PyObject map(PyRuntime rt, PyBuiltinIter it) {
        Heap heap = rt.heap;
        PyObject[] iters = ((PyTuple) it.first).items;
        PyObject[] args = new PyObject[iters.length];
        try {
            for (int i = 0; i < iters.length; i++) {
                args[i] = rt.ops.next(iters[i]);
                if (args[i] == null) return null;
            }
            return rt.ops.call(it.second, args);
        } finally {
            for (PyObject a : args) heap.xdecref(a);
        }
    }

    /** filter_next: None or bool as the function tests each item's truth directly. */
    private static PyObject filter(PyRuntime rt, PyBuiltinIter it) {
        Heap heap = rt.heap;
        boolean truthOnly = it.second == PyRuntime.NONE || it.second == PyType.BOOL;
        while (true) {
            PyObject item = rt.ops.next(it.first);
            if (item == null) return null;
            boolean ok;
            try {
                if (truthOnly) {
                    ok = rt.ops.truthy(item);
                } else {
                    PyObject good = rt.ops.call(it.second, item);
                    try {
                        ok = rt.ops.truthy(good);
                    } finally {
                        heap.decref(good);
                    }
                }
            } catch (RuntimeException e) {
                heap.decref(item);
                throw e;
            }
            if (ok) return item;
            heap.decref(item);
        }
    }

    /**
     * calliter_iternext: the callable's result, until it equals the sentinel (compared sentinel
     * first) or the callable raises StopIteration; then the callable and sentinel are let go.
     */
    private static PyObject callable(PyRuntime rt, PyBuiltinIter it) {
        if (it.first == null) return null;
        PyObject result;
        try {
            result = rt.ops.call(it.first);
        } catch (PyException e) {
            if (!e.matches(PyExc.STOP_ITERATION)) throw e;
            e.discard(rt.heap);
            clear(rt, it);
            return null;
        }
        boolean done;
        try {
            done = rt.ops.eq(it.second, result);
        } catch (RuntimeException e) {
            rt.heap.decref(result);
            throw e;
        }
        if (!done) return result;
        rt.heap.decref(result);
        clear(rt, it);
        return null;
    }

    private static void clear(PyRuntime rt, PyBuiltinIter it) {
        PyObject a = it.first, b = it.second;
        it.first = it.second = null;
        rt.heap.xdecref(a);
        rt.heap.xdecref(b);
    }

    /** reversed_next: seq[index] counting down; IndexError or StopIteration ends it, and the sequence is let go. */
    private static PyObject reversed(PyRuntime rt, PyBuiltinIter it) {
        if (it.first != null && it.index >= 0) {
            try {
                PyObject item = sequenceItem(rt, it.first, it.index);
                it.index--;
                return item;
            } catch (PyException e) {
                if (!e.matches(PyExc.INDEX_ERROR) && !e.matches(PyExc.STOP_ITERATION)) throw e;
                e.discard(rt.heap);
            }
        }
        it.index = -1;
        PyObject seq = it.first;
        it.first = null;
        rt.heap.xdecref(seq);
        return null;
    }

    /** PySequence_GetItem: a tuple's or str's sq_item takes the C index; a class's __getitem__ gets an int made for it. */
    private static PyObject sequenceItem(PyRuntime rt, PyObject seq, long i) {
        if (seq instanceof PyTuple t) {
            if (i >= t.items.length) throw rt.error(PyExc.INDEX_ERROR, "tuple index out of range");
            return rt.heap.newRef(t.items[(int) i]);
        }
        if (seq instanceof PyStr s) {
            if (i >= s.length()) throw rt.error(PyExc.INDEX_ERROR, "string index out of range");
            return rt.newStr(Character.toString(s.codePointAt((int) i)));
        }
        PyObject key = rt.newInt(i);
        try {
            return rt.ops.getItem(seq, key);
        } finally {
            rt.heap.decref(key);
        }
    }
}
