package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyMethod;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;

/**
 * Lib/copy.py's deepcopy step by step. Its memo is the dict a __deepcopy__(memo) hook is given:
 * id(original) keys, each copy the value, and under id(memo) the list keeping every copied original
 * alive (_keep_alive), so a memo the program passes in keeps originals and copies alive after the
 * call. While a hook runs, copy.py's frames hold references (a parameter x, a loop's variable,
 * the bound copier, the dict items iterator's reused tuple); they are held here for as long.
 */
public final class DeepCopy implements AutoCloseable {
    private final PyRuntime rt;
    private final Heap heap;
    final PyDict memo;

    /** deepcopy(x, memo): the program's memo dict (borrowed), or a new one (memo = {}) when null. */
    public DeepCopy(PyRuntime rt, PyDict memo) {
        this.rt = rt;
        this.heap = rt.heap;
        this.memo = memo == null ? rt.newDict() : heap.newRef(memo);
    }

    @Override
    public void close() {
        heap.decref(memo);
    }

    /** deepcopy(x, memo) with x held by the caller as the call's argument: a new reference. */
    public PyObject copy(PyObject x) {
        rt.charge(1);
        PyInt d = Functions.idOf(rt, x);
        try {
            PyObject y = memo.getBorrowed(rt, d);
            if (y != null) return heap.newRef(y);
            y = dispatch(x);
            if (y != x) {
                memo.put(rt, d, y);
                keepAlive(x);
            }
            return y;
        } finally {
            heap.decref(d);
        }
    }

    /**
     * deepcopy(a, memo) called from copy.py with a loaded from a local: the argument's own reference,
     * plus one for each of {@code variables} (a loop's variable) holding it meanwhile.
     */
    PyObject copyArgument(PyObject a, int variables) {
        for (int i = 0; i <= variables; i++) heap.incref(a);
        try {
            return copy(a);
        } finally {
            for (int i = 0; i <= variables; i++) heap.decref(a);
        }
    }

    private PyObject dispatch(PyObject x) {
        PyType cls = x.type();
        // _deepcopy_dispatch is keyed by the exact type; issubclass(cls, type) is copied as an atomic.
        if (CopyModule.atomic(x) || x instanceof PyType) return heap.newRef(x);
        if (cls == PyType.LIST) return list((PyList) x);
        if (cls == PyType.TUPLE) return tuple((PyTuple) x);
        if (cls == PyType.DICT) return dict((PyDict) x);
        if (x instanceof PyMethod m) return method(m);
        PyStr hook = rt.name("__deepcopy__");
        PyObject copier;
        try {
            copier = rt.ops.getAttrOrNull(x, hook);
        } finally {
            heap.decref(hook);
        }
        if (copier != null && copier != PyRuntime.NONE) {
            try {
                return rt.interp.callBorrowed(copier, new PyObject[] {memo}, Kwargs.NONE);
            } finally {
                heap.decref(copier);
            }
        }
        heap.xdecref(copier);
        return Reconstruct.of(rt, x, "deepcopy").deep(this);
    }

    /** memo[id(x)] = y, with a key of its own as copy.py's `memo[id(x)]` makes. */
    void remember(PyObject x, PyObject y) {
        PyInt key = Functions.idOf(rt, x);
        memo.put(rt, key, y);
        heap.decref(key);
    }

    /** _keep_alive: memo[id(memo)].append(x), the list made on the first. */
    private void keepAlive(PyObject x) {
        PyInt key = Functions.idOf(rt, memo);
        try {
            if (memo.getBorrowed(rt, key) instanceof PyList alive) {
                alive.appendOwned(heap.newRef(x));
                return;
            }
            PyList alive = rt.newList(new PyObject[] {heap.newRef(x)}, 1).allocatedExactly();
            memo.putOwned(rt, key, alive);
        } finally {
            heap.decref(key);
        }
    }

    /** _deepcopy_list: y = [] memoized first, then append(deepcopy(a, memo)), the bound append holding y. */
    private PyObject list(PyList x) {
        PyList y = rt.newList().allocatedExactly();
        remember(x, y);
        heap.incref(y);
        try {
            for (int i = 0; i < x.size; i++) y.appendOwned(copyArgument(x.items[i], 1));
        } finally {
            heap.decref(y);
        }
        return y;
    }

    /**
     * _deepcopy_tuple: a list of the items' copies; the tuple itself stays unmemoized but a copy made
     * meanwhile through a cycle wins; the original comes back when every item copied to itself.
     */
    private PyObject tuple(PyTuple x) {
        PyList y = rt.newList().allocatedExactly();
        try {
            for (PyObject a : x.items) y.appendOwned(copyArgument(a, 1));
            PyInt key = Functions.idOf(rt, x);
            PyObject made = memo.getBorrowed(rt, key);
            heap.decref(key);
            if (made != null) return heap.newRef(made);
            for (int i = 0; i < y.size; i++) {
                if (y.items[i] != x.items[i]) {
                    PyObject[] items = new PyObject[y.size];
                    for (int k = 0; k < items.length; k++) items[k] = heap.newRef(y.items[k]);
                    return rt.newTuple(items);
                }
            }
            return heap.newRef(x);
        } finally {
            heap.decref(y);
        }
    }

    /**
     * _deepcopy_dict: y = {} memoized first; for key, value in x.items(): y[deepcopy(key)] =
     * deepcopy(value), the value copied first (an assignment's right side is evaluated first). The
     * items iterator's reused result tuple and the two loop variables each hold key and value.
     */
    private PyObject dict(PyDict x) {
        PyDict y = rt.newDict().modelled();
        remember(x, y);
        for (int i = x.nextEntry(0); i < x.entries; i = x.nextEntry(i + 1)) {
            PyObject key = x.keyAt(i), value = x.valueAt(i);
            heap.incref(key);
            heap.incref(value);
            try {
                PyObject v = copyArgument(value, 1);
                PyObject k;
                try {
                    k = copyArgument(key, 1);
                } catch (RuntimeException e) {
                    heap.decref(v);
                    throw e;
                }
                y.putOwned(rt, k, v);
                heap.decref(k);
            } finally {
                heap.decref(key);
                heap.decref(value);
            }
        }
        return y;
    }

    /** _deepcopy_method: type(x)(x.__func__, deepcopy(x.__self__, memo)), a method bound to the copy. */
    private PyObject method(PyMethod x) {
        PyObject self = copyArgument(x.self, 0);
        return heap.alloc(new PyMethod(heap.newRef(x.func), self));
    }
}
