package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.objects.PyODict;
import dev.refgrade.python.BinOperator;
import dev.refgrade.python.CmpOp;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.PyDeque;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyBool;
import dev.refgrade.runtime.objects.PyByteArray;
import dev.refgrade.runtime.objects.PyBytes;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyBuiltinIter;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyDictView;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyFloat;
import dev.refgrade.runtime.objects.PyFunction;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyIter;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyMethod;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyRange;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;
import dev.refgrade.runtime.objects.Signature.Convention;
import dev.refgrade.runtime.protocol.Arith;

/**
 * The builtins that iterate (Python/bltinmodule.c, Objects/enumobject.c): the lazy iterator types
 * enumerate, zip, map, filter and reversed, iter(callable, sentinel), and the reductions sum, any,
 * all, min and max, which take one item at a time and drop it before the next, as CPython does.
 */
final class IterFunctions {
    private IterFunctions() {}

    static void install(Registry reg) {
        for (PyBuiltinIter.Kind k : PyBuiltinIter.Kind.values()) {
            if (k != PyBuiltinIter.Kind.CALLABLE) reg.put(k.type.name, k.type);
        }
        // enum_vectorcall words a call without arguments itself; with keywords, Clinic's enum_new does.
        reg.constructor(PyBuiltinIter.Kind.ENUMERATE.type, "iterable=<unrepresentable>, start=0", IterFunctions::enumerate);
        // zip_new parses its keywords alone, with PyArg_ParseTupleAndKeywords(kwds, "|$p:zip").
        reg.constructor(PyBuiltinIter.Kind.ZIP.type, "*iterables, **kwargs", IterFunctions::zip);
        reg.constructor(PyBuiltinIter.Kind.MAP.type, "*args", IterFunctions::map);
        reg.constructor(PyBuiltinIter.Kind.FILTER.type, Signature.parse("function, iterable, /").as(Convention.POSITIONAL),
                IterFunctions::filter);
        reg.constructor(PyBuiltinIter.Kind.REVERSED.type, Signature.parse("sequence, /").as(Convention.POSITIONAL),
                IterFunctions::reversed);
        reg.function("iter", "object, sentinel=<unrepresentable>, /", IterFunctions::iter);
        reg.function("sum", "iterable, /, start=0", IterFunctions::sum);
        reg.function("any", "iterable, /", (rt, a) -> anyAll(rt, a.get("iterable"), true));
        reg.function("all", "iterable, /", (rt, a) -> anyAll(rt, a.get("iterable"), false));
        // min_max unpacks the positional arguments, then parses the keywords with "|$OO:min".
        Signature extreme = Signature.parse("iterable, /, *args, key=None, default=<unrepresentable>")
                .as(Convention.POSITIONAL_THEN_KEYWORDS);
        reg.function("min", extreme, (rt, a) -> extreme(rt, a, CmpOp.LT, "min"));
        reg.function("max", extreme, (rt, a) -> extreme(rt, a, CmpOp.GT, "max"));
    }

    /** enum_new: the object is allocated first, then the iterator, then the result tuple (None, None) it will reuse. */
    static PyObject enumerate(PyRuntime rt, PyType t, Args a) {
        PyObject iterable = a.get("iterable");
        if (iterable == null) {
            throw rt.typeError("enumerate() missing required argument 'iterable'" + (a.given("start") ? " (pos 1)" : ""));
        }
        long start = a.index("start");
        PyBuiltinIter e = rt.heap.alloc(new PyBuiltinIter(PyBuiltinIter.Kind.ENUMERATE, null, null, null));
        e.index = start;
        try {
            e.first = rt.ops.iter(iterable);
        } catch (RuntimeException err) {
            rt.heap.decref(e);
            throw err;
        }
        e.result = noneTuple(rt, 2);
        return e;
    }

    /** zip_new: a tuple of the arguments' iterators, and a result tuple of Nones as long. */
    static PyObject zip(PyRuntime rt, PyType t, Args a) {
        PyObject[] args = a.rest();
        Kwargs kw = a.extra();
        if (kw.names().size() > 1) throw rt.typeError("zip() takes at most 1 keyword argument (" + kw.names().size() + " given)");
        boolean strict = false;
        if (kw.names().size() == 1) {
            if (!kw.names().get(0).value.equals("strict")) {
                throw rt.typeError("'" + kw.names().get(0).value + "' is an invalid keyword argument for zip()");
            }
            strict = rt.ops.truthy(kw.values().get(0));
        }
        PyTuple iters = iterators(rt, args);
        PyBuiltinIter z = new PyBuiltinIter(PyBuiltinIter.Kind.ZIP, iters, null, noneTuple(rt, args.length));
        z.strict = strict;
        return rt.heap.alloc(z);
    }

    /** map_new: the tuple of iterators, then the function. */
    static PyObject map(PyRuntime rt, PyType t, Args a) {
        PyObject[] args = a.rest();
        if (args.length < 2) throw rt.typeError("map() must have at least two arguments.");
        PyObject[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        PyTuple iters = iterators(rt, rest);
        return rt.heap.alloc(new PyBuiltinIter(PyBuiltinIter.Kind.MAP, iters, rt.heap.newRef(args[0]), null));
    }

    static PyObject filter(PyRuntime rt, PyType t, Args a) {
        PyObject function = a.get("function");
        PyObject it = rt.ops.iter(a.get("iterable"));
        return rt.heap.alloc(new PyBuiltinIter(PyBuiltinIter.Kind.FILTER, it, rt.heap.newRef(function), null));
    }

    /**
     * reversed_new: the sequence's own __reversed__ (list, range), else a reversed object over a
     * sequence's __len__ and __getitem__ (tuple, str, a class defining them).
     */
    static PyObject reversed(PyRuntime rt, PyType t, Args a) {
        PyObject seq = a.get("sequence");
        Heap heap = rt.heap;
        switch (seq) {
            case PyList l -> {
                // list___reversed___impl: the index starts at the last item the list has now.
                return heap.alloc(new PyIter(PyIter.Kind.REVERSED_LIST, heap.newRef(l), l.size - 1, 0, 0));
            }
            case PyRange r -> {
                // range_reverse: a range_iterator from the last item backwards; the range is not kept.
                long n = r.length();
                PyIter it = new PyIter(PyIter.Kind.RANGE, null, 0, 0, 0);
                it.rangeStart = r.start + (n - 1) * r.step;
                it.rangeStep = -r.step;
                it.rangeLen = n;
                return heap.alloc(it);
            }
            case PyODict od -> {
                return dev.refgrade.runtime.objects.PyODictIter.create(rt, od, dev.refgrade.runtime.objects.PyODictIter.Kind.KEYS, true);
            }
            case PyDictView v when v.dict instanceof PyODict -> {
                return OrderedDictType.iter(rt, v, true);
            }
            case PyDict d -> {
                return reversedDict(rt, d, PyIter.Kind.REVERSED_DICT_KEYS);
            }
            case PyDictView v -> {
                return reversedDict(rt, v.dict, v.type == PyType.DICT_KEYS ? PyIter.Kind.REVERSED_DICT_KEYS
                        : v.type == PyType.DICT_VALUES ? PyIter.Kind.REVERSED_DICT_VALUES : PyIter.Kind.REVERSED_DICT_ITEMS);
            }
            case PyDeque d -> {
                return heap.alloc(new dev.refgrade.runtime.objects.PyDequeIter(heap.newRef(d), true));
            }
            case dev.refgrade.runtime.objects.PyArray arr -> throw a.unsupported("reversed() of an array.array");
            case PyType cls when cls.metatype != null -> {
                return EnumModule.slot(rt, cls, "__reversed__");
            }
            case PyInstance inst when inst.cls.lookup(rt, "__reversed__") != null -> {
                return rt.ops.callSpecial(inst, "__reversed__");
            }
            default -> {}
        }
        // reversed_new: PySequence_Check (a __getitem__) and a length; bytes and bytearray are sequences too.
        boolean sequence = seq instanceof PyTuple || seq instanceof PyStr || seq instanceof dev.refgrade.runtime.objects.PyBytes
                || seq instanceof dev.refgrade.runtime.objects.PyByteArray
                || seq instanceof PyInstance inst && inst.cls.lookup(rt, "__getitem__") != null;
        if (!sequence) throw rt.typeError("'" + seq.type().name + "' object is not reversible");
        long n = rt.ops.len(seq);
        PyBuiltinIter r = new PyBuiltinIter(PyBuiltinIter.Kind.REVERSED, heap.newRef(seq), null, null);
        r.index = n - 1;
        return heap.alloc(r);
    }

    /** dict.__reversed__ and the views': dictiter_new from the last entry; an items iterator packs its reused (None, None). */
    private static PyObject reversedDict(PyRuntime rt, PyDict d, PyIter.Kind kind) {
        PyIter it = rt.heap.alloc(new PyIter(kind, rt.heap.newRef(d), d.entries - 1L, d.version, d.used));
        if (kind == PyIter.Kind.REVERSED_DICT_ITEMS) it.result = rt.newTuple(PyRuntime.NONE, PyRuntime.NONE);
        return it;
    }

    /** iter(object), or iter(callable, sentinel): a callable_iterator holding both. */
    static PyObject iter(PyRuntime rt, Args a) {
        PyObject o = a.get("object"), sentinel = a.get("sentinel");
        if (sentinel == null) return rt.ops.iter(o);
        if (!callable(rt, o)) throw rt.typeError("iter(v, w): v must be callable");
        return rt.heap.alloc(new PyBuiltinIter(PyBuiltinIter.Kind.CALLABLE, rt.heap.newRef(o), rt.heap.newRef(sentinel), null));
    }

    private static boolean callable(PyRuntime rt, PyObject o) {
        return o instanceof PyFunction || o instanceof PyBuiltin || o instanceof PyType || o instanceof PyMethod
                || o.type().lookup(rt, "__call__") != null;
    }

    /**
     * builtin_sum: an exact int total is kept as a C long while the items are ints and it does
     * not overflow, a float total as a C double while they are floats or ints; only then, or at the
     * end, is the total an object. Anything else is added with +, one item at a time.
     */
    static PyObject sum(PyRuntime rt, Args a) {
        return sum(rt, a.get("iterable"), a.get("start"));
    }

    /** builtin_sum of {@code iterable} from {@code start} (null for 0). */
    static PyObject sum(PyRuntime rt, PyObject iterable, PyObject start) {
        Heap heap = rt.heap;
        if (start instanceof PyStr) throw rt.typeError("sum() can't sum strings [use ''.join(seq) instead]");
        if (start instanceof PyBytes) throw rt.typeError("sum() can't sum bytes [use b''.join(seq) instead]");
        if (start instanceof PyByteArray) throw rt.typeError("sum() can't sum bytearray [use b''.join(seq) instead]");
        PyObject it = rt.ops.iter(iterable);
        PyObject result = start != null ? heap.newRef(start) : rt.newInt(0);
        try {
            if (result.type() == PyType.INT && ((PyInt) result).fitsLong()) {
                long total = ((PyInt) result).longValue();
                heap.decref(result);
                result = null;
                while (result == null) {
                    PyObject item = rt.ops.next(it);
                    if (item == null) return rt.newInt(total);
                    rt.charge(1);
                    if (item instanceof PyInt i && (i.type() == PyType.INT || i instanceof PyBool) && i.fitsLong()) {
                        long b = i.longValue();
                        if (total >= 0 ? b <= Long.MAX_VALUE - total : b >= Long.MIN_VALUE - total) {
                            total += b;
                            heap.decref(item);
                            continue;
                        }
                    }
                    result = add(rt, rt.newInt(total), item);
                }
            }
            if (result.type() == PyType.FLOAT) {
                double total = ((PyFloat) result).value;
                heap.decref(result);
                result = null;
                while (result == null) {
                    PyObject item = rt.ops.next(it);
                    if (item == null) return rt.newFloat(total);
                    rt.charge(1);
                    if (item.type() == PyType.FLOAT) {
                        total += ((PyFloat) item).value;
                        heap.decref(item);
                        continue;
                    }
                    if (item instanceof PyInt i && i.fitsLong()) {
                        total += (double) i.longValue();
                        heap.decref(item);
                        continue;
                    }
                    result = add(rt, rt.newFloat(total), item);
                }
            }
            while (true) {
                PyObject item = rt.ops.next(it);
                if (item == null) {
                    PyObject done = result;
                    result = null;
                    return done;
                }
                rt.charge(1);
                PyObject r = result;
                result = null;
                result = add(rt, r, item);
            }
        } finally {
            heap.xdecref(result);
            heap.decref(it);
        }
    }

    /** PyNumber_Add of two owned operands, both dropped after. */
    private static PyObject add(PyRuntime rt, PyObject total, PyObject item) {
        try {
            return Arith.binary(rt, BinOperator.ADD, total, item);
        } finally {
            rt.heap.decref(total);
            rt.heap.decref(item);
        }
    }

    /** builtin_any / builtin_all: each item's truth, the item dropped before the next; the first decisive one ends it. */
    static PyObject anyAll(PyRuntime rt, PyObject iterable, boolean any) {
        Heap heap = rt.heap;
        PyObject it = rt.ops.iter(iterable);
        try {
            for (PyObject item = rt.ops.next(it); item != null; item = rt.ops.next(it)) {
                rt.charge(1);
                boolean truth;
                try {
                    truth = rt.ops.truthy(item);
                } finally {
                    heap.decref(item);
                }
                if (truth == any) return PyRuntime.bool(any);
            }
            return PyRuntime.bool(!any);
        } finally {
            heap.decref(it);
        }
    }

    /**
     * min_max: of one iterable, or of the arguments; the best item and its key are kept, every
     * other item and key dropped as soon as it lost. The default serves only an empty iterable.
     */
    private static PyObject extreme(PyRuntime rt, Args a, CmpOp better, String name) {
        Heap heap = rt.heap;
        PyObject first = a.get("iterable"), key = a.orNone("key"), dflt = a.get("default");
        PyObject[] more = a.rest();
        if (more.length > 0 && dflt != null) {
            throw rt.typeError("Cannot specify a default for " + name + "() with multiple positional arguments");
        }
        PyObject it;
        if (more.length == 0) {
            it = rt.ops.iter(first);
        } else {
            PyObject[] all = new PyObject[more.length + 1];
            all[0] = heap.newRef(first);
            for (int i = 0; i < more.length; i++) all[i + 1] = heap.newRef(more[i]);
            PyTuple args = rt.newTuple(all);
            it = rt.ops.iterTaking(args);
        }
        PyObject bestItem = null, bestKey = null;
        try {
            for (PyObject item = rt.ops.next(it); item != null; item = rt.ops.next(it)) {
                rt.charge(1);
                PyObject k;
                try {
                    k = key == PyRuntime.NONE ? heap.newRef(item) : rt.ops.call(key, item);
                } catch (RuntimeException e) {
                    heap.decref(item);
                    throw e;
                }
                if (bestItem == null) {
                    bestItem = item;
                    bestKey = k;
                    continue;
                }
                boolean wins;
                try {
                    wins = rt.ops.compareBool(k, bestKey, better);
                } catch (RuntimeException e) {
                    heap.decref(item);
                    heap.decref(k);
                    throw e;
                }
                if (wins) {
                    heap.decref(bestKey);
                    heap.decref(bestItem);
                    bestKey = k;
                    bestItem = item;
                } else {
                    heap.decref(item);
                    heap.decref(k);
                }
            }
            if (bestItem != null) {
                PyObject r = bestItem;
                bestItem = null;
                return r;
            }
            if (dflt != null) return heap.newRef(dflt);
            throw rt.error(PyExc.VALUE_ERROR, name + "() arg is an empty sequence");
        } finally {
            heap.xdecref(bestKey);
            heap.xdecref(bestItem);
            heap.decref(it);
        }
    }

    /** The iterators of each argument, in order, in a tuple made before them (zip's and map's ittuple). */
    private static PyTuple iterators(PyRuntime rt, PyObject[] args) {
        PyTuple iters = rt.newTuple(new PyObject[args.length]);
        try {
            for (int i = 0; i < args.length; i++) iters.items[i] = rt.ops.iter(args[i]);
        } catch (RuntimeException e) {
            rt.heap.decref(iters);
            throw e;
        }
        return iters;
    }

    /** PyTuple_Pack(n, None, ...): the result tuple an iterator fills and reuses. */
    private static PyTuple noneTuple(PyRuntime rt, int n) {
        PyObject[] nones = new PyObject[n];
        java.util.Arrays.fill(nones, PyRuntime.NONE);
        return rt.newTuple(nones);
    }
}
