package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.BuiltinGetter;
import dev.refgrade.runtime.objects.PyBool;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyFloat;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyType;
import java.math.BigDecimal;
import java.math.BigInteger;

/** int's and float's methods and attributes (Objects/longobject.c, floatobject.c). */
final class NumberMethods {
    private NumberMethods() {}

    static void install(Registry reg) {
        PyType I = PyType.INT, F = PyType.FLOAT;
        // long_long: an exact int is itself; a bool gives the plain int of its value.
        I.install("real", new BuiltinGetter((rt, self) -> asInt(rt, (PyInt) self)));
        I.install("numerator", new BuiltinGetter((rt, self) -> asInt(rt, (PyInt) self)));
        I.install("imag", new BuiltinGetter((rt, self) -> rt.newInt(0)));
        I.install("denominator", new BuiltinGetter((rt, self) -> rt.newInt(1)));
        reg.method(I, "conjugate", "", (PyRuntime rt, PyInt self, Args a) -> asInt(rt, self));
        reg.method(I, "bit_length", "", (PyRuntime rt, PyInt self, Args a) -> rt.newInt(self.bigValue().abs().bitLength()));
        reg.method(I, "bit_count", "", (PyRuntime rt, PyInt self, Args a) -> rt.newInt(self.bigValue().abs().bitCount()));
        reg.method(I, "as_integer_ratio", "", (PyRuntime rt, PyInt self, Args a) -> rt.newTuple(asInt(rt, self), rt.newInt(1)));
        // float_float: an exact float is itself.
        F.install("real", new BuiltinGetter((rt, self) -> rt.heap.newRef(self)));
        F.install("imag", new BuiltinGetter((rt, self) -> rt.newFloat(0.0)));
        reg.method(F, "conjugate", "", (PyRuntime rt, PyFloat self, Args a) -> rt.heap.newRef(self));
        reg.method(F, "is_integer", "", (PyRuntime rt, PyFloat self, Args a) ->
                PyRuntime.bool(!Double.isInfinite(self.value) && self.value == Math.floor(self.value)));
        reg.method(F, "as_integer_ratio", "", NumberMethods::ratio);
        reg.method(F, "hex", "", (PyRuntime rt, PyFloat self, Args a) -> rt.newStr(hex(self.value)));
    }

    private static PyObject asInt(PyRuntime rt, PyInt i) {
        return i instanceof PyBool b ? rt.newInt(b.small) : rt.heap.newRef(i);
    }

    /** float.as_integer_ratio: the exact value as a fraction in lowest terms, positive denominator. */
    static PyObject ratio(PyRuntime rt, PyFloat self, Args a) {
        double v = self.value;
        if (Double.isInfinite(v)) throw rt.error(PyExc.OVERFLOW_ERROR, "cannot convert Infinity to integer ratio");
        if (Double.isNaN(v)) throw rt.error(PyExc.VALUE_ERROR, "cannot convert NaN to integer ratio");
        BigDecimal d = new BigDecimal(v);
        BigInteger num, den;
        if (d.scale() <= 0) {
            num = d.toBigIntegerExact();
            den = BigInteger.ONE;
        } else {
            num = d.unscaledValue();
            den = BigInteger.TEN.pow(d.scale());
            BigInteger g = num.gcd(den);
            num = num.divide(g);
            den = den.divide(g);
        }
        return rt.newTuple(rt.newInt(num), rt.newInt(den));
    }

    /** float.hex: [-]0x1.<13 hex digits>p<exp>, 0x0.0p+0 for zero, subnormals as 0x0.<digits>p-1022. */
    static String hex(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        String sign = (v < 0 || v == 0 && 1 / v < 0) ? "-" : "";
        double a = Math.abs(v);
        if (a == 0) return sign + "0x0.0p+0";
        long bits = Double.doubleToRawLongBits(a);
        int exp = (int) (bits >>> 52);
        long mant = bits & ((1L << 52) - 1);
        String digits = String.format("%013x", mant);
        if (exp == 0) return sign + "0x0." + digits + "p-1022";
        int e = exp - 1023;
        return sign + "0x1." + digits + "p" + (e >= 0 ? "+" : "") + e;
    }
}
