package dev.refgrade.runtime.protocol;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyComplex;
import dev.refgrade.runtime.objects.PyExc;

/** format(complex, spec): Python/formatter_unicode.c's format_complex_internal. */
final class ComplexFormat {
    private ComplexFormat() {}

    static String format(PyRuntime rt, PyComplex c, String spec) {
        FormatSpec f = FormatSpec.parse(rt, spec, '>', "complex");
        char type = f.type();
        switch (type) {
            case 'e', 'E', 'f', 'F', 'g', 'G', 'n', 0 -> { }
            default -> throw rt.error(PyExc.VALUE_ERROR, "Unknown format code '" + type + "' for object of type 'complex'");
        }
        if (f.fill() == '0') throw rt.error(PyExc.VALUE_ERROR, "Zero padding is not allowed in complex format specifier");
        if (f.align() == '=') throw rt.error(PyExc.VALUE_ERROR, "'=' alignment flag is not allowed in complex format specifier");
        if (f.separator() != 0 || type == 'n' || f.alternate() || f.noNegZero()) {
            throw rt.refusal("the format spec '" + spec + "' of a complex (digit grouping, 'n', '#' and 'z' are not modelled)");
        }
        // No type: like str(self), the real part left out when it is +0.0, otherwise in parentheses.
        boolean skipRe = type == 0 && c.real == 0 && Math.copySign(1.0, c.real) == 1.0;
        boolean parens = type == 0 && !skipRe;
        String re = part(c.real, type, f.precision()), im = part(c.imag, type, f.precision());
        StringBuilder b = new StringBuilder();
        if (parens) b.append('(');
        if (!skipRe) b.append(sign(re, f.sign())).append(digits(re));
        // The imaginary part always carries its sign, unless it stands alone.
        b.append(sign(im, skipRe ? f.sign() : '+')).append(digits(im)).append('j');
        if (parens) b.append(')');
        return f.padded(b.toString());
    }

    /** PyOS_double_to_string of one part: 'r' (repr without ".0") when there is neither type nor precision, 'g' for a precision alone. */
    private static String part(double x, char type, int precision) {
        if (type == 0 && precision < 0) return Complexes.part(x);
        char t = type == 0 ? 'g' : type;
        int p = precision < 0 ? 6 : precision;
        boolean upper = t == 'E' || t == 'F' || t == 'G';
        String text;
        if (Double.isNaN(x)) {
            text = "nan";
        } else if (Double.isInfinite(x)) {
            text = "inf";
        } else {
            double a = Math.abs(x);
            text = switch (t) {
                case 'f', 'F' -> FormatSpec.fixed(a, p, false);
                case 'e', 'E' -> FormatSpec.scientific(a, p, false);
                default -> FormatSpec.general(a, Math.max(p, 1), false, false);
            };
        }
        if (upper) text = text.toUpperCase();
        boolean negative = x < 0 || x == 0 && 1 / x < 0;
        return negative ? "-" + text : text;
    }

    private static String sign(String part, char requested) {
        if (part.startsWith("-")) return "-";
        return requested == '+' ? "+" : requested == ' ' ? " " : "";
    }

    private static String digits(String part) {
        return part.startsWith("-") ? part.substring(1) : part;
    }
}
