package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.PythonVersion;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyByteArray;
import dev.refgrade.runtime.objects.PyBytes;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;
import dev.refgrade.runtime.protocol.Arith;
import dev.refgrade.runtime.protocol.BytesOps;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * The methods of bytes and bytearray that lay their bytes out anew (stringlib/transmogrify.h and
 * bytesobject.c): fromhex, center, ljust, rjust, zfill, expandtabs. An exact bytes that needs no
 * padding is returned itself (return_self); a bytearray always gives a new one.
 */
final class BytesShape {
    private BytesShape() {}

    static void install(Registry reg) {
        for (PyType t : List.of(PyType.BYTES, PyType.BYTEARRAY)) {
            reg.classMethod(t, "fromhex", Signature.parse("string, /").as(Signature.Convention.O), BytesShape::fromHex);
            reg.method(t, "ljust", "width, fillchar=b' ', /", (PyRuntime rt, PyObject self, Args a) -> justify(rt, self, a, "ljust"));
            reg.method(t, "rjust", "width, fillchar=b' ', /", (PyRuntime rt, PyObject self, Args a) -> justify(rt, self, a, "rjust"));
            reg.method(t, "center", "width, fillchar=b' ', /", (PyRuntime rt, PyObject self, Args a) -> justify(rt, self, a, "center"));
            reg.method(t, "zfill", "width, /", BytesShape::zfill);
            reg.method(t, "expandtabs", "tabsize=8", BytesShape::expandTabs);
        }
    }

    /**
     * _PyBytes_FromHex: pairs of hex digits, whitespace skipped only between pairs; the position
     * named is the first non-ASCII character, or the bad digit's (the string's length when a pair
     * is cut short). A class other than bytes or bytearray is called with the result.
     */
    private static PyObject fromHex(PyRuntime rt, PyType cls, Args a) {
        PyObject arg = a.get("string");
        if (!(arg instanceof PyStr str)) {
            // 3.14 also takes ASCII bytes-like objects, which is not modelled.
            if (rt.rules.version.atLeast(PythonVersion.V3_14)) throw a.unsupported("fromhex() of a bytes-like object on 3.14");
            throw rt.typeError("fromhex() argument must be str, not " + arg.type().name);
        }
        int[] cps = str.value.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) if (cps[i] >= 128) throw badHex(rt, i);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < cps.length) {
            if (BytesSplit.space(cps[i])) {
                while (i < cps.length && BytesSplit.space(cps[i])) i++;
                if (i >= cps.length) break;
            }
            int top = Character.digit(cps[i], 16);
            if (top < 0) throw badHex(rt, i);
            i++;
            if (i == cps.length && rt.rules.version.atLeast(PythonVersion.V3_14)) {
                // 3.14 words a pair cut short by the string's end apart from a bad digit.
                throw rt.error(PyExc.VALUE_ERROR, "fromhex() arg must contain an even number of hexadecimal digits");
            }
            int bot = i < cps.length ? Character.digit(cps[i], 16) : -1;
            if (bot < 0) throw badHex(rt, i);
            i++;
            out.write(top << 4 | bot);
        }
        byte[] data = out.toByteArray();
        PyObject r = cls == PyType.BYTEARRAY || cls.isSubtypeOf(PyType.BYTEARRAY)
                ? rt.heap.alloc(new PyByteArray(data)) : rt.newBytes(data);
        if (cls == PyType.BYTES || cls == PyType.BYTEARRAY) return r;
        try {
            return rt.ops.call(cls, r);
        } finally {
            rt.heap.decref(r);
        }
    }

    private static RuntimeException badHex(PyRuntime rt, int position) {
        return rt.error(PyExc.VALUE_ERROR, "non-hexadecimal number found in fromhex() arg at position " + position);
    }

    /** Clinic's char converter: a bytes or bytearray of length 1. */
    private static byte fillChar(PyRuntime rt, Args a, String method) {
        PyObject f = a.get("fillchar");
        if (f == null) return ' ';
        boolean byteString = f instanceof PyBytes || f instanceof PyByteArray;
        if (byteString && BytesOps.contents(f).length == 1) return BytesOps.contents(f)[0];
        if (byteString && rt.rules.version.atLeast(PythonVersion.V3_14)) {
            // 3.14's char converter names a byte string's wrong length.
            throw rt.typeError(method + "(): argument 2 must be a byte string of length 1, not a " + f.type().name
                    + " object of length " + BytesOps.contents(f).length);
        }
        throw rt.typeError(method + "() argument 2 must be a byte string of length 1, not " + (f == PyRuntime.NONE ? "None" : f.type().name));
    }

    /** stringlib's ljust, rjust and center: width (Py_ssize_t) then fillchar converted, then pad(). */
    private static PyObject justify(PyRuntime rt, PyObject self, Args a, String method) {
        long width = a.index("width");
        byte fill = fillChar(rt, a, method);
        byte[] data = BytesOps.contents(self);
        if (data.length >= width) return BytesOps.same(rt, self, data.clone());
        long marg = width - data.length;
        long left = switch (method) {
            case "ljust" -> 0;
            case "rjust" -> marg;
            default -> marg / 2 + (marg & width & 1); // center's odd margin goes left when width is odd
        };
        return pad(rt, self, data, left, marg - left, fill);
    }

    private static PyObject pad(PyRuntime rt, PyObject self, byte[] data, long left, long right, byte fill) {
        rt.checkStringLength(data.length + left + right);
        byte[] out = new byte[(int) (data.length + left + right)];
        Arrays.fill(out, fill);
        System.arraycopy(data, 0, out, (int) left, data.length);
        return BytesOps.make(rt, self, out);
    }

    /** stringlib_zfill: zeros on the left, a leading sign moved in front of them. */
    private static PyObject zfill(PyRuntime rt, PyObject self, Args a) {
        long width = a.index("width");
        byte[] data = BytesOps.contents(self);
        if (data.length >= width) return BytesOps.same(rt, self, data.clone());
        int fill = (int) (width - data.length);
        rt.checkStringLength(width);
        byte[] out = new byte[(int) width];
        Arrays.fill(out, 0, fill, (byte) '0');
        System.arraycopy(data, 0, out, fill, data.length);
        if (data.length > 0 && (out[fill] == '+' || out[fill] == '-')) {
            out[0] = out[fill];
            out[fill] = '0';
        }
        return BytesOps.make(rt, self, out);
    }

    /** Clinic's int converter (_PyLong_AsInt): an int in the C int range. */
    static int cInt(PyRuntime rt, PyObject v) {
        long n = v instanceof PyInt i && !i.fitsLong() ? Long.MAX_VALUE : Arith.toLong(rt, v);
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) throw rt.error(PyExc.OVERFLOW_ERROR, "Python int too large to convert to C int");
        return (int) n;
    }

    /**
     * stringlib_expandtabs: a tab becomes spaces to the next multiple of tabsize counted from the
     * last \n or \r (and vanishes when tabsize is not positive); always a new object.
     */
    private static PyObject expandTabs(PyRuntime rt, PyObject self, Args a) {
        PyObject t = a.get("tabsize");
        int tabsize = t == null ? 8 : cInt(rt, t);
        byte[] data = BytesOps.contents(self);
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
        long column = 0;
        for (byte b : data) {
            if (b == '\t') {
                if (tabsize > 0) {
                    long incr = tabsize - column % tabsize;
                    column += incr;
                    rt.checkStringLength(out.size() + incr);
                    rt.charge(incr);
                    for (long k = 0; k < incr; k++) out.write(' ');
                }
            } else {
                column++;
                if (b == '\n' || b == '\r') column = 0;
                out.write(b);
            }
        }
        return BytesOps.make(rt, self, out.toByteArray());
    }
}
