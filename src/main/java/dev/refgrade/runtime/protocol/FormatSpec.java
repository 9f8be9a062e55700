package dev.refgrade.runtime.protocol;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyExc;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The format specification mini-language as Python/formatter_unicode.c reads and applies it for
 * str, int and float: [[fill]align][sign][z][#][0][width][,|_][.precision][type], with CPython's
 * error messages, its zero padding that continues the digit grouping, and floats rounded from
 * their exact binary value (half-even on a true tie), as _Py_dg_dtoa rounds.
 */
record FormatSpec(char fill, boolean fillGiven, char align, char sign, boolean noNegZero, boolean alternate,
                  int width, char separator, int precision, char type) {

    static FormatSpec parse(PyRuntime rt, String spec, char defaultAlign, String typeName) {
        int i = 0, n = spec.length();
        char fill = ' ', align = defaultAlign, sign = 0, sep = 0, type = 0;
        boolean fillGiven = false, alignGiven = false, z = false, alt = false;
        if (n >= 2 && "<>=^".indexOf(spec.charAt(1)) >= 0) {
            fill = spec.charAt(0);
            align = spec.charAt(1);
            fillGiven = alignGiven = true;
            i = 2;
        } else if (n >= 1 && "<>=^".indexOf(spec.charAt(0)) >= 0) {
            align = spec.charAt(0);
            alignGiven = true;
            i = 1;
        }
        if (i < n && "+- ".indexOf(spec.charAt(i)) >= 0) sign = spec.charAt(i++);
        if (i < n && spec.charAt(i) == 'z') {
            z = true;
            i++;
        }
        if (i < n && spec.charAt(i) == '#') {
            alt = true;
            i++;
        }
        // A leading 0 means zero fill, and for numbers (right-aligned by default) sign-aware padding.
        if (i < n && spec.charAt(i) == '0' && !fillGiven) {
            fill = '0';
            fillGiven = true;
            if (!alignGiven && defaultAlign == '>') align = '=';
            i++;
        }
        int start = i;
        while (i < n && isDigit(spec.charAt(i))) i++;
        int width = size(rt, spec.substring(start, i));
        if (i < n && (spec.charAt(i) == ',' || spec.charAt(i) == '_')) {
            sep = spec.charAt(i++);
            if (i < n && (spec.charAt(i) == ',' || spec.charAt(i) == '_')) {
                if (spec.charAt(i) == sep) throw rt.error(PyExc.VALUE_ERROR, "Cannot specify '" + sep + "' with '" + sep + "'.");
                throw rt.error(PyExc.VALUE_ERROR, "Cannot specify both ',' and '_'.");
            }
        }
        int precision = -1;
        if (i < n && spec.charAt(i) == '.') {
            start = ++i;
            while (i < n && isDigit(spec.charAt(i))) i++;
            if (i == start) throw rt.error(PyExc.VALUE_ERROR, "Format specifier missing precision");
            precision = size(rt, spec.substring(start, i));
        }
        if (n - i > 1) {
            throw rt.error(PyExc.VALUE_ERROR, "Invalid format specifier '" + spec + "' for object of type '" + typeName + "'");
        }
        if (i < n) type = spec.charAt(i);
        if (sep != 0) {
            boolean ok = switch (type) {
                case 'd', 'e', 'f', 'g', 'E', 'G', '%', 'F', 0 -> true;
                case 'b', 'o', 'x', 'X' -> sep == '_';
                default -> false;
            };
            if (!ok) {
                throw rt.error(PyExc.VALUE_ERROR, "Cannot specify '" + sep + "' with "
                        + (type >= 32 && type < 128 ? "'" + type + "'." : "'\\x" + Integer.toHexString(type) + "'."));
            }
        }
        return new FormatSpec(fill, fillGiven, align, sign, z, alt, width, sep, precision, type);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A width or precision: past Py_ssize_t CPython refuses it; a huge one stops the run before it pads. */
    private static int size(PyRuntime rt, String digits) {
        if (digits.isEmpty()) return -1;
        if (digits.length() > 18 && new BigInteger(digits).bitLength() > 63) {
            throw rt.error(PyExc.VALUE_ERROR, "Too many decimal digits in format string");
        }
        long v = Long.parseLong(digits);
        rt.checkStringLength(v);
        return (int) v;
    }

    private static String unknown(char type, String typeName) {
        return "Unknown format code '" + type + "' for object of type '" + typeName + "'";
    }

    /** format_string_internal. */
    String formatStr(PyRuntime rt, String value) {
        if (type != 0 && type != 's') throw rt.error(PyExc.VALUE_ERROR, unknown(type, "str"));
        if (sign != 0) throw rt.error(PyExc.VALUE_ERROR, "Sign not allowed in string format specifier");
        if (noNegZero) throw rt.error(PyExc.VALUE_ERROR, "Negative zero coercion (z) not allowed in string format specifier");
        if (alternate) throw rt.error(PyExc.VALUE_ERROR, "Alternate form (#) not allowed in string format specifier");
        if (align == '=') throw rt.error(PyExc.VALUE_ERROR, "'=' alignment not allowed in string format specifier");
        String body = value;
        if (precision >= 0 && body.codePointCount(0, body.length()) > precision) {
            body = body.substring(0, body.offsetByCodePoints(0, precision));
        }
        return pad("", body);
    }

    /** format_long_internal; the float presentation types convert the int to float first. */
    String formatInt(PyRuntime rt, BigInteger v, String typeName) {
        switch (type) {
            case 'e', 'E', 'f', 'F', 'g', 'G', '%' -> {
                if (v.bitLength() > 1024) throw rt.error(PyExc.OVERFLOW_ERROR, "int too large to convert to float");
                return formatFloat(rt, v.doubleValue(), typeName);
            }
            case 'b', 'c', 'd', 'o', 'x', 'X', 'n', 0 -> { }
            default -> throw rt.error(PyExc.VALUE_ERROR, unknown(type, typeName));
        }
        if (precision >= 0) throw rt.error(PyExc.VALUE_ERROR, "Precision not allowed in integer format specifier");
        if (noNegZero) throw rt.error(PyExc.VALUE_ERROR, "Negative zero coercion (z) not allowed in integer format specifier");
        if (type == 'c') {
            if (sign != 0) throw rt.error(PyExc.VALUE_ERROR, "Sign not allowed with integer format specifier 'c'");
            if (alternate) throw rt.error(PyExc.VALUE_ERROR, "Alternate form (#) not allowed with integer format specifier 'c'");
            if (v.signum() < 0 || v.bitLength() > 21 || v.intValue() > Character.MAX_CODE_POINT) {
                throw rt.error(PyExc.OVERFLOW_ERROR, "%c arg not in range(0x110000)");
            }
            return pad("", Character.toString(v.intValue()));
        }
        BigInteger abs = v.abs();
        String digits = switch (type) {
            case 'x' -> abs.toString(16);
            case 'X' -> abs.toString(16).toUpperCase();
            case 'o' -> abs.toString(8);
            case 'b' -> abs.toString(2);
            default -> IntDigits.decimal(rt, abs);
        };
        String prefix = !alternate ? "" : switch (type) {
            case 'x' -> "0x";
            case 'X' -> "0X";
            case 'o' -> "0o";
            case 'b' -> "0b";
            default -> "";
        };
        int group = type == 'x' || type == 'X' || type == 'o' || type == 'b' ? 4 : 3;
        return number(signOf(v.signum() < 0), prefix, digits, "", group);
    }

    /** format_float_internal. */
    String formatFloat(PyRuntime rt, double v, String typeName) {
        char t = type;
        switch (t) {
            case 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%', 0 -> { }
            default -> throw rt.error(PyExc.VALUE_ERROR, unknown(t, typeName));
        }
        boolean negative = v < 0 || v == 0 && 1 / v < 0;
        if (noNegZero && negative && roundsToZero(v)) negative = false;
        double a = Math.abs(v);
        boolean upper = t == 'E' || t == 'F' || t == 'G';
        String text;
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            negative = v < 0;
            text = Double.isNaN(v) ? "nan" : "inf";
            if (upper) text = text.toUpperCase();
            if (t == '%') text += "%";
        } else if (t == 0 && precision < 0) {
            text = Format.floatRepr(a);
        } else {
            int p = precision < 0 ? 6 : precision;
            text = switch (t) {
                case 'f', 'F' -> fixed(a, p, alternate);
                case '%' -> fixed(a * 100, p, alternate) + "%";
                case 'e', 'E' -> scientific(a, p, alternate);
                case 0 -> general(a, Math.max(p, 1), alternate, true);
                default -> general(a, Math.max(p, 1), alternate, false);
            };
            if (upper) text = text.toUpperCase();
        }
        // The integer digits are grouped; the point, fraction, exponent or % follow as they are.
        int cut = 0;
        while (cut < text.length() && isDigit(text.charAt(cut))) cut++;
        return number(signOf(negative), "", text.substring(0, cut), text.substring(cut), 3);
    }

    private boolean roundsToZero(double v) {
        int p = precision < 0 ? 6 : precision;
        return switch (type) {
            case 'f', 'F', '%' -> new BigDecimal(type == '%' ? v * 100 : v).setScale(p, RoundingMode.HALF_EVEN).signum() == 0;
            default -> v == 0;
        };
    }

    private String signOf(boolean negative) {
        return negative ? "-" : sign == '+' ? "+" : sign == ' ' ? " " : "";
    }

    /** 'f': p digits after the point, correctly rounded; '#' keeps the point when p is 0. */
    static String fixed(double a, int p, boolean alt) {
        String s = new BigDecimal(a).setScale(p, RoundingMode.HALF_EVEN).toPlainString();
        return alt && p == 0 ? s + "." : s;
    }

    /** 'e': one digit, the point, p digits, and a signed exponent of at least two digits. */
    static String scientific(double a, int p, boolean alt) {
        String digits;
        int exp;
        if (a == 0) {
            digits = "0".repeat(p + 1);
            exp = 0;
        } else {
            BigDecimal r = new BigDecimal(a).round(new MathContext(p + 1, RoundingMode.HALF_EVEN));
            String u = r.unscaledValue().toString();
            exp = u.length() - 1 - r.scale();
            digits = (u + "0".repeat(p + 1)).substring(0, p + 1);
        }
        String mant = digits.charAt(0) + (p > 0 || alt ? "." : "") + digits.substring(1);
        return mant + exponent(exp);
    }

    private static String exponent(int exp) {
        return "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    /**
     * 'g' with p significant digits: scientific when the exponent is below -4 or at least p (at
     * least p - 1 for the type-less form, which also keeps a ".0" on an integral result); trailing
     * zeros go unless '#'.
     */
    static String general(double a, int p, boolean alt, boolean addDot0) {
        int exp;
        String digits;
        if (a == 0) {
            exp = 0;
            digits = "0";
        } else {
            BigDecimal r = new BigDecimal(a).round(new MathContext(p, RoundingMode.HALF_EVEN));
            String u = r.unscaledValue().toString();
            exp = u.length() - 1 - r.scale();
            digits = u;
        }
        digits = (digits + "0".repeat(p)).substring(0, p);
        if (!alt) digits = digits.replaceAll("0+$", "");
        if (digits.isEmpty()) digits = "0";
        int decpt = exp + 1;
        boolean useExp = decpt <= -4 || decpt > (addDot0 ? p - 1 : p);
        if (useExp) {
            String mant = digits.length() > 1 || alt ? digits.charAt(0) + "." + digits.substring(1) : digits;
            return mant + exponent(exp);
        }
        String s;
        if (decpt <= 0) s = "0." + "0".repeat(-decpt) + digits;
        else if (digits.length() <= decpt) s = digits + "0".repeat(decpt - digits.length()) + (alt ? "." : "");
        else s = digits.substring(0, decpt) + "." + digits.substring(decpt);
        if (addDot0 && !s.contains(".")) s += ".0";
        return s;
    }

    /** Sign, prefix, grouped digits and the rest, padded; '=' pads between the sign/prefix and the digits. */
    private String number(String signText, String prefix, String digits, String rest, int groupSize) {
        int fixedLength = signText.length() + prefix.length() + rest.length();
        String grouped;
        if (digits.isEmpty()) {
            grouped = digits; // inf and nan: no digits to group (calc_number_widths groups none)
        } else if (separator != 0 && fill == '0' && align == '=') {
            grouped = group(digits, groupSize, Math.max(0, width - fixedLength));
        } else {
            grouped = separator != 0 ? group(digits, groupSize, 0) : digits;
        }
        String body = grouped + rest;
        int missing = width - (fixedLength - rest.length()) - body.length();
        if (align == '=' && missing > 0) return signText + prefix + String.valueOf(fill).repeat(missing) + body;
        return pad(signText + prefix, body);
    }

    /** _PyUnicode_InsertThousandsGrouping: groups from the right, zeros added until minWidth is met. */
    private String group(String digits, int size, int minWidth) {
        StringBuilder out = new StringBuilder();
        int remaining = digits.length(), minW = minWidth;
        boolean useSep = false;
        while (true) {
            int l = Math.min(size, Math.max(Math.max(remaining, minW), 1));
            int zeros = Math.max(0, l - remaining), chars = Math.max(0, Math.min(remaining, l));
            if (useSep) out.insert(0, separator);
            out.insert(0, digits, remaining - chars, remaining);
            out.insert(0, "0".repeat(zeros));
            useSep = true;
            remaining -= chars;
            minW -= l;
            if (remaining <= 0 && minW <= 0) break;
            minW -= 1;
        }
        return out.toString();
    }

    /** The text padded to the width as the alignment says (complex's formatting composes its own text). */
    String padded(String text) {
        return pad("", text);
    }

    private String pad(String lead, String body) {
        String text = lead + body;
        int missing = width - text.codePointCount(0, text.length());
        if (missing <= 0) return text;
        String f = String.valueOf(fill);
        return switch (align) {
            case '<' -> text + f.repeat(missing);
            case '^' -> f.repeat(missing / 2) + text + f.repeat(missing - missing / 2);
            default -> f.repeat(missing) + text;
        };
    }
}
