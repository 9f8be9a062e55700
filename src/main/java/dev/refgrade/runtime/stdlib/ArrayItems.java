package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.Unsupported;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyArray;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.python.CmpOp;
import dev.refgrade.runtime.protocol.Arith;
import java.math.BigInteger;

/**
 * An array's items as arraymodule.c's getitem and setitem functions convert them: each type code
 * parses a value its own way (PyArg_Parse formats or PyLong_AsUnsigned*), so the same out-of-range
 * value raises a different OverflowError per code.
 */
public final class ArrayItems {
    private ArrayItems() {}

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE), LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger ULONG_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** getarrayitem: a new int or float (a small int is the shared one). */
    public static PyObject get(PyRuntime rt, PyArray a, int i) {
        if (a.real()) return rt.newFloat(a.realAt(i));
        long v = a.intAt(i);
        if (a.typecode == 'u') return character(rt, v);
        return a.typecode == 'L' || a.typecode == 'Q' ? rt.newInt(new BigInteger(Long.toUnsignedString(v))) : rt.newInt(v);
    }

    /** setitem: {@code v} converted as the array's code converts it, or its TypeError or OverflowError. */
    public static void set(PyRuntime rt, PyArray a, int i, PyObject v) {
        if (a.real()) a.setReal(i, MathModule.real(rt, v));
        else a.setInt(i, convert(rt, a.typecode, v));
    }

    /** u_getitem: PyUnicode_FromOrdinal of the wchar_t, which must be a code point. */
    static PyObject character(PyRuntime rt, long v) {
        if (v > 0x10FFFF) throw rt.error(PyExc.VALUE_ERROR, String.format("character U+%x is not in range [U+0000; U+10ffff]", v));
        return rt.newStr(new String(Character.toChars((int) v)));
    }

    /** The C value {@code v} becomes under {@code code}, checked as that code's setitem checks it. */
    static long convert(PyRuntime rt, char code, PyObject v) {
        if (code == 'u') {
            // u_setitem: a str of exactly one wchar_t (one code point, 4-byte wchar_t).
            if (!(v instanceof dev.refgrade.runtime.objects.PyStr s) || s.value.isEmpty() || s.value.codePointCount(0, s.value.length()) != 1) {
                throw rt.typeError("array item must be unicode character");
            }
            return s.value.codePointAt(0);
        }
        BigInteger x = index(rt, v);
        return switch (code) {
            // b_setitem parses a short ("h") first, then checks the char's range.
            case 'b' -> range(rt, range(rt, cLong(rt, x), Short.MIN_VALUE, Short.MAX_VALUE, "signed short integer"), -128, 127, "signed char");
            case 'B' -> range(rt, cLong(rt, x), 0, 255, "unsigned byte integer");
            case 'h' -> range(rt, cLong(rt, x), Short.MIN_VALUE, Short.MAX_VALUE, "signed short integer");
            case 'H' -> range(rt, range(rt, cLong(rt, x), Integer.MIN_VALUE, Integer.MAX_VALUE, "signed integer"), 0, 65535, "unsigned short");
            case 'i' -> range(rt, cLong(rt, x), Integer.MIN_VALUE, Integer.MAX_VALUE, "signed integer");
            case 'I' -> {
                long u = unsignedLong(rt, x, "can't convert negative value to unsigned int", "Python int too large to convert to C unsigned long");
                if (Long.compareUnsigned(u, 0xFFFFFFFFL) > 0) throw rt.error(PyExc.OVERFLOW_ERROR, "unsigned int is greater than maximum");
                yield u;
            }
            case 'l' -> cLong(rt, x);
            case 'L' -> unsignedLong(rt, x, "can't convert negative value to unsigned int", "Python int too large to convert to C unsigned long");
            case 'q' -> {
                if (x.compareTo(LONG_MIN) < 0 || x.compareTo(LONG_MAX) > 0) throw rt.error(PyExc.OVERFLOW_ERROR, "int too big to convert");
                yield x.longValue();
            }
            case 'Q' -> unsignedLong(rt, x, "can't convert negative int to unsigned", "int too big to convert");
            default -> throw new IllegalStateException("type code " + code);
        };
    }

    /** The integer formats take an int or an object with __index__ (refused here), never a float. */
    private static BigInteger index(PyRuntime rt, PyObject v) {
        if (v instanceof PyInt i) return i.bigValue();
        if (v instanceof PyInstance) {
            throw new Unsupported("an array item given as an instance (its __index__)", rt.interp.currentFrame() == null ? 0 : rt.interp.currentFrame().line);
        }
        throw rt.typeError("'" + v.type().name + "' object cannot be interpreted as an integer");
    }

    private static long cLong(PyRuntime rt, BigInteger x) {
        if (x.compareTo(LONG_MIN) < 0 || x.compareTo(LONG_MAX) > 0) throw rt.error(PyExc.OVERFLOW_ERROR, "Python int too large to convert to C long");
        return x.longValue();
    }

    private static long range(PyRuntime rt, long x, long min, long max, String what) {
        if (x < min) throw rt.error(PyExc.OVERFLOW_ERROR, what + " is less than minimum");
        if (x > max) throw rt.error(PyExc.OVERFLOW_ERROR, what + " is greater than maximum");
        return x;
    }

    private static long unsignedLong(PyRuntime rt, BigInteger x, String negative, String tooBig) {
        if (x.signum() < 0) throw rt.error(PyExc.OVERFLOW_ERROR, negative);
        if (x.compareTo(ULONG_MAX) > 0) throw rt.error(PyExc.OVERFLOW_ERROR, tooBig);
        return x.longValue();
    }

    /** array_subscr's index: an int counted from the end when negative (a slice is {@link ArraySlices}'). */
    public static int index(PyRuntime rt, PyArray a, PyObject key, String outOfRange) {
        if (!(key instanceof PyInt)) {
            if (key instanceof PyInstance) {
                throw new Unsupported("an array index given as an instance (its __index__)", rt.interp.currentFrame() == null ? 0 : rt.interp.currentFrame().line);
            }
            throw rt.typeError("array indices must be integers");
        }
        long i = Arith.toIndex(rt, key);
        if (i < 0) i += a.size;
        if (i < 0 || i >= a.size) throw rt.error(PyExc.INDEX_ERROR, outOfRange);
        return (int) i;
    }

    /** array_del_slice of one item: the items after it move down, then array_resize. */
    public static void delete(PyArray a, int i) {
        a.shift(i + 1, -1);
        a.resize(a.size - 1);
    }

    /** array_contains: whether some item == {@code item}. */
    public static boolean contains(PyRuntime rt, PyArray a, PyObject item) {
        return indexOf(rt, a, item, 0, a.size) >= 0;
    }

    /** The first index in [start, stop) whose item == {@code v} (the array's size read each time, as CPython does), or -1. */
    static int indexOf(PyRuntime rt, PyArray a, PyObject v, int start, int stop) {
        for (int i = start; i < stop && i < a.size; i++) if (equalAt(rt, a, i, v)) return i;
        return -1;
    }

    /** Item i == v, through a new item object, as array_contains, index, count and remove compare. */
    static boolean equalAt(PyRuntime rt, PyArray a, int i, PyObject v) {
        PyObject item = get(rt, a, i);
        try {
            return rt.ops.eq(item, v);
        } finally {
            rt.heap.decref(item);
        }
    }

    /**
     * array_richcompare as Compare wants it (a sign; for == and != 0 or 1): arrays of different
     * lengths differ; arrays of one integer code compare their C values without making objects
     * (compareitems); otherwise item objects are made a pair at a time until a pair differs.
     */
    public static Integer compare(PyRuntime rt, PyArray x, PyArray y, CmpOp op) {
        boolean eqOnly = op == CmpOp.EQ || op == CmpOp.NE;
        if (x.size != y.size && eqOnly) return 1;
        int common = Math.min(x.size, y.size);
        if (x.typecode == y.typecode && !x.real()) {
            boolean unsigned = x.typecode == 'L' || x.typecode == 'Q';
            for (int i = 0; i < common; i++) {
                int c = unsigned ? Long.compareUnsigned(x.intAt(i), y.intAt(i)) : Long.compare(x.intAt(i), y.intAt(i));
                if (c != 0) return eqOnly ? 1 : Integer.signum(c);
            }
            return Integer.compare(x.size, y.size);
        }
        for (int i = 0; i < common; i++) {
            PyObject v = get(rt, x, i), w = get(rt, y, i);
            try {
                if (!rt.ops.eq(v, w)) {
                    if (eqOnly) return 1;
                    // PyObject_RichCompare of the first differing pair: a 'u' item against a number is a TypeError.
                    return Arith.isNumber(v) && Arith.isNumber(w) ? Arith.compare(v, w) : rt.ops.compareBool(v, w, CmpOp.LT) ? -1 : 1;
                }
            } finally {
                rt.heap.decref(v);
                rt.heap.decref(w);
            }
        }
        return Integer.compare(x.size, y.size);
    }
}
