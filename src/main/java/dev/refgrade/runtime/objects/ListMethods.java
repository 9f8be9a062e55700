package dev.refgrade.runtime.objects;

import dev.refgrade.python.CmpOp;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.protocol.Arith;
import dev.refgrade.runtime.stdlib.Builtins;
import dev.refgrade.runtime.stdlib.CopyModule;
import java.util.Arrays;

/** list's methods and tuple's two, installed by name. */
public final class ListMethods {
    private ListMethods() {}

    public static void install() {
        PyType L = PyType.LIST;
        Builtins.method(L, "append", (rt, self, args, kw) -> {
            Builtins.arity(rt, "list.append", args, 1, 1);
            rt.checkListLength(((PyList) self).size + 1L);
            ((PyList) self).appendOwned(rt.heap.newRef(args[0]));
            return PyRuntime.NONE;
        });
        Builtins.method(L, "extend", (rt, self, args, kw) -> {
            PyObject[] items = Builtins.toArray(rt, Builtins.arg(rt, "extend", args, 0));
            if (((PyList) self).size + (long) items.length > rt.limits.maxSequenceLength()) {
                for (PyObject o : items) rt.heap.decref(o);
                rt.checkListLength(((PyList) self).size + (long) items.length);
            }
            for (PyObject o : items) ((PyList) self).appendOwned(o);
            return PyRuntime.NONE;
        });
        Builtins.method(L, "insert", (rt, self, args, kw) -> {
            Builtins.arity(rt, "insert", args, 2, 2);
            PyList l = (PyList) self;
            rt.checkListLength(l.size + 1L);
            long i = Arith.toIndex(rt, args[0]);
            if (i < 0) i = Math.max(0, i + l.size);
            l.insertOwned((int) Math.min(i, l.size), rt.heap.newRef(args[1]));
            return PyRuntime.NONE;
        });
        Builtins.method(L, "pop", (rt, self, args, kw) -> {
            PyList l = (PyList) self;
            if (l.size == 0) throw rt.error(PyExc.INDEX_ERROR, "pop from empty list");
            long i = args.length > 0 ? Arith.toIndex(rt, args[0]) : l.size - 1;
            if (i < 0) i += l.size;
            if (i < 0 || i >= l.size) throw rt.error(PyExc.INDEX_ERROR, "pop index out of range");
            return l.removeAt((int) i);
        });
        Builtins.method(L, "remove", (rt, self, args, kw) -> {
            Builtins.arity(rt, "list.remove", args, 1, 1);
            PyList l = (PyList) self;
            for (int i = 0; i < l.size; i++) {
                if (rt.ops.eq(l.items[i], args[0])) {
                    rt.heap.decref(l.removeAt(i));
                    return PyRuntime.NONE;
                }
            }
            throw rt.error(PyExc.VALUE_ERROR, "list.remove(x): x not in list");
        });
        Builtins.method(L, "index", (rt, self, args, kw) -> {
            Builtins.arity(rt, "index", args, 1, 3);
            PyList l = (PyList) self;
            for (int i = 0; i < l.size; i++) if (rt.ops.eq(l.items[i], args[0])) return rt.newInt(i);
            throw rt.error(PyExc.VALUE_ERROR, rt.ops.repr(args[0]) + " is not in list");
        });
        Builtins.method(L, "count", (rt, self, args, kw) -> {
            Builtins.arity(rt, "list.count", args, 1, 1);
            PyList l = (PyList) self;
            int n = 0;
            for (int i = 0; i < l.size; i++) if (rt.ops.eq(l.items[i], args[0])) n++;
            return rt.newInt(n);
        });
        Builtins.method(L, "clear", (rt, self, args, kw) -> {
            ((PyList) self).releaseReferences(rt.heap);
            return PyRuntime.NONE;
        });
        Builtins.method(L, "copy", (rt, self, args, kw) -> CopyModule.copy(rt, self));
        Builtins.method(L, "reverse", (rt, self, args, kw) -> {
            PyList l = (PyList) self;
            for (int i = 0, j = l.size - 1; i < j; i++, j--) {
                PyObject t = l.items[i];
                l.items[i] = l.items[j];
                l.items[j] = t;
            }
            return PyRuntime.NONE;
        });
        Builtins.method(L, "sort", (rt, self, args, kw) -> {
            sort(rt, (PyList) self, kw);
            return PyRuntime.NONE;
        });
        PyType T = PyType.TUPLE;
        Builtins.method(T, "count", (rt, self, args, kw) -> {
            Builtins.arity(rt, "tuple.count", args, 1, 1);
            int n = 0;
            for (PyObject o : ((PyTuple) self).items) if (rt.ops.eq(o, args[0])) n++;
            return rt.newInt(n);
        });
        Builtins.method(T, "index", (rt, self, args, kw) -> {
            Builtins.arity(rt, "index", args, 1, 3);
            PyObject[] items = ((PyTuple) self).items;
            for (int i = 0; i < items.length; i++) if (rt.ops.eq(items[i], args[0])) return rt.newInt(i);
            throw rt.error(PyExc.VALUE_ERROR, "tuple.index(x): x not in tuple");
        });
    }

    /** list.sort: stable, by `<`, with an optional key function and reverse flag. */
    public static void sort(PyRuntime rt, PyList l, Kwargs kw) {
        PyObject key = kw.get("key");
        boolean reverse = kw.get("reverse") != null && rt.ops.truthy(kw.get("reverse"));
        int n = l.size;
        PyObject[] keys = new PyObject[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            keys[i] = key == null || key == PyRuntime.NONE ? rt.heap.newRef(l.items[i]) : rt.ops.call(key, l.items[i]);
        }
        try {
            Arrays.sort(order, (a, b) -> {
                if (rt.ops.compareBool(keys[a], keys[b], CmpOp.LT)) return reverse ? 1 : -1;
                if (rt.ops.compareBool(keys[b], keys[a], CmpOp.LT)) return reverse ? -1 : 1;
                return 0;
            });
        } finally {
            for (PyObject k : keys) rt.heap.decref(k);
        }
        PyObject[] sorted = new PyObject[n];
        for (int i = 0; i < n; i++) sorted[i] = l.items[order[i]];
        System.arraycopy(sorted, 0, l.items, 0, n);
    }
}
