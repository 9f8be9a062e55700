package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyArray;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.protocol.BytesOps;

/**
 * array.array's methods that see its items as the machine stores them (Modules/arraymodule.c, 3.11,
 * on 64-bit little-endian Linux): tobytes, frombytes, byteswap, buffer_info, and fromlist and the
 * unicode methods, which only 'u' arrays (refused) accept.
 */
public final class ArrayBytes {
    private ArrayBytes() {}

    static void install(Registry reg, PyType t) {
        reg.method(t, "tobytes", "", (PyRuntime rt, PyArray a, Args x) -> rt.newBytes(toBytes(a, 0, a.size)));
        reg.method(t, "frombytes", "buffer, /", ArrayBytes::frombytes);
        reg.method(t, "fromlist", "list, /", ArrayBytes::fromlist);
        reg.method(t, "byteswap", "", (PyRuntime rt, PyArray a, Args x) -> {
            // array_array_byteswap_impl: each item's bytes reversed in place; one-byte items stay.
            byte[] b = toBytes(a, 0, a.size);
            int k = a.itemsize();
            for (int i = 0; i < b.length; i += k) {
                for (int lo = i, hi = i + k - 1; lo < hi; lo++, hi--) {
                    byte c = b[lo];
                    b[lo] = b[hi];
                    b[hi] = c;
                }
            }
            store(a, 0, b);
            return PyRuntime.NONE;
        });
        reg.method(t, "buffer_info", "", ArrayBytes::bufferInfo);
        reg.method(t, "tounicode", "", (PyRuntime rt, PyArray a, Args x) -> {
            if (a.typecode != 'u') throw rt.error(PyExc.VALUE_ERROR, "tounicode() may only be called on unicode type arrays");
            return rt.newStr(text(rt, a));
        });
        reg.method(t, "fromunicode", "ustr, /", (PyRuntime rt, PyArray a, Args x) -> {
            PyObject s = x.get("ustr");
            // Clinic's unicode converter checks the argument before the function looks at the type code.
            if (!(s instanceof PyStr str)) throw rt.typeError("fromunicode() argument must be str, not " + typeName(s));
            if (a.typecode != 'u') throw rt.error(PyExc.VALUE_ERROR, "fromunicode() may only be called on unicode type arrays");
            appendText(a, str.value);
            return PyRuntime.NONE;
        });
    }

    /** PyUnicode_FromWideChar of a 'u' array's items: each must be a code point. */
    public static String text(PyRuntime rt, PyArray a) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < a.size; i++) {
            long v = a.intAt(i);
            if (v > 0x10FFFF) ArrayItems.character(rt, v); // raises its ValueError
            b.appendCodePoint((int) v);
        }
        return b.toString();
    }

    /** array_array_fromunicode_impl: one resize for the str's code points (wchar_t), then copied in. */
    static void appendText(PyArray a, String s) {
        int[] cps = s.codePoints().toArray();
        if (cps.length == 0) return;
        int old = a.size;
        a.resize(old + cps.length);
        for (int i = 0; i < cps.length; i++) a.setInt(old + i, cps[i]);
    }

    /** _PyArg_BadArgument's name for a value: None is "None", anything else its type's name. */
    private static String typeName(PyObject o) {
        return o == PyRuntime.NONE ? "None" : o.type().name;
    }

    /**
     * array_array_frombytes_impl: a buffer of one-byte items ("a bytes-like object is required" for
     * an array of wider items), whose length is a whole number of items, appended after one resize.
     */
    private static PyObject frombytes(PyRuntime rt, PyArray a, Args x) {
        PyObject o = x.get("buffer");
        byte[] b;
        if (o instanceof PyArray src) {
            if (src.itemsize() != 1) throw rt.typeError("a bytes-like object is required");
            b = toBytes(src, 0, src.size);
        } else {
            b = BytesOps.required(rt, o);
        }
        appendBytes(rt, a, b);
        return PyRuntime.NONE;
    }

    /** The rest of array_array_frombytes_impl: whole items only, appended after one resize. */
    static void appendBytes(PyRuntime rt, PyArray a, byte[] b) {
        int k = a.itemsize();
        if (b.length % k != 0) throw rt.error(PyExc.VALUE_ERROR, "bytes length not a multiple of item size");
        if (b.length > 0) {
            int old = a.size;
            a.resize(old + b.length / k);
            store(a, old, b);
        }
    }

    /** array_array_fromlist: a list only; one resize, then each item set, and the old size back on a bad one. */
    private static PyObject fromlist(PyRuntime rt, PyArray a, Args x) {
        if (!(x.get("list") instanceof PyList list)) throw rt.typeError("arg must be list");
        int n = list.size, old = a.size;
        if (n == 0) return PyRuntime.NONE;
        a.resize(old + n);
        try {
            for (int i = 0; i < n; i++) {
                ArrayItems.set(rt, a, old + i, list.items[i]);
                if (list.size != n) throw rt.error(PyExc.RUNTIME_ERROR, "list changed size during iteration");
            }
        } catch (RuntimeException e) {
            a.resize(old);
            throw e;
        }
        return PyRuntime.NONE;
    }

    /**
     * buffer_info: (address of the item buffer, length). An array that never had items, or lost them
     * all, has no buffer (NULL, 0); any other buffer's address is not one the simulator models.
     */
    private static PyObject bufferInfo(PyRuntime rt, PyArray a, Args x) {
        PyInt address;
        if (a.allocated == 0) {
            address = rt.newInt(0);
        } else {
            address = rt.newInt(rt.address(a.addr) + a.allocSize());
            address.taint = PyInt.Taint.UNKNOWABLE;
        }
        return rt.newTuple(address, rt.newInt(a.size));
    }

    /** Items [from, to) as their C values' bytes, little-endian. */
    static byte[] toBytes(PyArray a, int from, int to) {
        int k = a.itemsize();
        byte[] out = new byte[(to - from) * k];
        for (int i = from; i < to; i++) {
            long bits = switch (a.typecode) {
                case 'f' -> Float.floatToRawIntBits((float) a.realAt(i));
                case 'd' -> Double.doubleToRawLongBits(a.realAt(i));
                default -> a.intAt(i);
            };
            for (int j = 0; j < k; j++) out[(i - from) * k + j] = (byte) (bits >>> (8 * j));
        }
        return out;
    }

    /** Stores little-endian C values from {@code b} into items from {@code at} on, as memcpy into ob_item does. */
    private static void store(PyArray a, int at, byte[] b) {
        int k = a.itemsize();
        for (int i = 0; i < b.length / k; i++) {
            long bits = 0;
            for (int j = 0; j < k; j++) bits |= (b[i * k + j] & 0xFFL) << (8 * j);
            switch (a.typecode) {
                case 'f' -> a.setReal(at + i, Float.intBitsToFloat((int) bits));
                case 'd' -> a.setReal(at + i, Double.longBitsToDouble(bits));
                // Signed codes keep their value sign-extended, unsigned ones zero-extended (as ArrayItems.convert stores them).
                case 'b', 'h', 'i' -> a.setInt(at + i, bits << (64 - 8 * k) >> (64 - 8 * k));
                default -> a.setInt(at + i, bits);
            }
        }
    }
}
