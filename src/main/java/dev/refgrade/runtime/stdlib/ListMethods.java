package dev.refgrade.runtime.stdlib;

import dev.refgrade.python.CmpOp;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.protocol.Arith;
import java.util.Arrays;

/** list's methods and tuple's two (Objects/listobject.c, tupleobject.c), each with its CPython signature. */
final class ListMethods {
    private ListMethods() {}

    static void install(Registry reg) {
        PyType L = PyType.LIST;
        reg.method(L, "append", "object, /", ListMethods::append);
        reg.method(L, "extend", "iterable, /", ListMethods::extend);
        reg.method(L, "insert", "index, object, /", ListMethods::insert);
        reg.method(L, "pop", "index=-1, /", ListMethods::pop);
        reg.method(L, "remove", "value, /", ListMethods::remove);
        reg.method(L, "index", "value, start=0, stop=sys.maxsize, /", ListMethods::index);
        reg.method(L, "count", "value, /", ListMethods::count);
        reg.method(L, "clear", "", ListMethods::clear);
        reg.method(L, "copy", "", (PyRuntime rt, PyList self, Args a) -> CopyModule.copy(rt, self));
        reg.method(L, "reverse", "", ListMethods::reverse);
        reg.method(L, "sort", "*, key=None, reverse=False", (PyRuntime rt, PyList self, Args a) -> {
            sort(rt, self, a);
            return PyRuntime.NONE;
        });
        PyType T = PyType.TUPLE;
        reg.method(T, "count", "value, /", ListMethods::tupleCount);
        reg.method(T, "index", "value, start=0, stop=sys.maxsize, /", ListMethods::tupleIndex);
    }

    static PyObject append(PyRuntime rt, PyList self, Args a) {
        rt.checkListLength(self.size + 1L);
        self.appendOwned(rt.heap.newRef(a.get("object")));
        return PyRuntime.NONE;
    }

    static PyObject extend(PyRuntime rt, PyList self, Args a) {
        ListGrowth.extend(rt, self, a.get("iterable"));
        return PyRuntime.NONE;
    }

    static PyObject insert(PyRuntime rt, PyList self, Args a) {
        long i = a.index("index");
        PyObject item = a.get("object");
        rt.checkListLength(self.size + 1L);
        if (i < 0) i = Math.max(0, i + self.size);
        self.insertOwned((int) Math.min(i, self.size), rt.heap.newRef(item));
        return PyRuntime.NONE;
    }

    static PyObject pop(PyRuntime rt, PyList self, Args a) {
        long i = a.index("index");
        if (self.size == 0) throw rt.error(PyExc.INDEX_ERROR, "pop from empty list");
        if (i < 0) i += self.size;
        if (i < 0 || i >= self.size) throw rt.error(PyExc.INDEX_ERROR, "pop index out of range");
        return self.removeAt((int) i);
    }

    static PyObject remove(PyRuntime rt, PyList self, Args a) {
        PyObject value = a.get("value");
        for (int i = 0; i < self.size; i++) {
            if (rt.ops.eq(self.items[i], value)) {
                rt.heap.decref(self.deleteAt(i));
                return PyRuntime.NONE;
            }
        }
        throw rt.error(PyExc.VALUE_ERROR, "list.remove(x): x not in list");
    }

    /** list.index and tuple.index: the first match in [start, stop), both clipped as slice bounds are. */
    private static int find(PyRuntime rt, PyObject[] items, int size, Args a) {
        PyObject value = a.get("value");
        long start = clip(a.sliceIndex("start"), size), stop = clip(a.sliceIndex("stop"), size);
        for (long i = start; i < Math.min(stop, size); i++) if (rt.ops.eq(items[(int) i], value)) return (int) i;
        return -1;
    }

    private static long clip(long i, int size) {
        return i < 0 ? Math.max(0, i + size) : i;
    }

    static PyObject index(PyRuntime rt, PyList self, Args a) {
        int i = find(rt, self.items, self.size, a);
        if (i < 0) throw rt.error(PyExc.VALUE_ERROR, rt.ops.repr(a.get("value")) + " is not in list");
        return rt.newInt(i);
    }

    static PyObject tupleIndex(PyRuntime rt, PyTuple self, Args a) {
        int i = find(rt, self.items, self.items.length, a);
        if (i < 0) throw rt.error(PyExc.VALUE_ERROR, "tuple.index(x): x not in tuple");
        return rt.newInt(i);
    }

    static PyObject count(PyRuntime rt, PyList self, Args a) {
        PyObject value = a.get("value");
        int n = 0;
        for (int i = 0; i < self.size; i++) if (rt.ops.eq(self.items[i], value)) n++;
        return rt.newInt(n);
    }

    static PyObject tupleCount(PyRuntime rt, PyTuple self, Args a) {
        PyObject value = a.get("value");
        int n = 0;
        for (PyObject o : self.items) if (rt.ops.eq(o, value)) n++;
        return rt.newInt(n);
    }

    static PyObject clear(PyRuntime rt, PyList self, Args a) {
        self.releaseReferences(rt.heap);
        return PyRuntime.NONE;
    }

    static PyObject reverse(PyRuntime rt, PyList self, Args a) {
        for (int i = 0, j = self.size - 1; i < j; i++, j--) {
            PyObject t = self.items[i];
            self.items[i] = self.items[j];
            self.items[j] = t;
        }
        return PyRuntime.NONE;
    }

    /**
     * list_sort_impl, also sorted()'s: the keys made first, in order; reverse=True reverses before
     * and after a stable forward sort (ListSort, CPython's listsort); reverse is read as an int
     * (its clinic converter is `bool(accept={int})`). While it sorts, the list is empty to anything a
     * comparison or key runs, and a list changed meanwhile is a ValueError, its new items dropped.
     */
    static void sort(PyRuntime rt, PyList l, Args a) {
        PyObject key = a.orNone("key"), rev = a.get("reverse");
        boolean reverse = rev != null && Arith.toIndex(rt, rev) != 0;
        int n = l.size, allocated = l.allocated;
        PyObject[] items = l.items, empty = new PyObject[0];
        l.items = empty;
        l.size = 0;
        PyObject[] keys = null;
        boolean sorted = false;
        try {
            if (key != PyRuntime.NONE) {
                keys = new PyObject[n];
                for (int i = 0; i < n; i++) keys[i] = rt.ops.call(key, items[i]);
            }
            if (reverse) {
                if (keys != null) ListSort.reverse(keys, 0, n);
                ListSort.reverse(items, 0, n);
            }
            try {
                ListSort.sort(rt, keys != null ? keys : items, keys != null ? items : null, n);
                sorted = true;
            } finally {
                if (reverse && n > 1) ListSort.reverse(items, 0, n);
            }
        } finally {
            if (keys != null) for (PyObject k : keys) rt.heap.xdecref(k);
            boolean modified = l.items != empty || l.size != 0;
            PyObject[] changed = l.items;
            int changedSize = l.size;
            l.items = items;
            l.size = n;
            l.allocated = allocated;
            for (int i = changedSize - 1; i >= 0; i--) rt.heap.xdecref(changed[i]);
            if (sorted && modified) throw rt.error(dev.refgrade.runtime.objects.PyExc.VALUE_ERROR, "list modified during sort");
        }
    }

}
