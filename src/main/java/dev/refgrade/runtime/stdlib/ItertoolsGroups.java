package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyItertool;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;

/**
 * itertools.groupby (with its _grouper) and itertools.tee (with its _tee_dataobject blocks), the
 * iterators whose objects share state with one another (Modules/itertoolsmodule.c).
 */
final class ItertoolsGroups {
    /** LINKCELLS: the values one _tee_dataobject holds before it links to the next. */
    private static final int LINKCELLS = 57;

    private ItertoolsGroups() {}

    // ---- groupby --------------------------------------------------------------------------------

    /** groupby: refs are it, keyfunc, tgtkey, currkey, currvalue, as groupby_traverse visits them. */
    static PyObject groupby(PyRuntime rt, PyType t, Args a) {
        PyObject key = a.orNone("key");
        PyObject it = rt.ops.iter(a.get("iterable"));
        return rt.heap.alloc(new PyItertool(ItertoolsModule.GROUPBY, ItertoolsGroups::groupbyNext, null, it, rt.heap.newRef(key), null, null, null));
    }

    /** groupby_step: the next value and its key become current; the old value goes last. */
    private static boolean groupbyStep(PyRuntime rt, PyItertool g) {
        Heap heap = rt.heap;
        PyObject value = rt.ops.next(g.refs[0]);
        if (value == null) return false;
        PyObject key;
        if (g.refs[1] == PyRuntime.NONE) {
            key = heap.newRef(value);
        } else {
            try {
                key = rt.ops.call(g.refs[1], value);
            } catch (RuntimeException e) {
                heap.decref(value);
                throw e;
            }
        }
        PyObject oldValue = g.refs[4];
        g.refs[4] = value;
        PyObject oldKey = g.refs[3];
        g.refs[3] = key;
        heap.xdecref(oldKey);
        heap.xdecref(oldValue);
        return true;
    }

    /** groupby_next: skips what is left of the current group, then (key, a new _grouper) for the next. */
    private static PyObject groupbyNext(PyRuntime rt, PyItertool g) {
        Heap heap = rt.heap;
        g.borrowed = null;
        while (true) {
            if (g.refs[3] != null) {
                if (g.refs[2] == null || !rt.ops.eq(g.refs[2], g.refs[3])) break;
            }
            if (!groupbyStep(rt, g)) return null;
        }
        PyObject old = g.refs[2];
        g.refs[2] = heap.newRef(g.refs[3]);
        heap.xdecref(old);
        PyItertool grouper = heap.alloc(new PyItertool(ItertoolsModule.GROUPER, ItertoolsGroups::grouperNext, null,
                heap.newRef(g), heap.newRef(g.refs[2])));
        g.borrowed = grouper;
        return rt.newTuple(heap.newRef(g.refs[3]), grouper);
    }

    /** _grouper_next: only the current group's grouper yields, while the key stays its target key. */
    private static PyObject grouperNext(PyRuntime rt, PyItertool grouper) {
        PyItertool g = (PyItertool) grouper.refs[0];
        if (g.borrowed != grouper) return null;
        if (g.refs[4] == null && !groupbyStep(rt, g)) return null;
        if (!rt.ops.eq(grouper.refs[1], g.refs[3])) return null;
        PyObject r = g.refs[4];
        g.refs[4] = null;
        g.clear(rt.heap, 3);
        return r;
    }

    // ---- tee ------------------------------------------------------------------------------------

    /**
     * tee(iterable, n): the first copy made from the iterator (or the iterator itself when it can
     * __copy__, as a tee can), the others by calling its bound __copy__.
     */
    static PyObject tee(PyRuntime rt, Args a) {
        Heap heap = rt.heap;
        PyObject iterable = a.get("iterable");
        long n = a.index("n");
        if (n < 0) throw rt.error(PyExc.VALUE_ERROR, "n must be >= 0");
        if (n > rt.limits.maxSequenceLength()) throw a.unsupported("itertools.tee with " + n + " copies");
        PyTuple result = rt.newTuple(new PyObject[(int) n]);
        if (n == 0) return result;
        try {
            PyObject it = rt.ops.iter(iterable);
            PyObject copyable;
            if (it instanceof PyItertool t && t.type() == ItertoolsModule.TEE) {
                copyable = it;
            } else {
                copyable = teeFrom(rt, it);
                heap.decref(it);
            }
            result.items[0] = copyable;
            PyObject copy = rt.ops.getAttr(copyable, rt.name("__copy__"));
            try {
                for (int i = 1; i < n; i++) result.items[i] = rt.ops.call(copy);
            } finally {
                heap.decref(copy);
            }
        } catch (RuntimeException e) {
            heap.decref(result);
            throw e;
        }
        return result;
    }

    /** tee_fromiterable on an iterator that is not a tee: the tee object first, then its first data block. */
    private static PyItertool teeFrom(PyRuntime rt, PyObject it) {
        PyItertool t = rt.heap.alloc(new PyItertool(ItertoolsModule.TEE, ItertoolsGroups::teeNext, null, (PyObject) null));
        t.refs[0] = teeData(rt, it);
        return t;
    }

    /** teedataobject_newinternal: refs are the iterator, LINKCELLS values, then the next link. */
    private static PyItertool teeData(PyRuntime rt, PyObject it) {
        PyObject[] refs = new PyObject[LINKCELLS + 2];
        refs[0] = rt.heap.newRef(it);
        return rt.heap.alloc(new PyItertool(ItertoolsModule.TEE_DATA, (r, d) -> null, null, refs));
    }

    /** tee_copy: a new tee on the same data block at the same index. */
    static PyObject teeCopy(PyRuntime rt, PyItertool t) {
        PyItertool copy = new PyItertool(ItertoolsModule.TEE, ItertoolsGroups::teeNext, null, rt.heap.newRef(t.refs[0]));
        copy.a = t.a;
        return rt.heap.alloc(copy);
    }

    /** tee_next: past a block's last cell it moves to the next block (made on demand), then reads or shares the value. */
    private static PyObject teeNext(PyRuntime rt, PyItertool t) {
        Heap heap = rt.heap;
        if (t.a >= LINKCELLS) {
            PyItertool data = (PyItertool) t.refs[0];
            if (data.refs[LINKCELLS + 1] == null) data.refs[LINKCELLS + 1] = teeData(rt, data.refs[0]);
            PyObject link = heap.newRef(data.refs[LINKCELLS + 1]);
            t.refs[0] = link;
            heap.decref(data);
            t.a = 0;
        }
        PyItertool data = (PyItertool) t.refs[0];
        int i = (int) t.a;
        PyObject value;
        if (i < data.a) {
            value = heap.newRef(data.refs[1 + i]);
        } else {
            if (data.flag) throw rt.error(PyExc.RUNTIME_ERROR, "cannot re-enter the tee iterator");
            data.flag = true;
            try {
                value = rt.ops.next(data.refs[0]);
            } finally {
                data.flag = false;
            }
            if (value == null) return null;
            data.refs[1 + (int) data.a++] = value;
            heap.incref(value);
        }
        t.a++;
        return value;
    }
}
