package dev.refgrade.runtime.protocol;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyComplex;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyFloat;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Number formatting as CPython does it: float repr, format() specs, and % formatting. */
public final class Format {
    private Format() {}

    /**
     * repr(float): the shortest digits that round-trip (Java's Double.toString gives them since
     * JDK 19), in positional notation for exponents -4..15 and scientific otherwise, as
     * PyOS_double_to_string(x, 'r', 0, Py_DTSF_ADD_DOT_0) does.
     */
    public static String floatRepr(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return (1 / v < 0) ? "-0.0" : "0.0";
        BigDecimal d = new BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros();
        // Java always writes a digit after the point, so where one digit in all would do (5e-324)
        // it gives the closest two; repr wants the shortest.
        if (d.precision() == 2) {
            BigDecimal one = d.round(new java.math.MathContext(1, RoundingMode.HALF_EVEN));
            if (one.doubleValue() == Math.abs(v)) d = one.stripTrailingZeros();
        }
        String digits = d.unscaledValue().toString();
        int exp = digits.length() - 1 - d.scale(); // decimal exponent of the first digit
        String sign = v < 0 ? "-" : "";
        if (exp < -4 || exp >= 16) {
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        if (exp < 0) return sign + "0." + "0".repeat(-exp - 1) + digits;
        if (digits.length() <= exp + 1) return sign + digits + "0".repeat(exp + 1 - digits.length()) + ".0";
        return sign + digits.substring(0, exp + 1) + "." + digits.substring(exp + 1);
    }

    /**
     * PyObject_Format(value, spec) as an object, a new reference: str's own __format__ keeps an exact
     * str whole when the spec neither pads nor cuts it, and a class's __format__ gives the very str
     * it returned.
     */
    public static PyObject object(PyRuntime rt, PyObject value, String spec) {
        if (value.type() == PyType.STR) {
            try (StrWriter w = new StrWriter(rt)) { // unicode___format__
                strInto(rt, w, (PyStr) value, spec);
                return w.finish();
            }
        }
        PyObject own = ownFormat(rt, value, spec);
        if (own != null) return own;
        if (spec.isEmpty()) return Repr.strObject(rt, value); // object.__format__, and int's fast path: PyObject_Str
        return rt.newStr(format(rt, value, spec));
    }

    /**
     * _PyUnicode_FormatAdvancedWriter for an exact str: an empty spec writes it whole, and so does
     * format_string_internal's fast path when the width is no wider and the precision no shorter.
     */
    public static void strInto(PyRuntime rt, StrWriter w, PyStr s, String spec) {
        if (spec.isEmpty()) {
            w.write(s);
            return;
        }
        FormatSpec f = FormatSpec.parse(rt, spec, '<', "str");
        String text = f.formatStr(rt, s.value);
        int len = s.length();
        if (f.width() <= len && (f.precision() == -1 || f.precision() >= len)) w.write(s);
        else w.write(text);
    }

    /** What a class's own __format__ returned, checked to be a str; null when it has none. */
    private static PyObject ownFormat(PyRuntime rt, PyObject value, String spec) {
        if (!(value instanceof PyInstance inst) || inst.cls.lookup(rt, "__format__") == null) return null;
        PyObject specStr = rt.newStr(spec);
        PyObject r;
        try {
            r = rt.ops.callSpecial(inst, "__format__", specStr);
        } finally {
            rt.heap.decref(specStr);
        }
        if (!(r instanceof PyStr)) {
            rt.heap.decref(r);
            throw rt.typeError("__format__ must return a str, not " + r.type().name);
        }
        return r;
    }

    /** PyObject_Format's text: a class's __format__, else the builtin type's (object's accepts only ""). */
    public static String format(PyRuntime rt, PyObject value, String spec) {
        PyObject own = ownFormat(rt, value, spec);
        if (own != null) {
            String text = ((PyStr) own).value;
            rt.heap.decref(own);
            return text;
        }
        if (spec.isEmpty()) return Repr.str(rt, value);
        String typeName = value.type().name;
        return switch (value) {
            case PyFloat f -> FormatSpec.parse(rt, spec, '>', typeName).formatFloat(rt, f.value, typeName);
            case PyComplex c -> ComplexFormat.format(rt, c, spec);
            case PyInt i -> FormatSpec.parse(rt, spec, '>', typeName).formatInt(rt, i.bigValue(), typeName);
            case PyStr s -> FormatSpec.parse(rt, spec, '<', typeName).formatStr(rt, s.value);
            default -> throw rt.typeError("unsupported format string passed to " + typeName + ".__format__");
        };
    }

    /** A str's own formatting (a conversion's result, then its spec). */
    public static String formatText(PyRuntime rt, String text, String spec) {
        return spec.isEmpty() ? text : FormatSpec.parse(rt, spec, '<', "str").formatStr(rt, text);
    }
}
