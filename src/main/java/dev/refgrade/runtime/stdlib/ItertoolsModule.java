package dev.refgrade.runtime.stdlib;

import dev.refgrade.python.BinOperator;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyItertool;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;
import dev.refgrade.runtime.objects.Signature.Convention;
import dev.refgrade.runtime.protocol.Arith;
import java.util.List;
import java.util.Map;

/**
 * The itertools module (Modules/itertoolsmodule.c, 3.11): each iterator holds what CPython's
 * struct holds, advances as its tp_iternext does, and product, permutations, combinations and
 * zip_longest refill their result tuple when nobody else holds it; tee's copies share linked blocks of
 * the values read so far.
 */
public final class ItertoolsModule {
    static final PyType COUNT = type("count"), CYCLE = type("cycle"), REPEAT = type("repeat"), CHAIN = type("chain"),
            ISLICE = type("islice"), PRODUCT = type("product"), PERMUTATIONS = type("permutations"),
            COMBINATIONS = type("combinations"), ACCUMULATE = type("accumulate"), ZIP_LONGEST = type("zip_longest"),
            STARMAP = type("starmap"), TAKEWHILE = type("takewhile"), DROPWHILE = type("dropwhile"),
            PAIRWISE = type("pairwise"), GROUPBY = type("groupby"), GROUPER = type("_grouper"), TEE = type("_tee"),
            TEE_DATA = type("_tee_dataobject");
    /** LINKCELLS: the values one _tee_dataobject holds before it links to the next. */
    private static final int LINKCELLS = 57;

    private ItertoolsModule() {}

    private static PyType type(String name) {
        return PyType.newBuiltin(name, PyType.OBJECT);
    }

    public static Map<String, PyObject> contents() {
        Registry reg = Registry.module("itertools");
        for (PyType t : List.of(COUNT, CYCLE, REPEAT, CHAIN, ISLICE, PRODUCT, PERMUTATIONS, COMBINATIONS, ACCUMULATE,
                ZIP_LONGEST, STARMAP, TAKEWHILE, DROPWHILE, PAIRWISE, GROUPBY, GROUPER, TEE, TEE_DATA)) {
            reg.put(t.name, t);
        }
        reg.constructor(COUNT, "start=0, step=1", ItertoolsModule::count);
        reg.constructor(CYCLE, Signature.parse("iterable, /").as(Convention.POSITIONAL), ItertoolsModule::cycle);
        reg.constructor(REPEAT, "object, times=<unrepresentable>", ItertoolsModule::repeat);
        reg.constructor(CHAIN, "*iterables", (rt, t, a) -> chain(rt, rt.ops.iterTaking(rt.newTuple(newRefs(rt, a.rest())))));
        CHAIN.install("from_iterable", Registry.module("itertools").function("from_iterable",
                Signature.parse("iterable, /").as(Convention.O), (rt, a) -> chain(rt, rt.ops.iter(a.get("iterable")))));
        reg.constructor(ISLICE, Signature.parse("iterable, start, stop=<unrepresentable>, step=<unrepresentable>, /")
                .as(Convention.POSITIONAL), ItertoolsModule::islice);
        reg.constructor(TAKEWHILE, Signature.parse("predicate, iterable, /").as(Convention.POSITIONAL),
                (rt, t, a) -> whileIter(rt, TAKEWHILE, a, ItertoolsModule::takewhile));
        reg.constructor(DROPWHILE, Signature.parse("predicate, iterable, /").as(Convention.POSITIONAL),
                (rt, t, a) -> whileIter(rt, DROPWHILE, a, ItertoolsModule::dropwhile));
        reg.constructor(STARMAP, Signature.parse("function, iterable, /").as(Convention.POSITIONAL), ItertoolsModule::starmap);
        reg.constructor(ACCUMULATE, "iterable, func=None, *, initial=None", ItertoolsModule::accumulate);
        reg.constructor(PAIRWISE, Signature.parse("iterable, /").as(Convention.POSITIONAL),
                (rt, t, a) -> rt.heap.alloc(new PyItertool(PAIRWISE, ItertoolsModule::pairwise, null, rt.ops.iter(a.get("iterable")), null)));
        reg.constructor(ZIP_LONGEST, "*iterables, fillvalue=None", ItertoolsModule::zipLongest);
        reg.constructor(PRODUCT, "*iterables, repeat=1", ItertoolsModule::product);
        reg.constructor(PERMUTATIONS, "iterable, r=None", ItertoolsModule::permutations);
        reg.constructor(COMBINATIONS, "iterable, r", ItertoolsModule::combinations);
        reg.constructor(GROUPBY, "iterable, key=None", ItertoolsModule::groupby);
        reg.function("tee", "iterable, n=2, /", ItertoolsModule::tee);
        reg.method(TEE, "__copy__", "", (PyRuntime rt, PyItertool t, Args a) -> teeCopy(rt, t));
        for (String refused : List.of( "combinations_with_replacement", "compress", "filterfalse")) {
            reg.function(refused, "*args, **kwargs", (rt, a) -> {
                throw a.unsupported("itertools." + refused);
            });
        }
        return reg.contents();
    }

    private static PyObject[] newRefs(PyRuntime rt, PyObject[] items) {
        PyObject[] out = items.clone();
        for (PyObject o : out) rt.heap.incref(o);
        return out;
    }

    // ---- count, cycle, repeat -----------------------------------------------------------------

    /** count_new: an int start with step 1 counts in a C integer (fast mode); otherwise it holds its next value and adds step. */
    static PyObject count(PyRuntime rt, PyType t, Args a) {
        Heap heap = rt.heap;
        PyObject start = a.get("start"), step = a.get("step");
        PyObject s = start != null ? start : rt.newInt(0);
        boolean fast = (start == null || start.type() == PyType.INT && ((PyInt) start).fitsLong())
                && (step == null || step.type() == PyType.INT && ((PyInt) step).fitsLong() && ((PyInt) step).longValue() == 1);
        if (fast) {
            PyItertool it = new PyItertool(COUNT, ItertoolsModule::countFast, ItertoolsModule::countRepr, null, null);
            it.a = ((PyInt) s).longValue();
            return heap.alloc(it);
        }
        PyObject st = step != null ? step : rt.newInt(1);
        return heap.alloc(new PyItertool(COUNT, ItertoolsModule::countSlow, ItertoolsModule::countRepr, heap.newRef(s), heap.newRef(st)));
    }

    private static PyObject countFast(PyRuntime rt, PyItertool it) {
        if (it.a == Long.MAX_VALUE) throw new dev.refgrade.runtime.Unsupported("itertools.count past sys.maxsize", 0);
        return rt.newInt(it.a++);
    }

    /** count_nextlong: the held value is returned, and the next one made by adding the step. */
    private static PyObject countSlow(PyRuntime rt, PyItertool it) {
        PyObject returned = it.refs[0];
        it.refs[0] = Arith.binary(rt, BinOperator.ADD, returned, it.refs[1]);
        return returned;
    }

    private static String countRepr(PyRuntime rt, PyItertool it) {
        if (it.refs[0] == null) return "count(" + it.a + ")";
        String step = it.refs[1] instanceof PyInt i && i.fitsLong() && i.longValue() == 1 && i.type() == PyType.INT
                ? "" : ", " + rt.ops.repr(it.refs[1]);
        return "count(" + rt.ops.repr(it.refs[0]) + step + ")";
    }

    /** cycle_new: the iterator, then the list the items of the first pass are saved in. */
    static PyObject cycle(PyRuntime rt, PyType t, Args a) {
        PyObject it = rt.ops.iter(a.get("iterable"));
        return rt.heap.alloc(new PyItertool(CYCLE, ItertoolsModule::cycleNext, null, it, rt.newList()));
    }

    private static PyObject cycleNext(PyRuntime rt, PyItertool c) {
        if (c.refs[0] != null) {
            PyObject item = rt.ops.next(c.refs[0]);
            if (item != null) {
                ((PyList) c.refs[1]).appendOwned(rt.heap.newRef(item));
                return item;
            }
            c.clear(rt.heap, 0);
        }
        PyList saved = (PyList) c.refs[1];
        if (saved.size == 0) return null;
        PyObject item = saved.items[(int) c.a];
        c.a++;
        if (c.a >= saved.size) c.a = 0;
        return rt.heap.newRef(item);
    }

    /** repeat_new: a negative count is zero; without one it repeats for ever. */
    static PyObject repeat(PyRuntime rt, PyType t, Args a) {
        PyObject element = a.get("object");
        long times = a.given("times") ? Arith.toIndex(rt, a.get("times")) : -1;
        PyItertool r = new PyItertool(REPEAT, ItertoolsModule::repeatNext, ItertoolsModule::repeatRepr, rt.heap.newRef(element));
        r.a = a.given("times") && times < 0 ? 0 : times;
        return rt.heap.alloc(r);
    }

    private static PyObject repeatNext(PyRuntime rt, PyItertool r) {
        if (r.a == 0) return null;
        if (r.a > 0) r.a--;
        return rt.heap.newRef(r.refs[0]);
    }

    private static String repeatRepr(PyRuntime rt, PyItertool r) {
        return "repeat(" + rt.ops.repr(r.refs[0]) + (r.a < 0 ? "" : ", " + r.a) + ")";
    }

    // ---- chain, islice, takewhile, dropwhile, starmap, accumulate, pairwise -------------------

    /** chain: an iterator over the iterables (source) and the iterator of the current one (active). */
    private static PyObject chain(PyRuntime rt, PyObject source) {
        return rt.heap.alloc(new PyItertool(CHAIN, ItertoolsModule::chainNext, null, source, null));
    }

    private static PyObject chainNext(PyRuntime rt, PyItertool c) {
        Heap heap = rt.heap;
        while (c.refs[0] != null) {
            if (c.refs[1] == null) {
                PyObject iterable = rt.ops.next(c.refs[0]);
                if (iterable == null) {
                    c.clear(heap, 0);
                    return null;
                }
                try {
                    c.refs[1] = rt.ops.iterTaking(iterable);
                } catch (RuntimeException e) {
                    c.clear(heap, 0);
                    throw e;
                }
            }
            PyObject item = rt.ops.next(c.refs[1]);
            if (item != null) return item;
            c.clear(heap, 1);
        }
        return null;
    }

    /** islice_new: islice(it, stop) or islice(it, start, stop[, step]); None stands for the default of each. */
    static PyObject islice(PyRuntime rt, PyType t, Args a) {
        PyObject seq = a.get("iterable"), first = a.get("start");
        long start = 0, stop, step = 1;
        if (!a.given("stop")) {
            stop = sliceIndex(rt, first, -1, "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
            a.get("step");
        } else {
            start = sliceIndex(rt, first, 0, "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
            stop = sliceIndex(rt, a.get("stop"), -1, "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
            PyObject s = a.get("step");
            if (s != null && s != PyRuntime.NONE) {
                step = s instanceof PyInt i && i.fitsLong() ? i.longValue() : -1;
                if (step < 1) throw rt.error(PyExc.VALUE_ERROR, "Step for islice() must be a positive integer or None.");
            }
        }
        PyObject it = rt.ops.iter(seq);
        PyItertool s = new PyItertool(ISLICE, ItertoolsModule::isliceNext, null, it);
        s.a = start; // the index of the next item to return
        s.b = stop;
        s.c = step;
        return rt.heap.alloc(s);
    }

    private static long sliceIndex(PyRuntime rt, PyObject v, long none, String message) {
        if (v == PyRuntime.NONE) return none;
        if (v instanceof PyInt i && i.fitsLong() && i.longValue() >= 0) return i.longValue();
        throw rt.error(PyExc.VALUE_ERROR, message);
    }

    /** islice_next: items before the next wanted index are drawn and dropped; cnt counts every item drawn. */
    private static PyObject isliceNext(PyRuntime rt, PyItertool s) {
        Heap heap = rt.heap;
        PyObject it = s.refs[0];
        if (it == null) return null;
        long stop = s.b;
        while (s.d < s.a) {
            PyObject item = rt.ops.next(it);
            if (item == null) return empty(heap, s);
            heap.decref(item);
            s.d++;
        }
        if (stop != -1 && s.d >= stop) return empty(heap, s);
        PyObject item = rt.ops.next(it);
        if (item == null) return empty(heap, s);
        s.d++;
        long old = s.a;
        s.a += s.c;
        if (s.a < old || stop != -1 && s.a > stop) s.a = stop;
        return item;
    }

    private static PyObject empty(Heap heap, PyItertool s) {
        s.clear(heap, 0);
        return null;
    }

    private static PyObject whileIter(PyRuntime rt, PyType t, Args a, PyItertool.Advance advance) {
        PyObject it = rt.ops.iter(a.get("iterable"));
        return rt.heap.alloc(new PyItertool(t, advance, null, it, rt.heap.newRef(a.get("predicate"))));
    }

    private static boolean test(PyRuntime rt, PyObject func, PyObject item) {
        PyObject good;
        try {
            good = rt.ops.call(func, item);
        } catch (RuntimeException e) {
            rt.heap.decref(item);
            throw e;
        }
        try {
            return rt.ops.truthy(good);
        } finally {
            rt.heap.decref(good);
        }
    }

    private static PyObject takewhile(PyRuntime rt, PyItertool t) {
        if (t.flag) return null;
        PyObject item = rt.ops.next(t.refs[0]);
        if (item == null) return null;
        if (test(rt, t.refs[1], item)) return item;
        rt.heap.decref(item);
        t.flag = true;
        return null;
    }

    private static PyObject dropwhile(PyRuntime rt, PyItertool d) {
        while (true) {
            PyObject item = rt.ops.next(d.refs[0]);
            if (item == null) return null;
            if (d.flag) return item;
            if (!test(rt, d.refs[1], item)) {
                d.flag = true;
                return item;
            }
            rt.heap.decref(item);
        }
    }

    static PyObject starmap(PyRuntime rt, PyType t, Args a) {
        PyObject it = rt.ops.iter(a.get("iterable"));
        return rt.heap.alloc(new PyItertool(STARMAP, ItertoolsModule::starmapNext, null, it, rt.heap.newRef(a.get("function"))));
    }

    /** starmap_next: each item, made a tuple if it is not one, is the arguments of a call. */
    private static PyObject starmapNext(PyRuntime rt, PyItertool s) {
        PyObject args = rt.ops.next(s.refs[0]);
        if (args == null) return null;
        if (!(args instanceof PyTuple)) {
            PyObject[] items;
            try {
                items = Builtins.toArray(rt, args);
            } finally {
                rt.heap.decref(args);
            }
            args = rt.newTuple(items);
        }
        try {
            return rt.ops.call(s.refs[1], ((PyTuple) args).items);
        } finally {
            rt.heap.decref(args);
        }
    }

    /** accumulate: refs are binop, it, total, initial, as accumulate_traverse visits them. */
    static PyObject accumulate(PyRuntime rt, PyType t, Args a) {
        Heap heap = rt.heap;
        PyObject func = a.orNone("func"), initial = a.orNone("initial");
        PyObject it = rt.ops.iter(a.get("iterable"));
        return heap.alloc(new PyItertool(ACCUMULATE, ItertoolsModule::accumulateNext, null,
                func == PyRuntime.NONE ? null : heap.newRef(func), it, null, heap.newRef(initial)));
    }

    private static PyObject accumulateNext(PyRuntime rt, PyItertool acc) {
        Heap heap = rt.heap;
        if (acc.refs[3] != PyRuntime.NONE) {
            acc.refs[2] = acc.refs[3];
            acc.refs[3] = PyRuntime.NONE;
            return heap.newRef(acc.refs[2]);
        }
        PyObject val = rt.ops.next(acc.refs[1]);
        if (val == null) return null;
        if (acc.refs[2] == null) {
            acc.refs[2] = heap.newRef(val);
            return val;
        }
        PyObject total;
        try {
            total = acc.refs[0] == null ? Arith.binary(rt, BinOperator.ADD, acc.refs[2], val) : rt.ops.call(acc.refs[0], acc.refs[2], val);
        } finally {
            heap.decref(val);
        }
        PyObject old = acc.refs[2];
        acc.refs[2] = total;
        heap.decref(old);
        return heap.newRef(total);
    }

    /** pairwise_next: a new (old, new) tuple each time; the newer item is kept for the next pair. */
    private static PyObject pairwise(PyRuntime rt, PyItertool p) {
        Heap heap = rt.heap;
        if (p.refs[0] == null) return null;
        if (p.refs[1] == null) {
            p.refs[1] = rt.ops.next(p.refs[0]);
            if (p.refs[1] == null) {
                p.clear(heap, 0);
                return null;
            }
        }
        PyObject next = rt.ops.next(p.refs[0]);
        if (next == null) {
            p.clear(heap, 0);
            p.clear(heap, 1);
            return null;
        }
        PyTuple result = rt.newTuple(heap.newRef(p.refs[1]), heap.newRef(next));
        PyObject old = p.refs[1];
        p.refs[1] = next;
        heap.decref(old);
        return result;
    }

    // ---- zip_longest, product, permutations, combinations: result tuples reused --------------

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
        PyItertool z = new PyItertool(ZIP_LONGEST, ItertoolsModule::zipLongestNext, null, iters, rt.newTuple(nones), heap.newRef(fill));
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
        int n = args.length;
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
        PyItertool p = new PyItertool(PRODUCT, ItertoolsModule::productNext, null, pools, null);
        p.indices = new int[(int) total];
        return heap.alloc(p);
    }

    /** PySequence_Tuple: a tuple is itself; anything else is copied into a new tuple. */
    private static PyObject sequenceTuple(PyRuntime rt, PyObject o) {
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

    /** combinations_new: refs are the pool tuple and the result tuple; stopped at once when r > n. */
    static PyObject combinations(PyRuntime rt, PyType t, Args a) {
        PyObject iterable = a.get("iterable");
        long r = a.index("r");
        PyObject pool = sequenceTuple(rt, iterable);
        if (r < 0) {
            rt.heap.decref(pool);
            throw rt.error(PyExc.VALUE_ERROR, "r must be non-negative");
        }
        int n = ((PyTuple) pool).items.length;
        PyItertool c = new PyItertool(COMBINATIONS, ItertoolsModule::combinationsNext, null, pool, null);
        c.indices = new int[(int) Math.min(r, n + 1L)];
        for (int i = 0; i < c.indices.length; i++) c.indices[i] = i;
        c.a = r;
        c.flag = r > n;
        return rt.heap.alloc(c);
    }

    private static PyObject combinationsNext(PyRuntime rt, PyItertool c) {
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
            int i = r - 1;
            while (i >= 0 && indices[i] == i + n - r) i--;
            if (i < 0) return stop(c);
            indices[i]++;
            for (int j = i + 1; j < r; j++) indices[j] = indices[j - 1] + 1;
            for (; i < r; i++) setItem(heap, result, i, pool[indices[i]]);
        }
        return heap.newRef(c.refs[1]);
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
        PyItertool p = new PyItertool(PERMUTATIONS, ItertoolsModule::permutationsNext, null, pool, null);
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

    // ---- groupby --------------------------------------------------------------------------------

    /** groupby: refs are it, keyfunc, tgtkey, currkey, currvalue, as groupby_traverse visits them. */
    static PyObject groupby(PyRuntime rt, PyType t, Args a) {
        PyObject key = a.orNone("key");
        PyObject it = rt.ops.iter(a.get("iterable"));
        return rt.heap.alloc(new PyItertool(GROUPBY, ItertoolsModule::groupbyNext, null, it, rt.heap.newRef(key), null, null, null));
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
        PyItertool grouper = heap.alloc(new PyItertool(GROUPER, ItertoolsModule::grouperNext, null,
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
            if (it instanceof PyItertool t && t.type() == TEE) {
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
        PyItertool t = rt.heap.alloc(new PyItertool(TEE, ItertoolsModule::teeNext, null, (PyObject) null));
        t.refs[0] = teeData(rt, it);
        return t;
    }

    /** teedataobject_newinternal: refs are the iterator, LINKCELLS values, then the next link. */
    private static PyItertool teeData(PyRuntime rt, PyObject it) {
        PyObject[] refs = new PyObject[LINKCELLS + 2];
        refs[0] = rt.heap.newRef(it);
        return rt.heap.alloc(new PyItertool(TEE_DATA, (r, d) -> null, null, refs));
    }

    /** tee_copy: a new tee on the same data block at the same index. */
    private static PyObject teeCopy(PyRuntime rt, PyItertool t) {
        PyItertool copy = new PyItertool(TEE, ItertoolsModule::teeNext, null, rt.heap.newRef(t.refs[0]));
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
