package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.protocol.Repr;

/** complex(str): complex_subtype_from_string and complex_from_string_inner. */
final class ComplexParse {
    private ComplexParse() {}

    private static final String MALFORMED = "complex() arg is a malformed string";

    static PyObject parse(PyRuntime rt, String text) {
        if (!text.chars().allMatch(c -> c < 128)) {
            throw rt.refusal("complex() of a string with non-ASCII characters");
        }
        String s = text.indexOf('_') >= 0 ? withoutUnderscores(rt, text) : text;
        int[] at = {0};
        int n = s.length();
        skipSpace(s, at);
        boolean bracket = at[0] < n && s.charAt(at[0]) == '(';
        if (bracket) {
            at[0]++;
            skipSpace(s, at);
        }
        double x = 0, y = 0;
        int start = at[0];
        Double z = number(s, at);
        if (z != null) {
            // <float>, <float>j, <float><signed-float>j or <float><sign>j
            char c = charAt(s, at[0]);
            if (c == '+' || c == '-') {
                x = z;
                Double w = number(s, at);
                if (w != null) {
                    y = w;
                } else {
                    y = c == '+' ? 1.0 : -1.0;
                    at[0]++;
                }
                if (!isJ(charAt(s, at[0]))) throw rt.error(PyExc.VALUE_ERROR, MALFORMED);
                at[0]++;
            } else if (isJ(c)) {
                at[0]++;
                y = z;
            } else {
                x = z;
            }
        } else {
            // <sign>j or j
            at[0] = start;
            char c = charAt(s, at[0]);
            if (c == '+' || c == '-') {
                y = c == '+' ? 1.0 : -1.0;
                at[0]++;
            } else {
                y = 1.0;
            }
            if (!isJ(charAt(s, at[0]))) throw rt.error(PyExc.VALUE_ERROR, MALFORMED);
            at[0]++;
        }
        skipSpace(s, at);
        if (bracket) {
            if (charAt(s, at[0]) != ')') throw rt.error(PyExc.VALUE_ERROR, MALFORMED);
            at[0]++;
            skipSpace(s, at);
        }
        if (at[0] != n) throw rt.error(PyExc.VALUE_ERROR, MALFORMED);
        return rt.newComplex(x, y);
    }

    private static char charAt(String s, int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }

    private static boolean isJ(char c) {
        return c == 'j' || c == 'J';
    }

    private static void skipSpace(String s, int[] at) {
        while (at[0] < s.length() && " \t\n\r\f\u000b".indexOf(s.charAt(at[0])) >= 0) at[0]++;
    }

    /**
     * PyOS_string_to_double's longest prefix at {@code at}: a sign, then inf, infinity or nan, or
     * digits with a point and an exponent; null (and {@code at} unmoved) when none is there.
     * An overflow is an infinity (no overflow exception is asked for).
     */
    private static Double number(String s, int[] at) {
        int i = at[0], n = s.length();
        int begin = i;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
        String rest = s.substring(i).toLowerCase();
        boolean negative = begin < i && s.charAt(begin) == '-';
        for (String word : new String[] {"infinity", "inf", "nan"}) {
            if (rest.startsWith(word)) {
                at[0] = i + word.length();
                return word.equals("nan") ? Double.NaN : negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
        }
        int digits = 0;
        while (i < n && Character.isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) return null;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int e = i + 1;
            if (e < n && (s.charAt(e) == '+' || s.charAt(e) == '-')) e++;
            int expDigits = e;
            while (e < n && Character.isDigit(s.charAt(e))) e++;
            if (e > expDigits) i = e;
        }
        at[0] = i;
        return Double.parseDouble(s.substring(begin, i));
    }

    /** _Py_string_to_number_with_underscores: an underscore only between digits, then dropped. */
    private static String withoutUnderscores(PyRuntime rt, String text) {
        StringBuilder b = new StringBuilder();
        char prev = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            boolean ok = c == '_' ? prev >= '0' && prev <= '9' : prev != '_' || c >= '0' && c <= '9';
            if (!ok) throw notConvertible(rt, text);
            if (c != '_') b.append(c);
            prev = c;
        }
        if (prev == '_') throw notConvertible(rt, text);
        return b.toString();
    }

    private static RuntimeException notConvertible(PyRuntime rt, String text) {
        return rt.error(PyExc.VALUE_ERROR, "could not convert string to complex: " + Repr.quote(text));
    }
}
