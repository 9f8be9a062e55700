package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyItertool;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.protocol.Arith;

/**
 * itertools' result-tuple iterators (Modules/itertoolsmodule.c): zip_longest, product, permutations
 * and combinations fill one result tuple and refill it in place while nobody else holds it, else
 * copy it first (_PyTuple_FromArray) and refill the copy.
 */
final class ItertoolsCombinatorics {
    private ItertoolsCombinatorics() {}

    /** zip_longest: refs are the iterators' tuple, the result tuple and the fill value. */
    static PyObject zipLongest(PyRuntime rt, PyType t, Args a) {
        Heap heap = rt.heap;
        PyObject[] args = a.rest();
        PyObject fill = a.orNone("fillvalue");
        PyTuple iters = rt.newTuple(new PyObject[args.length]);
        try {
            for (int i = 0; i < args.length; i++) iters.items[i] = rt.ops.iter(args[i]);
        } catch (RuntimeException e) {
            heap.decref(iters);
            throw e;
        }
        PyObject[] nones = new PyObject[args.length];
        java.util.Arrays.fill(nones, PyRuntime.NONE);
        PyItertool z = new PyItertool(ItertoolsModule.ZIP_LONGEST, ItertoolsCombinatorics::zipLongestNext, null, iters, rt.newTuple(nones), heap.newRef(fill));
        z.a = args.length; // numactive
        return heap.alloc(z);
    }

    private static PyObject zipLongestNext(PyRuntime rt, PyItertool z) {
        Heap heap = rt.heap;
        PyObject[] iters = ((PyTuple) z.refs[0]).items;
        if (iters.length == 0 || z.a == 0) return null;
        PyTuple result = (PyTuple) z.refs[1];
        boolean reuse = result.refcnt == 1;
        if (reuse) heap.incref(result);
        else result = rt.newTuple(new PyObject[iters.length]);
        for (int i = 0; i < iters.length; i++) {
            PyObject item;
            if (iters[i] == null) {
                item = heap.newRef(z.refs[2]);
            } else {
                try {
                    item = rt.ops.next(iters[i]);
                } catch (RuntimeException e) {
                    z.a = 0;
                    heap.decref(result);
                    throw e;
                }
                if (item == null) {
                    z.a--;
                    if (z.a == 0) {
                        heap.decref(result);
                        return null;
                    }
                    item = heap.newRef(z.refs[2]);
                    PyObject it = iters[i];
                    iters[i] = null;
                    heap.decref(it);
                }
            }
            PyObject old = result.items[i];
            result.items[i] = item;
            heap.xdecref(old);
        }
        if (reuse) heap.track(result);
        return result;
    }

    /** product_new: each argument made a tuple (its pool), the pools repeated `repeat` times; refs are pools, result. */
    static PyObject product(PyRuntime rt, PyType t, Args a) {
        Heap heap = rt.heap;
        PyObject[] args = a.rest();
        long repeat = a.index("repeat");
        if (repeat < 0) throw rt.error(PyExc.VALUE_ERROR, "repeat argument cannot be negative");
        int n = repeat == 0 ? 0 : args.length; // product_new: repeat=0 takes none of the iterables
        long total = n * repeat;
        if (total > rt.limits.maxSequenceLength()) throw a.unsupported("itertools.product with " + total + " pools");
        PyTuple pools = rt.newTuple(new PyObject[(int) total]);
        try {
            for (int i = 0; i < n; i++) pools.items[i] = sequenceTuple(rt, args[i]);
        } catch (RuntimeException e) {
            heap.decref(pools);
            throw e;
        }
        for (int i = n; i < total; i++) pools.items[i] = heap.newRef(pools.items[i - n]);
        PyItertool p = new PyItertool(ItertoolsModule.PRODUCT, ItertoolsCombinatorics::productNext, null, pools, null);
        p.indices = new int[(int) total];
        return heap.alloc(p);
    }

    /** PySequence_Tuple: a tuple is itself; anything else is copied into a new tuple. */
    static PyObject sequenceTuple(PyRuntime rt, PyObject o) {
        if (o.type() == PyType.TUPLE) return rt.heap.newRef(o);
        return rt.newTuple(Builtins.toArray(rt, o));
    }

    /**
     * The result tuple to update: the previous one if only the iterator holds it (tracked again),
     * else a copy of it (_PyTuple_FromArray), which the iterator then holds instead.
     */
    private static PyTuple ownResult(PyRuntime rt, PyItertool it, int slot) {
        Heap heap = rt.heap;
        PyTuple result = (PyTuple) it.refs[slot];
        if (result.refcnt > 1) {
            PyObject[] items = result.items.clone();
            for (PyObject o : items) heap.incref(o);
            PyTuple copy = rt.newTuple(items);
            it.refs[slot] = copy;
            heap.decref(result);
            return copy;
        }
        heap.track(result);
        return result;
    }

    private static void setItem(Heap heap, PyTuple t, int i, PyObject elem) {
        heap.incref(elem);
        PyObject old = t.items[i];
        t.items[i] = elem;
        heap.xdecref(old);
    }

    private static PyObject productNext(PyRuntime rt, PyItertool p) {
        Heap heap = rt.heap;
        if (p.flag) return null;
        PyObject[] pools = ((PyTuple) p.refs[0]).items;
        int n = pools.length;
        if (p.refs[1] == null) {
            PyTuple result = rt.newTuple(new PyObject[n]);
            p.refs[1] = result;
            for (int i = 0; i < n; i++) {
                PyTuple pool = (PyTuple) pools[i];
                if (pool.items.length == 0) return stop(p);
                setItem(heap, result, i, pool.items[0]);
            }
        } else {
            PyTuple result = ownResult(rt, p, 1);
            int i;
            for (i = n - 1; i >= 0; i--) {
                PyTuple pool = (PyTuple) pools[i];
                p.indices[i]++;
                if (p.indices[i] == pool.items.length) {
                    p.indices[i] = 0;
                    setItem(heap, result, i, pool.items[0]);
                } else {
                    setItem(heap, result, i, pool.items[p.indices[i]]);
                    break;
                }
            }
            if (i < 0) return stop(p);
        }
        return heap.newRef(p.refs[1]);
    }

    private static PyObject stop(PyItertool it) {
        it.flag = true;
        return null;
    }

    /** The iterable as a tuple, once r is found non-negative (after the tuple is made, as CPython checks it). */
    private static PyObject pool(PyRuntime rt, PyObject iterable, long r) {
        PyObject pool = sequenceTuple(rt, iterable);
        if (r < 0) {
            rt.heap.decref(pool);
            throw rt.error(PyExc.VALUE_ERROR, "r must be non-negative");
        }
        return pool;
    }

    /** combinations_new: refs are the pool tuple and the result tuple; stopped at once when r > n. */
    static PyObject combinations(PyRuntime rt, PyType t, Args a) {
        long r = a.index("r");
        PyObject pool = pool(rt, a.get("iterable"), r);
        int n = ((PyTuple) pool).items.length;
        PyItertool c = new PyItertool(ItertoolsModule.COMBINATIONS, ItertoolsCombinatorics::combinationsNext, null, pool, null);
        c.indices = new int[(int) Math.min(r, n + 1L)];
        for (int i = 0; i < c.indices.length; i++) c.indices[i] = i;
        c.a = r;
        c.flag = r > n;
        return rt.heap.alloc(c);
    }

    private static PyObject combinationsNext(PyRuntime rt, PyItertool c) {
        return indexedNext(rt, c, (indices, n, r) -> {
            int i = r - 1;
            while (i >= 0 && indices[i] == i + n - r) i--;
            if (i < 0) return i;
            indices[i]++;
            for (int j = i + 1; j < r; j++) indices[j] = indices[j - 1] + 1;
            return i;
        });
    }

    /** How combinations and cwr move their indices on: the first index changed, or -1 when they are done. */
    private interface IndexStep {
        int advance(int[] indices, int n, int r);
    }

    /**
     * combinations_next and cwr_next: the first result holds the pool's items at the first indices; each
     * later one is the result refilled (ownResult) from the first index that {@code step} changed.
     */
    private static PyObject indexedNext(PyRuntime rt, PyItertool c, IndexStep step) {
        Heap heap = rt.heap;
        if (c.flag) return null;
        PyObject[] pool = ((PyTuple) c.refs[0]).items;
        int n = pool.length, r = (int) c.a;
        int[] indices = c.indices;
        if (c.refs[1] == null) {
            PyTuple result = rt.newTuple(new PyObject[r]);
            c.refs[1] = result;
            for (int i = 0; i < r; i++) setItem(heap, result, i, pool[indices[i]]);
        } else {
            PyTuple result = ownResult(rt, c, 1);
            int i = step.advance(indices, n, r);
            if (i < 0) return stop(c);
            for (; i < r; i++) setItem(heap, result, i, pool[indices[i]]);
        }
        return heap.newRef(c.refs[1]);
    }

    /** cwr_new: refs are the pool tuple and the result tuple; r indices, all 0; stopped at once when the pool is empty and r is not 0. */
    static PyObject combinationsWithReplacement(PyRuntime rt, PyType t, Args a) {
        long r = a.index("r");
        if (r > MAX_R) throw a.unsupported("combinations_with_replacement with r above " + MAX_R + " (each result a tuple of r items)");
        PyObject pool = pool(rt, a.get("iterable"), r);
        int n = ((PyTuple) pool).items.length;
        PyItertool c = new PyItertool(ItertoolsModule.COMBINATIONS_WITH_REPLACEMENT, ItertoolsCombinatorics::cwrNext, null, pool, null);
        c.indices = new int[(int) r];
        c.a = r;
        c.flag = n == 0 && r > 0;
        return rt.heap.alloc(c);
    }

    /** Results this long are beyond any program a course runs; CPython would make them. */
    private static final int MAX_R = 1 << 20;

    /** cwr_next: the rightmost index below n-1 goes up by one, and every index right of it takes its value. */
    private static PyObject cwrNext(PyRuntime rt, PyItertool c) {
        return indexedNext(rt, c, (indices, n, r) -> {
            int i = r - 1;
            while (i >= 0 && indices[i] == n - 1) i--;
            if (i < 0) return i;
            int index = indices[i] + 1;
            for (int j = i; j < r; j++) indices[j] = index;
            return i;
        });
    }

    /** permutations_new: indices 0..n-1 and cycles n, n-1, ..., n-r+1; stopped at once when r > n. */
    static PyObject permutations(PyRuntime rt, PyType t, Args a) {
        PyObject iterable = a.get("iterable"), rObj = a.orNone("r");
        PyObject pool = sequenceTuple(rt, iterable);
        int n = ((PyTuple) pool).items.length;
        long r = n;
        if (rObj != PyRuntime.NONE) {
            if (!(rObj instanceof PyInt)) {
                rt.heap.decref(pool);
                throw rt.typeError("Expected int as r");
            }
            r = Arith.toIndex(rt, rObj);
            if (r < 0) {
                rt.heap.decref(pool);
                throw rt.error(PyExc.VALUE_ERROR, "r must be non-negative");
            }
        }
        PyItertool p = new PyItertool(ItertoolsModule.PERMUTATIONS, ItertoolsCombinatorics::permutationsNext, null, pool, null);
        p.indices = new int[n];
        for (int i = 0; i < n; i++) p.indices[i] = i;
        p.cycles = new int[(int) Math.min(r, n)];
        for (int i = 0; i < p.cycles.length; i++) p.cycles[i] = n - i;
        p.a = r;
        p.flag = r > n;
        return rt.heap.alloc(p);
    }

    private static PyObject permutationsNext(PyRuntime rt, PyItertool p) {
        Heap heap = rt.heap;
        if (p.flag) return null;
        PyObject[] pool = ((PyTuple) p.refs[0]).items;
        int n = pool.length, r = (int) p.a;
        int[] indices = p.indices, cycles = p.cycles;
        if (p.refs[1] == null) {
            PyTuple result = rt.newTuple(new PyObject[r]);
            p.refs[1] = result;
            for (int i = 0; i < r; i++) setItem(heap, result, i, pool[indices[i]]);
        } else {
            if (n == 0) return stop(p);
            PyTuple result = ownResult(rt, p, 1);
            int i;
            for (i = r - 1; i >= 0; i--) {
                cycles[i]--;
                if (cycles[i] == 0) {
                    int index = indices[i];
                    System.arraycopy(indices, i + 1, indices, i, n - 1 - i);
                    indices[n - 1] = index;
                    cycles[i] = n - i;
                } else {
                    int j = cycles[i];
                    int index = indices[i];
                    indices[i] = indices[n - j];
                    indices[n - j] = index;
                    for (int k = i; k < r; k++) setItem(heap, result, k, pool[indices[k]]);
                    break;
                }
            }
            if (i < 0) return stop(p);
        }
        return heap.newRef(p.refs[1]);
    }

}
