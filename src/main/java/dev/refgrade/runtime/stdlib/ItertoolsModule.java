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
            TEE_DATA = type("_tee_dataobject"), FILTERFALSE = type("filterfalse"), COMPRESS = type("compress"),
            COMBINATIONS_WITH_REPLACEMENT = type("combinations_with_replacement");


    private ItertoolsModule() {}

    /** tp_name "itertools.count": errors name the type so, and type_module reads the module off it. */
    private static PyType type(String name) {
        return PyType.newBuiltin("itertools." + name, PyType.OBJECT);
    }

    public static Map<String, PyObject> contents() {
        Registry reg = Registry.module("itertools");
        for (PyType t : List.of(COUNT, CYCLE, REPEAT, CHAIN, ISLICE, PRODUCT, PERMUTATIONS, COMBINATIONS, ACCUMULATE,
                ZIP_LONGEST, STARMAP, TAKEWHILE, DROPWHILE, PAIRWISE, GROUPBY, GROUPER, TEE, TEE_DATA, FILTERFALSE, COMPRESS,
                COMBINATIONS_WITH_REPLACEMENT)) {
            reg.put(t.name.substring("itertools.".length()), t);
        }
        reg.constructor(COUNT, "start=0, step=1", ItertoolsModule::count);
        reg.constructor(CYCLE, Signature.parse("iterable, /").as(Convention.POSITIONAL), ItertoolsModule::cycle);
        reg.constructor(REPEAT, "object, times=<unrepresentable>", ItertoolsModule::repeat);
        reg.constructor(CHAIN, "*iterables", (rt, t, a) -> chain(rt, rt.ops.iterTaking(rt.newTuple(rt.heap.newRefs(a.rest())))));
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
        reg.constructor(ZIP_LONGEST, "*iterables, fillvalue=None", ItertoolsCombinatorics::zipLongest);
        reg.constructor(PRODUCT, "*iterables, repeat=1", ItertoolsCombinatorics::product);
        reg.constructor(PERMUTATIONS, "iterable, r=None", ItertoolsCombinatorics::permutations);
        reg.constructor(COMBINATIONS, "iterable, r", ItertoolsCombinatorics::combinations);
        reg.constructor(GROUPBY, "iterable, key=None", ItertoolsGroups::groupby);
        reg.function("tee", "iterable, n=2, /", ItertoolsGroups::tee);
        reg.method(TEE, "__copy__", "", (PyRuntime rt, PyItertool t, Args a) -> ItertoolsGroups.teeCopy(rt, t));
        reg.constructor(FILTERFALSE, Signature.parse("function, iterable, /").as(Convention.POSITIONAL),
                (rt, t, a) -> rt.heap.alloc(new PyItertool(FILTERFALSE, ItertoolsModule::filterfalse, null,
                        rt.ops.iter(a.get("iterable")), rt.heap.newRef(a.get("function")))));
        reg.constructor(COMPRESS, "data, selectors", ItertoolsModule::compress);
        reg.constructor(COMBINATIONS_WITH_REPLACEMENT, "iterable, r", ItertoolsCombinatorics::combinationsWithReplacement);
        return reg.contents();
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
        } catch (RuntimeException e) {
            rt.heap.decref(item);
            throw e;
        } finally {
            rt.heap.decref(good);
        }
    }

    /** filterfalse_next: the items whose test is false; with None or bool for the function, the item's own truth. */
    private static PyObject filterfalse(PyRuntime rt, PyItertool f) {
        PyObject func = f.refs[1];
        while (true) {
            PyObject item = rt.ops.next(f.refs[0]);
            if (item == null) return null;
            boolean ok;
            if (func == PyRuntime.NONE || func == PyType.BOOL) {
                try {
                    ok = rt.ops.truthy(item);
                } catch (RuntimeException e) {
                    rt.heap.decref(item);
                    throw e;
                }
            } else {
                ok = test(rt, func, item);
            }
            if (!ok) return item;
            rt.heap.decref(item);
        }
    }

    /** compress_new: an iterator of the data and one of the selectors, in that order. */
    private static PyObject compress(PyRuntime rt, PyType t, Args a) {
        PyObject data = rt.ops.iter(a.get("data"));
        PyObject selectors;
        try {
            selectors = rt.ops.iter(a.get("selectors"));
        } catch (RuntimeException e) {
            rt.heap.decref(data);
            throw e;
        }
        return rt.heap.alloc(new PyItertool(COMPRESS, ItertoolsModule::compressNext, null, data, selectors));
    }

    /** compress_next: a datum, then its selector, as the pure Python version reads them; the datum kept when the selector is true. */
    private static PyObject compressNext(PyRuntime rt, PyItertool c) {
        while (true) {
            PyObject datum = rt.ops.next(c.refs[0]);
            if (datum == null) return null;
            PyObject selector;
            boolean ok;
            try {
                selector = rt.ops.next(c.refs[1]);
                if (selector == null) {
                    rt.heap.decref(datum);
                    return null;
                }
                try {
                    ok = rt.ops.truthy(selector);
                } finally {
                    rt.heap.decref(selector);
                }
            } catch (RuntimeException e) {
                rt.heap.decref(datum);
                throw e;
            }
            if (ok) return datum;
            rt.heap.decref(datum);
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

}
