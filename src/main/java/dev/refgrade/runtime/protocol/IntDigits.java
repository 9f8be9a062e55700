package dev.refgrade.runtime.protocol;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyObject;
import java.math.BigInteger;

/**
 * Conversions between ints and text in a base that is not a power of two, which CPython 3.11 bounds
 * (CVE-2020-10735): past sys.get_int_max_str_digits() digits (4300 by default, 0 for no limit) both
 * directions raise ValueError, since their cost grows quadratically with the number of digits.
 */
public final class IntDigits {
    /** _PY_LONG_DEFAULT_MAX_STR_DIGITS. */
    public static final int DEFAULT_MAX = 4300;
    /** _PY_LONG_MAX_STR_DIGITS_THRESHOLD: the smallest limit sys.set_int_max_str_digits accepts (besides 0). */
    public static final int THRESHOLD = 640;
    private static final String USE = "; use sys.set_int_max_str_digits() to increase the limit";

    private IntDigits() {}

    /** long_to_decimal_string: the decimal digits of {@code v}, refused past the limit (the sign not counted). */
    public static String decimal(PyRuntime rt, BigInteger v) {
        int max = rt.intMaxStrDigits;
        // CPython refuses at once when the size alone shows the limit is passed, else after converting.
        if (max > 0 && v.bitLength() > THRESHOLD * 3 && (long) (v.bitLength() * 0.30102999566398120) > max) throw tooManyToStr(rt, max);
        rt.charge(v.bitLength() / 64 + 1);
        String s = v.toString();
        if (max > 0 && s.length() - (v.signum() < 0 ? 1 : 0) > max) throw tooManyToStr(rt, max);
        return s;
    }

    private static RuntimeException tooManyToStr(PyRuntime rt, int max) {
        return rt.error(PyExc.VALUE_ERROR, "Exceeds the limit (" + max + " digits) for integer string conversion" + USE);
    }

    /**
     * PyLong_FromUnicodeObject then PyLong_FromString: optional whitespace and sign, a prefix (0x, 0o,
     * 0b) when it matches the base, digits with single underscores between them, whitespace. The
     * digit limit is checked on the run of digits before any trailing garbage is looked at.
     */
    public static PyObject parse(PyRuntime rt, String text, int base, String shown) {
        if (shown == null) shown = Repr.quote(text);
        rt.charge(text.length() / 64 + 1);
        String s = asciiDigits(text);
        int n = s.length(), i = 0;
        while (i < n && isSpace(s.charAt(i))) i++;
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) negative = s.charAt(i++) == '-';
        boolean errorIfNonzero = false;
        int b = base;
        if (b == 0) {
            char c1 = i + 1 < n ? Character.toLowerCase(s.charAt(i + 1)) : 0;
            if (i >= n || s.charAt(i) != '0') b = 10;
            else if (c1 == 'x') b = 16;
            else if (c1 == 'o') b = 8;
            else if (c1 == 'b') b = 2;
            else {
                errorIfNonzero = true; // "old" C-style octal: invalid unless it is zero
                b = 10;
            }
        }
        if (i + 1 < n && s.charAt(i) == '0') {
            char c1 = Character.toLowerCase(s.charAt(i + 1));
            if (b == 16 && c1 == 'x' || b == 8 && c1 == 'o' || b == 2 && c1 == 'b') {
                i += 2;
                if (i < n && s.charAt(i) == '_') i++; // one underscore allowed after the prefix
            }
        }
        if (i < n && s.charAt(i) == '_') throw invalid(rt, base, shown);
        StringBuilder digits = new StringBuilder();
        char prev = 0;
        while (i < n && (digit(s.charAt(i)) < b || s.charAt(i) == '_')) {
            char c = s.charAt(i++);
            if (c == '_' && prev == '_') throw invalid(rt, base, shown);
            if (c != '_') digits.append(c);
            prev = c;
        }
        if (prev == '_') throw invalid(rt, base, shown);
        int max = rt.intMaxStrDigits;
        if ((b & (b - 1)) != 0 && digits.length() > THRESHOLD && max > 0 && digits.length() > max) {
            throw rt.error(PyExc.VALUE_ERROR, "Exceeds the limit (" + max + " digits) for integer string conversion: value has "
                    + digits.length() + " digits" + USE);
        }
        if (digits.isEmpty()) throw invalid(rt, base, shown);
        BigInteger v = new BigInteger(digits.toString(), b);
        if (errorIfNonzero && v.signum() != 0) throw invalid(rt, base, shown);
        while (i < n && isSpace(s.charAt(i))) i++;
        if (i != n) throw invalid(rt, base, shown);
        return rt.newInt(negative ? v.negate() : v);
    }

    /**
     * _PyLong_FromBytes: the ASCII text of a bytes-like object, read as a str of it would be; any
     * other byte makes it no literal. The error shows a bytes of its first 200 bytes, even for a bytearray.
     */
    public static PyObject parseBytes(PyRuntime rt, byte[] data, int base) {
        String shown = BytesOps.repr(java.util.Arrays.copyOf(data, Math.min(data.length, 200)));
        String text = asciiText(data);
        if (text == null) throw invalid(rt, base, shown);
        return parse(rt, text, base, shown);
    }

    /** The bytes of a bytes-like object as the text int() and float() read, or null when one is not ASCII (no number then). */
    public static String asciiText(byte[] data) {
        for (byte b : data) if (b < 0) return null;
        return new String(data, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** The ValueError of a literal that is not one, showing it as {@code shown} (its repr) says, to 200 characters. */
    private static RuntimeException invalid(PyRuntime rt, int base, String shown) {
        return rt.error(PyExc.VALUE_ERROR, "invalid literal for int() with base " + base + ": "
                + (shown.length() > 200 ? shown.substring(0, 200) : shown));
    }

    /** _PyUnicode_TransformDecimalAndSpaceToASCII: Unicode digits to ASCII, Unicode spaces to ' ', other non-ASCII to '?'. */
    public static String asciiDigits(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int k = 0; k < text.length(); ) {
            int cp = text.codePointAt(k);
            k += Character.charCount(cp);
            if (cp < 128) b.append((char) cp);
            else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) b.append(' ');
            else if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) b.append((char) ('0' + Character.digit(cp, 10)));
            else b.append('?');
        }
        return b.toString();
    }

    /** The text without the ASCII spaces (Py_ISSPACE) at either end: other control characters stay. */
    public static String stripSpaces(String s) {
        int lo = 0, hi = s.length();
        while (lo < hi && isSpace(s.charAt(lo))) lo++;
        while (hi > lo && isSpace(s.charAt(hi - 1))) hi--;
        return s.substring(lo, hi);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }

    /** _PyLong_DigitValue: 0-9, then a/A = 10 up to z/Z = 35; 37 for anything else. */
    private static int digit(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'z') return c - 'a' + 10;
        if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
        return 37;
    }
}
