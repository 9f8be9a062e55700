package dev.refgrade.runtime.protocol;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyComplex;
import dev.refgrade.runtime.objects.PyDeque;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyFloat;
import dev.refgrade.runtime.objects.PyFunction;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyMethod;
import dev.refgrade.runtime.objects.PyByteArray;
import dev.refgrade.runtime.objects.PyBytes;
import dev.refgrade.runtime.objects.PyMemoryView;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PySet;
import dev.refgrade.runtime.objects.PySlice;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyWeakRef;
import java.math.BigInteger;

/** CPython's hash functions (Python/pyhash.c, Objects/longobject.c, tupleobject.c). */
final class Hashing {
    /** _PyHASH_MODULUS: hashes of numbers are reduced modulo the Mersenne prime 2**61 - 1. */
    static final long MODULUS = (1L << 61) - 1;
    private static final BigInteger BIG_MODULUS = BigInteger.valueOf(MODULUS);
    private static final long XXPRIME_1 = 0x9E3779B185EBCA87L, XXPRIME_2 = 0xC2B2AE3D27D4EB4FL,
            XXPRIME_5 = 0x27D4EB2F165667C5L;

    private Hashing() {}

    static long hash(PyRuntime rt, PyObject o) {
        return switch (o) {
            case PyInt i -> i.big == null ? hashLong(i.small) : hashBig(i.big);
            case PyFloat f -> Double.isNaN(f.value) ? pointer(rt, o) : hashDouble(f.value);
            case PyComplex c -> Complexes.hash(rt, c);
            case PyStr s -> strHash(rt, s);
            case PyBytes b -> {
                long h = rt.textHash(b.hashCodeCached()); // bytes_hash: the same _Py_HashBytes as a 1-byte str
                yield h == -1 ? -2 : h;
            }
            case PyByteArray b -> throw unhashable(rt, o);
            case PyMemoryView m -> MemoryViews.hash(rt, m);
            case PyTuple t -> hashTuple(rt, t);
            case PySet s when s.frozen -> hashFrozenSet(rt, s);
            case PyList l -> throw unhashable(rt, o);
            case PyDict d -> throw unhashable(rt, o);
            case PySet s -> throw unhashable(rt, o);
            case PyDeque d -> throw unhashable(rt, o);
            case dev.refgrade.runtime.objects.PyArray a -> throw unhashable(rt, o);
            case dev.refgrade.runtime.objects.PyMappingProxy p when rt.rules.hashableMappingProxy -> hash(rt, p.mapping);
            case dev.refgrade.runtime.objects.PyMappingProxy p -> throw unhashable(rt, o);
            case dev.refgrade.runtime.objects.PyNamespace ns -> throw unhashable(rt, o);
            case dev.refgrade.runtime.objects.PyKeyWrapper k -> throw unhashable(rt, o); // tp_richcompare without tp_hash
            case dev.refgrade.runtime.objects.PyGenericAlias g -> hash(rt, g.origin) ^ hash(rt, g.args); // ga_hash
            case PySlice s when rt.rules.hashableSlices -> hashSlice(rt, s);
            case PySlice s -> throw unhashable(rt, o);
            case PyInstance inst -> hashInstance(rt, inst);
            case PyMethod m -> pointer(rt, m.self) ^ hash(rt, m.func);
            case PyWeakRef w when w.isProxy() -> throw unhashable(rt, o); // proxy tp_hash: PyObject_HashNotImplemented
            case PyWeakRef w when w.hash != -1 -> rt.drawnAgain(w.hash); // weakref_hash caches the referent's hash
            case PyWeakRef w when w.referent() != null -> w.hash = hash(rt, w.referent());
            case PyWeakRef w -> throw rt.typeError("weak object has gone away");
            default -> pointer(rt, o);
        };
    }

    /**
     * Whether the object's class has __hash__ set to None (PyObject_HashNotImplemented, or a class
     * defining __eq__ without __hash__): what dataclasses takes for a mutable default.
     */
    static boolean unhashableType(PyRuntime rt, PyObject o) {
        return switch (o) {
            case PyList l -> true;
            case PyDict d -> true;
            case PySet s -> !s.frozen;
            case PyByteArray b -> true;
            case PyDeque d -> true;
            case dev.refgrade.runtime.objects.PyDictView v -> true;
            case PySlice s -> !rt.rules.hashableSlices;
            case PyWeakRef w -> w.isProxy();
            case PyInstance inst -> {
                PyObject h = inst.cls.lookup(rt, "__hash__");
                yield h == PyRuntime.NONE || h == null && inst.cls.lookup(rt, "__eq__") instanceof PyFunction;
            }
            default -> false;
        };
    }

    private static PyException unhashable(PyRuntime rt, PyObject o) {
        return rt.typeError("unhashable type: '" + o.type().name + "'");
    }

    /** A class that defines __eq__ without __hash__ gets __hash__ = None (type_new). */
    private static long hashInstance(PyRuntime rt, PyInstance inst) {
        PyObject h = inst.cls.lookup(rt, "__hash__");
        PyObject eq = inst.cls.lookup(rt, "__eq__");
        if (h == PyRuntime.NONE || (h == null && eq != null && eq instanceof PyFunction)) throw unhashable(rt, inst);
        if (h instanceof PyFunction) {
            // slot_tp_hash: the result must be an int; one too large for a Py_hash_t is hashed as an int is.
            PyObject r = rt.ops.call(h, inst);
            try {
                if (!(r instanceof PyInt i)) throw rt.typeError("__hash__ method should return an integer");
                long v = i.fitsLong() ? i.longValue() : hash(rt, i);
                return v == -1 ? -2 : v;
            } finally {
                rt.heap.decref(r);
            }
        }
        return pointer(rt, inst);
    }

    /** Strings hash by a per-process secret in CPython (PYTHONHASHSEED); each world has its own. */
    private static long strHash(PyRuntime rt, PyStr s) {
        long h = rt.textHash(s.hashCodeCached());
        return h == -1 ? -2 : h;
    }

    /** _Py_HashPointer: the address rotated by 4 bits, as objects are 16-byte aligned. */
    static long pointer(PyRuntime rt, PyObject o) {
        long y = rt.addressForHash(o.addr);
        long h = (y >>> 4) | (y << 60);
        return h == -1 ? -2 : h;
    }

    static long hashLong(long v) {
        if (v == Long.MIN_VALUE) return hashBig(BigInteger.valueOf(v));
        long h = Math.abs(v) % MODULUS;
        h = v < 0 ? -h : h;
        return h == -1 ? -2 : h;
    }

    static long hashBig(BigInteger v) {
        long h = v.abs().mod(BIG_MODULUS).longValue();
        h = v.signum() < 0 ? -h : h;
        return h == -1 ? -2 : h;
    }

    /** _Py_HashDouble: consistent with int hashes for integral values. */
    static long hashDouble(double v) {
        if (Double.isInfinite(v)) return v > 0 ? 314159 : -314159;
        if (v == Math.rint(v) && Math.abs(v) < 9.2e18) return hashLong((long) v);
        int sign = 1;
        double m = v;
        if (m < 0) {
            sign = -1;
            m = -m;
        }
        int e = Math.getExponent(m) + 1;
        m = m / Math.scalb(1.0, e); // frexp: m in [0.5, 1)
        long x = 0;
        while (m != 0) {
            x = ((x << 28) & MODULUS) | x >>> (61 - 28);
            m *= 268435456.0;
            e -= 28;
            long y = (long) m;
            m -= y;
            x += y;
            if (x >= MODULUS) x -= MODULUS;
        }
        e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
        x = ((x << e) & MODULUS) | x >>> (61 - e);
        x = x * sign;
        return x == -1 ? -2 : x;
    }

    /** tuplehash: the xxHash-based mixing of CPython 3.8+. */
    private static long hashTuple(PyRuntime rt, PyTuple t) {
        long acc = xxLanes(rt, t.items) + (t.items.length ^ (XXPRIME_5 ^ 3527539L));
        return acc == -1 ? 1546275796 : acc;
    }

    /** slice_hash (3.12+): tuplehash's lanes over start, stop and step, without the length term. */
    private static long hashSlice(PyRuntime rt, PySlice s) {
        long acc = xxLanes(rt, new PyObject[] {s.start, s.stop, s.step});
        return acc == -1 ? 1546275796 : acc;
    }

    /** The xxHash accumulation tuplehash and slice_hash share: one round per item's hash. */
    private static long xxLanes(PyRuntime rt, PyObject[] items) {
        long acc = XXPRIME_5;
        for (PyObject item : items) {
            long lane = hash(rt, item);
            acc += lane * XXPRIME_2;
            acc = Long.rotateLeft(acc, 31);
            acc *= XXPRIME_1;
        }
        return acc;
    }

    private static long hashFrozenSet(PyRuntime rt, PySet s) {
        long h = 0;
        for (int i = s.nextSlot(0); i < s.table.length; i = s.nextSlot(i + 1)) {
            long x = hash(rt, s.table[i]);
            h ^= ((x ^ 89869747L) ^ (x << 16)) * 3644798167L;
        }
        h ^= (s.used + 1) * 1927868237L;
        h ^= (h >>> 11) ^ (h >>> 25);
        h = h * 69069L + 907133923L;
        return h == -1 ? 590923713L : h;
    }
}
