package dev.refgrade.runtime.protocol;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyFloat;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
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

    /** format(value, spec) for the standard format specification mini-language. */
    public static String format(PyRuntime rt, PyObject value, String spec) {
        if (spec.isEmpty()) return Repr.str(rt, value);
        if (value instanceof PyInstance inst && inst.cls.lookup(rt, "__format__") != null) {
            PyObject r = rt.ops.callDunder(inst, "__format__", rt.newStr(spec));
            try {
                return Repr.str(rt, r);
            } finally {
                rt.heap.decref(r);
            }
        }
        Spec s = Spec.parse(rt, spec);
        String body;
        if (value instanceof PyFloat || (value instanceof PyInt && "eEfFgG%".indexOf(s.type) >= 0)) {
            body = formatFloat(Arith.toDouble(value), s);
        } else if (value instanceof PyInt i) {
            body = formatInt(rt, i.bigValue(), s);
        } else if (!(value instanceof PyStr)) {
            // object.__format__: only the empty spec, which means str(value), is accepted.
            throw rt.typeError("unsupported format string passed to " + value.type().name + ".__format__");
        } else {
            if (s.type != 0 && s.type != 's') {
                throw rt.error(PyExc.VALUE_ERROR, "Unknown format code '" + s.type + "' for object of type '" + value.type().name + "'");
            }
            body = Repr.str(rt, value);
            if (s.precision >= 0 && body.length() > s.precision) body = body.substring(0, s.precision);
        }
        return pad(body, s, value instanceof PyInt || value instanceof PyFloat ? '>' : '<');
    }

    private record Spec(char fill, char align, char sign, boolean zero, int width, boolean comma, int precision, char type) {
        static Spec parse(PyRuntime rt, String spec) {
            int i = 0;
            char fill = ' ', align = 0, sign = 0;
            if (spec.length() >= 2 && "<>^=".indexOf(spec.charAt(1)) >= 0) {
                fill = spec.charAt(0);
                align = spec.charAt(1);
                i = 2;
            } else if (!spec.isEmpty() && "<>^=".indexOf(spec.charAt(0)) >= 0) {
                align = spec.charAt(0);
                i = 1;
            }
            if (i < spec.length() && "+- ".indexOf(spec.charAt(i)) >= 0) sign = spec.charAt(i++);
            boolean zero = false;
            if (i < spec.length() && spec.charAt(i) == '0') {
                zero = true;
                i++;
            }
            int start = i;
            while (i < spec.length() && isDigit(spec.charAt(i))) i++;
            int width = size(rt, spec.substring(start, i));
            boolean comma = false;
            if (i < spec.length() && (spec.charAt(i) == ',' || spec.charAt(i) == '_')) {
                comma = true;
                i++;
            }
            int precision = -1;
            if (i < spec.length() && spec.charAt(i) == '.') {
                start = ++i;
                while (i < spec.length() && isDigit(spec.charAt(i))) i++;
                precision = size(rt, spec.substring(start, i));
            }
            char type = i < spec.length() ? spec.charAt(i++) : 0;
            if (i != spec.length()) throw rt.error(PyExc.VALUE_ERROR, "Invalid format specifier");
            return new Spec(fill, align, sign, zero, width, comma, precision, type);
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        /**
         * A width or precision: past Py_ssize_t CPython refuses it; below that it would pad or print
         * that many characters, so one past the string limit stops the run before it is built.
         */
        private static int size(PyRuntime rt, String digits) {
            if (digits.isEmpty()) return 0;
            if (digits.length() > 18 && new BigInteger(digits).bitLength() > 63) {
                throw rt.error(PyExc.VALUE_ERROR, "Too many decimal digits in format string");
            }
            long n = Long.parseLong(digits);
            rt.checkStringLength(n);
            return (int) n;
        }
    }

    private static String formatInt(PyRuntime rt, BigInteger v, Spec s) {
        if (s.type == 'c' && (v.signum() < 0 || v.bitLength() > 21 || v.intValue() > Character.MAX_CODE_POINT)) {
            throw rt.error(PyExc.OVERFLOW_ERROR, "%c arg not in range(0x110000)");
        }
        String digits = switch (s.type) {
            case 'x' -> v.abs().toString(16);
            case 'X' -> v.abs().toString(16).toUpperCase();
            case 'o' -> v.abs().toString(8);
            case 'b' -> v.abs().toString(2);
            case 'c' -> Character.toString(v.intValue());
            default -> IntDigits.decimal(rt, v.abs());
        };
        if (s.comma) digits = group(digits);
        return signed(v.signum() < 0, digits, s);
    }

    private static String formatFloat(double v, Spec s) {
        int p = s.precision < 0 ? 6 : s.precision;
        String digits;
        boolean neg = v < 0 || (v == 0 && 1 / v < 0);
        double a = Math.abs(v);
        if (Double.isNaN(v)) digits = "nan";
        else if (Double.isInfinite(v)) digits = "inf";
        else switch (s.type) {
            case 'f', 'F' -> digits = new BigDecimal(a).setScale(p, RoundingMode.HALF_EVEN).toPlainString();
            case '%' -> digits = new BigDecimal(a * 100).setScale(p, RoundingMode.HALF_EVEN).toPlainString() + "%";
            case 'e', 'E' -> digits = String.format("%." + p + "e", a);
            case 0 -> digits = s.precision < 0 ? floatRepr(a) : general(a, Math.max(p, 1), true);
            default -> digits = general(a, Math.max(p, 1), false);
        }
        if (s.comma) {
            int dot = digits.indexOf('.');
            digits = dot < 0 ? group(digits) : group(digits.substring(0, dot)) + digits.substring(dot);
        }
        return signed(neg && !Double.isNaN(v), digits, s);
    }

    private static String general(double a, int p, boolean keepPoint) {
        if (a == 0) return keepPoint ? "0.0" : "0";
        int exp = (int) Math.floor(Math.log10(a));
        BigDecimal rounded = new BigDecimal(a).round(new java.math.MathContext(p, RoundingMode.HALF_EVEN));
        exp = rounded.precision() - rounded.scale() - 1;
        if (exp < -4 || exp >= p) {
            String m = rounded.unscaledValue().abs().toString().replaceAll("0+$", "");
            String mant = m.length() <= 1 ? (m.isEmpty() ? "0" : m) : m.charAt(0) + "." + m.substring(1);
            return mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        String plain = rounded.stripTrailingZeros().toPlainString();
        if (keepPoint && !plain.contains(".")) plain += ".0";
        return plain;
    }

    private static String group(String digits) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) b.append(',');
            b.append(digits.charAt(i));
        }
        return b.toString();
    }

    private static String signed(boolean negative, String digits, Spec s) {
        String sign = negative ? "-" : s.sign == '+' ? "+" : s.sign == ' ' ? " " : "";
        if (s.zero && s.align == 0 && digits.length() + sign.length() < s.width) {
            return sign + "0".repeat(s.width - digits.length() - sign.length()) + digits;
        }
        return sign + digits;
    }

    private static String pad(String body, Spec s, char defaultAlign) {
        int missing = s.width - body.codePointCount(0, body.length());
        if (missing <= 0) return body;
        String f = String.valueOf(s.fill);
        return switch (s.align == 0 ? defaultAlign : s.align) {
            case '<' -> body + f.repeat(missing);
            case '^' -> f.repeat(missing / 2) + body + f.repeat(missing - missing / 2);
            default -> f.repeat(missing) + body;
        };
    }

    /** str % args for the common conversions (%s %r %d %i %f %x %%). */
    static PyObject percent(PyRuntime rt, PyStr fmt, PyObject args) {
        PyObject[] values = args instanceof PyTuple t ? t.items : new PyObject[] {args};
        StringBuilder b = new StringBuilder();
        String f = fmt.value;
        int next = 0;
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c != '%') {
                b.append(c);
                continue;
            }
            int j = i + 1;
            while (j < f.length() && "-+ 0#.0123456789".indexOf(f.charAt(j)) >= 0) j++;
            if (j >= f.length()) throw rt.error(PyExc.VALUE_ERROR, "incomplete format");
            char conv = f.charAt(j);
            String flags = f.substring(i + 1, j);
            i = j;
            if (conv == '%') {
                b.append('%');
                continue;
            }
            if (next >= values.length) throw rt.typeError("not enough arguments for format string");
            PyObject v = values[next++];
            String spec = flags.replace("-", "<") + switch (conv) {
                case 'd', 'i', 'u' -> "d";
                case 's', 'r', 'a' -> "";
                default -> String.valueOf(conv);
            };
            if (flags.startsWith("-")) spec = "<" + flags.substring(1) + (conv == 'd' || conv == 'i' ? "d" : "");
            String text = switch (conv) {
                case 's' -> Repr.str(rt, v);
                case 'r', 'a' -> Repr.repr(rt, v);
                default -> format(rt, v, spec);
            };
            if ((conv == 's' || conv == 'r') && !flags.isEmpty()) text = format(rt, rt.newStr(text), spec);
            b.append(text);
        }
        if (next < values.length && args instanceof PyTuple) {
            throw rt.typeError("not all arguments converted during string formatting");
        }
        return rt.newStr(b.toString());
    }
}
