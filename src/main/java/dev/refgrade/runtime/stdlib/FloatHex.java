package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * float.fromhex: float_fromhex of Objects/floatobject.c, step by step over the string's UTF-8 bytes:
 * the same grammar, the same early outs for extreme exponents, and its own round-half-even.
 */
final class FloatHex {
    private FloatHex() {}

    private static final int DBL_MANT_DIG = 53, DBL_MIN_EXP = -1021, DBL_MAX_EXP = 1024;

    static void install(Registry reg) {
        reg.classMethod(PyType.FLOAT, "fromhex", Signature.parse("string, /").as(Signature.Convention.O),
                (rt, cls, a) -> {
                    PyObject r = rt.newFloat(parse(rt, a.get("string")));
                    if (cls == PyType.FLOAT) return r;
                    try {
                        return rt.ops.call(cls, r); // a subclass is called with the float
                    } finally {
                        rt.heap.decref(r);
                    }
                });
    }

    /** The string's bytes with a NUL after them, as the C code reads them. */
    private static byte[] text(PyRuntime rt, PyObject o) {
        // PyUnicode_AsUTF8AndSize of anything but a str: PyErr_BadArgument.
        if (!(o instanceof PyStr s)) throw rt.typeError("bad argument type for built-in operation");
        // A lone surrogate cannot be encoded (UnicodeEncodeError), which is not modelled here.
        if (s.value.codePoints().anyMatch(c -> c >= 0xd800 && c <= 0xdfff)) {
            throw new dev.refgrade.runtime.Unsupported("float.fromhex() of a str holding a lone surrogate", 0);
        }
        byte[] utf8 = s.value.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[utf8.length + 1];
        System.arraycopy(utf8, 0, out, 0, utf8.length);
        return out;
    }

    private static boolean space(byte c) {
        return c == ' ' || c >= '\t' && c <= '\r'; // Py_ISSPACE
    }

    private static int hexDigit(byte c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    static double parse(PyRuntime rt, PyObject string) {
        byte[] s = text(rt, string);
        int end = s.length - 1, p = 0;
        while (space(s[p])) p++;
        double x;
        boolean negate = false;
        int special = infOrNan(s, p);
        if (special != p) {
            x = specialValue(s, p);
            p = special;
        } else {
            if (s[p] == '-') {
                p++;
                negate = true;
            } else if (s[p] == '+') p++;
            if (s[p] == '0' && (s[p + 1] == 'x' || s[p + 1] == 'X')) p += 2;
            int coeffStart = p;
            while (hexDigit(s[p]) >= 0) p++;
            int point = p, coeffEnd;
            if (s[p] == '.') {
                p++;
                while (hexDigit(s[p]) >= 0) p++;
                coeffEnd = p - 1;
            } else coeffEnd = p;
            long ndigits = coeffEnd - coeffStart, fdigits = coeffEnd - point;
            if (ndigits == 0) throw parseError(rt);
            long exp = 0;
            if (s[p] == 'p' || s[p] == 'P') {
                p++;
                int expStart = p;
                if (s[p] == '-' || s[p] == '+') p++;
                if (!(s[p] >= '0' && s[p] <= '9')) throw parseError(rt);
                while (s[p] >= '0' && s[p] <= '9') p++;
                exp = strtol(new String(s, expStart, p - expStart, StandardCharsets.US_ASCII));
            }
            x = value(rt, s, coeffEnd, (int) ndigits, (int) fdigits, exp);
        }
        while (space(s[p])) p++;
        if (p != end) throw parseError(rt);
        return negate ? -x : x;
    }

    /** strtol: a decimal number clamped to the C long range. */
    private static long strtol(String digits) {
        BigInteger v = new BigInteger(digits.startsWith("+") ? digits.substring(1) : digits);
        return v.max(BigInteger.valueOf(Long.MIN_VALUE)).min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
    }

    /** HEX_DIGIT(j): the j-th least significant hex digit of the coefficient, skipping the point. */
    private static int digit(byte[] s, int coeffEnd, int fdigits, int j) {
        return hexDigit(s[j < fdigits ? coeffEnd - j : coeffEnd - 1 - j]);
    }

    /** The coefficient's digits times 2**exp, rounded half-even to a double as float_fromhex does. */
    private static double value(PyRuntime rt, byte[] s, int coeffEnd, int ndigits, int fdigits, long exp) {
        while (ndigits > 0 && digit(s, coeffEnd, fdigits, ndigits - 1) == 0) ndigits--;
        if (ndigits == 0 || exp < Long.MIN_VALUE / 2) return 0.0;
        if (exp > Long.MAX_VALUE / 2) throw overflow(rt);
        exp -= 4L * fdigits;
        long topExp = exp + 4L * (ndigits - 1);
        for (int d = digit(s, coeffEnd, fdigits, ndigits - 1); d != 0; d /= 2) topExp++;
        if (topExp < DBL_MIN_EXP - DBL_MANT_DIG) return 0.0;
        if (topExp > DBL_MAX_EXP) throw overflow(rt);
        long lsb = Math.max(topExp, DBL_MIN_EXP) - DBL_MANT_DIG;
        double x = 0.0;
        if (exp >= lsb) {
            for (int i = ndigits - 1; i >= 0; i--) x = 16.0 * x + digit(s, coeffEnd, fdigits, i);
            return Math.scalb(x, (int) exp);
        }
        int halfEps = 1 << (int) ((lsb - exp - 1) % 4);
        int keyDigit = (int) ((lsb - exp - 1) / 4);
        for (int i = ndigits - 1; i > keyDigit; i--) x = 16.0 * x + digit(s, coeffEnd, fdigits, i);
        int d = digit(s, coeffEnd, fdigits, keyDigit);
        x = 16.0 * x + (d & (16 - 2 * halfEps));
        if ((d & halfEps) != 0) {
            boolean roundUp = (d & (3 * halfEps - 1)) != 0
                    || halfEps == 8 && keyDigit + 1 < ndigits && (digit(s, coeffEnd, fdigits, keyDigit + 1) & 1) != 0;
            for (int i = keyDigit - 1; i >= 0 && !roundUp; i--) roundUp = digit(s, coeffEnd, fdigits, i) != 0;
            if (roundUp) {
                x += 2 * halfEps;
                // Rounding up to 2**DBL_MAX_EXP overflows.
                if (topExp == DBL_MAX_EXP && x == Math.scalb((double) (2 * halfEps), DBL_MANT_DIG)) throw overflow(rt);
            }
        }
        return Math.scalb(x, (int) (exp + 4L * keyDigit));
    }

    /** _Py_parse_inf_or_nan: where a signed, case-insensitive inf, infinity or nan ends; {@code p} when there is none. */
    private static int infOrNan(byte[] s, int p) {
        int q = p;
        if (s[q] == '-' || s[q] == '+') q++;
        if (matches(s, q, "inf")) return matches(s, q + 3, "inity") ? q + 8 : q + 3;
        if (matches(s, q, "nan")) return q + 3;
        return p;
    }

    private static double specialValue(byte[] s, int p) {
        boolean negative = s[p] == '-';
        int q = s[p] == '-' || s[p] == '+' ? p + 1 : p;
        if (matches(s, q, "nan")) return negative ? -Double.NaN : Double.NaN;
        return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    private static boolean matches(byte[] s, int p, String word) {
        for (int i = 0; i < word.length(); i++) {
            if (p + i >= s.length || Character.toLowerCase((char) (s[p + i] & 0xff)) != word.charAt(i)) return false;
        }
        return true;
    }

    private static RuntimeException parseError(PyRuntime rt) {
        return rt.error(PyExc.VALUE_ERROR, "invalid hexadecimal floating-point string");
    }

    private static RuntimeException overflow(PyRuntime rt) {
        return rt.error(PyExc.OVERFLOW_ERROR, "hexadecimal value too large to represent as a float");
    }
}
