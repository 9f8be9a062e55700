package dev.refgrade.runtime.protocol;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyArray;
import dev.refgrade.runtime.objects.PyByteArray;
import dev.refgrade.runtime.objects.PyBytes;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyFloat;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyMappingProxy;
import dev.refgrade.runtime.objects.PyMemoryView;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyRange;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * str % args as PyUnicode_Format does it: %[(key)][flags][width][.precision][length]conversion,
 * with * widths, a mapping for (key) fields, and CPython's TypeErrors and ValueErrors.
 */
final class PercentFormat {
    private final PyRuntime rt;
    private final String f;
    private final PyObject[] values;
    private final PyObject mapping;
    private int next;

    private PercentFormat(PyRuntime rt, String f, PyObject args) {
        this.rt = rt;
        this.f = f;
        this.values = args instanceof PyTuple t ? t.items : new PyObject[] {args};
        // PyMapping_Check(args) && !PyTuple_Check(args) && !PyUnicode_Check(args)
        // (a type with mp_subscript: a list or bytes is taken as a mapping too, so "x" % [] is "x").
        boolean subscriptable = args instanceof PyDict || args instanceof PyList || args instanceof PyBytes || args instanceof PyByteArray
                || args instanceof PyRange || args instanceof PyArray || args instanceof PyMemoryView || args instanceof PyMappingProxy
                || args instanceof PyInstance inst && inst.cls.lookup(rt, "__getitem__") != null;
        this.mapping = subscriptable ? args : null;
    }

    static PyObject format(PyRuntime rt, PyStr fmt, PyObject args) {
        try (StrWriter w = new StrWriter(rt)) {
            new PercentFormat(rt, fmt.value, args).render(fmt, args, w);
            return w.finish();
        }
    }

    /**
     * PyUnicode_Format's loop. Its writer over-allocates until the last piece of output: literal
     * text that runs to the end, or a conversion whose character ends the format.
     */
    private void render(PyStr fmt, PyObject args, StrWriter w) {
        w.overallocate = true;
        int n = f.length();
        for (int i = 0; i < n; i++) {
            if (f.charAt(i) != '%') {
                int start = i;
                while (i < n && f.charAt(i) != '%') i++;
                if (i == n) w.overallocate = false;
                w.write(fmt, start, i--);
                continue;
            }
            int start = i;
            if (++i >= n) throw rt.error(PyExc.VALUE_ERROR, "incomplete format");
            PyObject keyed = null;
            if (f.charAt(i) == '(') {
                if (mapping == null) throw rt.typeError("format requires a mapping");
                int depth = 1, k = ++i;
                while (i < n && depth > 0) {
                    if (f.charAt(i) == '(') depth++;
                    else if (f.charAt(i) == ')') depth--;
                    i++;
                }
                if (depth > 0) throw rt.error(PyExc.VALUE_ERROR, "incomplete format key");
                PyObject key = rt.newStr(f.substring(k, i - 1));
                try {
                    keyed = rt.ops.getItem(mapping, key);
                } finally {
                    rt.heap.decref(key);
                }
            }
            try {
                i = conversion(w, i, start, keyed);
            } finally {
                if (keyed != null) rt.heap.decref(keyed);
            }
        }
        if (next < values.length && mapping == null && (args instanceof PyTuple || next == 0)) {
            throw rt.typeError("not all arguments converted during string formatting");
        }
    }

    private PyObject nextArg() {
        if (next >= values.length) throw rt.typeError("not enough arguments for format string");
        return values[next++];
    }

    /** One conversion from index i (after '%' and any key); returns the index of its last character. */
    private int conversion(StrWriter w, int i, int start, PyObject keyed) {
        int n = f.length();
        boolean left = false, zero = false, alt = false;
        char sign = 0;
        for (; i < n; i++) {
            char c = f.charAt(i);
            if (c == '-') left = true;
            else if (c == '+') sign = '+';
            else if (c == ' ') sign = sign == '+' ? '+' : ' ';
            else if (c == '#') alt = true;
            else if (c == '0') zero = true;
            else break;
        }
        int width = -1, precision = -1;
        if (i < n && f.charAt(i) == '*') {
            width = star();
            if (width < 0) {
                left = true;
                width = -width;
            }
            i++;
        } else {
            int s = i;
            while (i < n && Character.isDigit(f.charAt(i))) i++;
            if (i > s) width = Integer.parseInt(f.substring(s, i));
        }
        if (i < n && f.charAt(i) == '.') {
            i++;
            if (i < n && f.charAt(i) == '*') {
                precision = Math.max(0, star());
                i++;
            } else {
                int s = i;
                while (i < n && Character.isDigit(f.charAt(i))) i++;
                precision = i > s ? Integer.parseInt(f.substring(s, i)) : 0;
            }
        }
        while (i < n && "hlL".indexOf(f.charAt(i)) >= 0) i++;
        if (i >= n) throw rt.error(PyExc.VALUE_ERROR, "incomplete format");
        char conv = f.charAt(i);
        if (i == n - 1) w.overallocate = false;
        if (width >= 0) rt.checkStringLength(width);
        if (precision >= 0) rt.checkStringLength(precision);
        if (conv == '%') {
            w.write("%");
            return i;
        }
        PyObject v = keyed != null ? keyed : nextArg();
        String sign0 = "", body;
        boolean numeric = true;
        switch (conv) {
            case 's', 'r', 'a' -> {
                numeric = false;
                PyObject text = conv == 's' ? Repr.strObject(rt, v) : conv == 'r' ? Repr.reprObject(rt, v)
                        : rt.newStr(Repr.ascii(Repr.repr(rt, v)));
                try {
                    // unicode_format_arg_output's fast path writes the str itself.
                    int len = ((PyStr) text).length();
                    if (width <= len && (precision == -1 || precision >= len) && sign == 0) {
                        w.write((PyStr) text);
                        return i;
                    }
                    body = ((PyStr) text).value;
                } finally {
                    rt.heap.decref(text);
                }
                if (precision >= 0 && body.codePointCount(0, body.length()) > precision) {
                    body = body.substring(0, body.offsetByCodePoints(0, precision));
                }
            }
            case 'c' -> {
                numeric = false;
                if (v instanceof PyStr s && s.value.codePointCount(0, s.value.length()) == 1) body = s.value;
                else {
                    BigInteger x = v instanceof PyInt iv ? iv.bigValue() : codePoint(v);
                    if (x.signum() < 0 || x.bitLength() > 21 || x.intValue() > Character.MAX_CODE_POINT) {
                        throw rt.error(PyExc.OVERFLOW_ERROR, "%c arg not in range(0x110000)");
                    }
                    body = Character.toString(x.intValue());
                }
            }
            case 'd', 'i', 'u', 'x', 'X', 'o' -> {
                BigInteger x;
                if (v instanceof PyInt iv) x = iv.bigValue();
                else if (v instanceof PyInstance inst) x = integral(inst, conv);
                else if (v instanceof PyFloat fv && (conv == 'd' || conv == 'i' || conv == 'u')) {
                    if (Double.isNaN(fv.value) || Double.isInfinite(fv.value)) {
                        throw rt.error(Double.isNaN(fv.value) ? PyExc.VALUE_ERROR : PyExc.OVERFLOW_ERROR,
                                "cannot convert float " + (Double.isNaN(fv.value) ? "NaN" : "infinity") + " to integer");
                    }
                    x = new BigDecimal(fv.value).toBigInteger();
                } else if (conv == 'd' || conv == 'i' || conv == 'u') {
                    throw rt.typeError("%" + conv + " format: a real number is required, not " + v.type().name);
                } else {
                    throw rt.typeError("%" + conv + " format: an integer is required, not " + v.type().name);
                }
                String digits = switch (conv) {
                    case 'x' -> x.abs().toString(16);
                    case 'X' -> x.abs().toString(16).toUpperCase();
                    case 'o' -> x.abs().toString(8);
                    default -> IntDigits.decimal(rt, x.abs());
                };
                if (precision > digits.length()) digits = "0".repeat(precision - digits.length()) + digits;
                String prefix = alt && conv == 'x' ? "0x" : alt && conv == 'X' ? "0X" : alt && conv == 'o' ? "0o" : "";
                sign0 = (x.signum() < 0 ? "-" : sign == 0 ? "" : String.valueOf(sign)) + prefix;
                body = digits;
            }
            case 'e', 'E', 'f', 'F', 'g', 'G' -> {
                double d = real(v);
                boolean neg = d < 0 || d == 0 && 1 / d < 0;
                double a = Math.abs(d);
                int p = precision < 0 ? 6 : precision;
                if (Double.isNaN(d) || Double.isInfinite(d)) body = Double.isNaN(d) ? "nan" : "inf";
                else body = switch (Character.toLowerCase(conv)) {
                    case 'f' -> FormatSpec.fixed(a, p, alt);
                    case 'e' -> FormatSpec.scientific(a, p, alt);
                    default -> FormatSpec.general(a, Math.max(p, 1), alt, false);
                };
                if (Character.isUpperCase(conv)) body = body.toUpperCase();
                sign0 = neg && !Double.isNaN(d) ? "-" : sign == 0 ? "" : String.valueOf(sign);
            }
            default -> throw rt.error(PyExc.VALUE_ERROR, "unsupported format character '" + conv + "' (0x"
                    + Integer.toHexString(conv) + ") at index " + i);
        }
        int length = sign0.length() + body.codePointCount(0, body.length());
        if (width <= length) w.write(sign0 + body);
        else if (left) w.write(sign0 + body + " ".repeat(width - length));
        else if (zero && numeric) w.write(sign0 + "0".repeat(width - length) + body);
        else w.write(" ".repeat(width - length) + sign0 + body);
        return i;
    }

    /**
     * mainformatlong's conversion of an instance: %x, %X and %o take its __index__, the others
     * PyNumber_Long (its __int__, else __index__); a TypeError on the way is the format's own.
     */
    private BigInteger integral(PyInstance v, char conv) {
        boolean decimal = conv == 'd' || conv == 'i' || conv == 'u';
        // PyNumber_Check: a class with none of __index__, __int__, __float__ and __complex__ is the wrong type at once.
        boolean number = Arith.hasIndex(rt, v) || v.cls.lookup(rt, "__int__") != null || v.cls.lookup(rt, "__float__") != null
                || v.cls.lookup(rt, "__complex__") != null;
        PyInt i = null;
        try {
            if (number) i = decimal ? Arith.numberLong(rt, v) : Arith.indexObject(rt, v);
        } catch (PyException e) {
            if (!e.matches(PyExc.TYPE_ERROR)) throw e;
            e.discard(rt.heap);
        }
        if (i == null) {
            throw rt.typeError("%" + conv + " format: " + (decimal ? "a real number" : "an integer") + " is required, not " + v.type().name);
        }
        try {
            return i.bigValue();
        } finally {
            rt.heap.decref(i);
        }
    }

    /** formatchar's _PyNumber_Index of what is neither an int nor one character: whatever goes wrong there is the format's TypeError. */
    private BigInteger codePoint(PyObject v) {
        PyInt i = null;
        if (!(v instanceof PyStr)) {
            try {
                i = Arith.indexObject(rt, v);
            } catch (PyException e) {
                e.discard(rt.heap);
            }
        }
        if (i == null && !rt.rules.percentCWording) throw rt.typeError("%c requires int or char");
        if (i == null) {
            throw rt.typeError("%c requires an int or a unicode character, not " + (v instanceof PyStr s
                    ? "a string of length " + s.value.codePointCount(0, s.value.length()) : v.type().name));
        }
        try {
            return i.bigValue();
        } finally {
            rt.heap.decref(i);
        }
    }

    /** PyFloat_AsDouble: a float's or an int's value, or an instance's __float__ (else __index__). */
    private double real(PyObject v) {
        if (v instanceof PyInt || v instanceof PyFloat) return Arith.toDouble(rt, v);
        PyFloat f = v instanceof PyInstance inst ? Arith.floatObject(rt, inst) : null;
        if (f == null) throw rt.typeError("must be real number, not " + v.type().name);
        try {
            return f.value;
        } finally {
            rt.heap.decref(f);
        }
    }

    /** A '*' width or precision: the next argument, which must be an int. */
    private int star() {
        PyObject v = nextArg();
        if (!(v instanceof PyInt iv)) throw rt.typeError("* wants int");
        return (int) Arith.toLong(rt, iv);
    }
}
