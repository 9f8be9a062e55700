package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.PythonVersion;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;
import java.math.BigInteger;

/** int.to_bytes and int.from_bytes (Objects/longobject.c, 3.11: length and byteorder became optional). */
final class IntBytes {
    private IntBytes() {}

    static void install(Registry reg) {
        reg.method(PyType.INT, "to_bytes", "length=1, byteorder='big', *, signed=False", IntBytes::toBytes);
        reg.classMethod(PyType.INT, "from_bytes", Signature.parse("bytes, byteorder='big', *, signed=False"), IntBytes::fromBytes);
    }

    /**
     * int_to_bytes_impl: Clinic converts length (the "n" converter), byteorder (must be a str) and
     * signed (its truth) in that order; then the byteorder's value is checked, then length's sign,
     * then _PyLong_AsByteArray refuses a negative unsigned int before one too big for length bytes.
     */
    private static PyObject toBytes(PyRuntime rt, PyInt self, Args a) {
        long length = a.index("length");
        Layout layout = layout(rt, a, "to_bytes");
        if (length < 0) throw rt.error(PyExc.VALUE_ERROR, "length argument must be non-negative");
        rt.checkStringLength(length);
        BigInteger v = self.bigValue();
        if (v.signum() < 0 && !layout.signed()) throw rt.error(PyExc.OVERFLOW_ERROR, "can't convert negative int to unsigned");
        // The two's-complement bits of v; a signed value also needs a sign bit, except that 0 (and
        // before 3.14 also -1) stores no bytes at all, and so fits in zero: 3.11's
        // _PyLong_AsByteArray checks the sign bit only of a byte it wrote; 3.14's needs one for -1.
        boolean noBytes = v.signum() == 0 || v.bitLength() == 0 && !rt.rules.version.atLeast(PythonVersion.V3_14);
        int bits = v.bitLength() + (layout.signed() && !noBytes ? 1 : 0);
        if (bits > 8 * length) throw rt.error(PyExc.OVERFLOW_ERROR, "int too big to convert");
        byte[] out = new byte[(int) length];
        // toByteArray is big-endian two's complement in the fewest bytes; the rest repeat the sign.
        byte[] minimal = v.toByteArray();
        byte fill = (byte) (v.signum() < 0 ? -1 : 0);
        for (int i = 0; i < length; i++) {
            byte b = i < minimal.length ? minimal[minimal.length - 1 - i] : fill;
            out[layout.little() ? i : (int) length - 1 - i] = b;
        }
        return rt.newBytes(out);
    }

    /**
     * int_from_bytes_impl: the byteorder is checked before the bytes are read (PyObject_Bytes: a bytes
     * itself, __bytes__, a buffer, or an iterable of ints that is not a str); a class other than int
     * is called with the int.
     */
    private static PyObject fromBytes(PyRuntime rt, PyType cls, Args a) {
        PyObject source = a.get("bytes");
        Layout layout = layout(rt, a, "from_bytes");
        byte[] data = BytesTypes.objectBytes(rt, source).clone();
        if (layout.little()) {
            for (int i = 0, j = data.length - 1; i < j; i++, j--) {
                byte t = data[i];
                data[i] = data[j];
                data[j] = t;
            }
        }
        BigInteger v = data.length == 0 ? BigInteger.ZERO : layout.signed() ? new BigInteger(data) : new BigInteger(1, data);
        PyObject n = rt.newInt(v);
        if (cls == PyType.INT) return n;
        try {
            return rt.ops.call(cls, n);
        } finally {
            rt.heap.decref(n);
        }
    }

    /** How the bytes are laid out: byteorder's and signed's values. */
    private record Layout(boolean little, boolean signed) {}

    /**
     * Clinic's str converter for byteorder, then signed's truth (PyObject_IsTrue), then the impl's
     * check of byteorder's value; 'big' when left out.
     */
    private static Layout layout(PyRuntime rt, Args a, String method) {
        PyObject order = a.get("byteorder");
        String s = order == null ? "big" : Codecs.text(rt, order, method, "byteorder");
        boolean signed = a.truth("signed");
        return switch (s) {
            case "little" -> new Layout(true, signed);
            case "big" -> new Layout(false, signed);
            default -> throw rt.error(PyExc.VALUE_ERROR, "byteorder must be either 'little' or 'big'");
        };
    }
}
