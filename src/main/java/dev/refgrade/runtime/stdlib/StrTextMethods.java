package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.PythonVersion;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.protocol.Arith;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * str's case, padding, search, partition and predicate methods (Objects/unicodeobject.c). A
 * method returns the receiver itself where CPython's unicode_result_unchanged does. Predicates
 * whose Unicode tables Java does not carry (numeric values) are exact for ASCII and refused beyond.
 */
final class StrTextMethods {
    private StrTextMethods() {}

    static void install(Registry reg) {
        PyType S = PyType.STR;
        reg.method(S, "capitalize", "", (PyRuntime rt, PyStr self, Args a) -> rt.newStrUnshared(capitalize(self.value)));
        reg.method(S, "casefold", "", (PyRuntime rt, PyStr self, Args a) -> rt.newStrUnshared(casefold(rt.rules.version, self.value)));
        reg.method(S, "isprintable", "", (PyRuntime rt, PyStr self, Args a) ->
                PyRuntime.bool(self.value.codePoints().allMatch(c -> isPrintable(rt.rules.version, c))));
        reg.method(S, "swapcase", "", (PyRuntime rt, PyStr self, Args a) -> rt.newStrUnshared(swapcase(self.value)));
        reg.method(S, "title", "", (PyRuntime rt, PyStr self, Args a) -> rt.newStrUnshared(title(self.value)));
        reg.method(S, "center", "width, fillchar=' ', /", (PyRuntime rt, PyStr self, Args a) -> pad(rt, self, a, 'c'));
        reg.method(S, "ljust", "width, fillchar=' ', /", (PyRuntime rt, PyStr self, Args a) -> pad(rt, self, a, 'l'));
        reg.method(S, "rjust", "width, fillchar=' ', /", (PyRuntime rt, PyStr self, Args a) -> pad(rt, self, a, 'r'));
        reg.method(S, "zfill", "width, /", StrTextMethods::zfill);
        reg.method(S, "expandtabs", "tabsize=8", StrTextMethods::expandtabs);
        reg.method(S, "partition", "sep, /", (PyRuntime rt, PyStr self, Args a) -> partition(rt, self, a, false));
        reg.method(S, "rpartition", "sep, /", (PyRuntime rt, PyStr self, Args a) -> partition(rt, self, a, true));
        reg.method(S, "removeprefix", "prefix, /", (PyRuntime rt, PyStr self, Args a) -> {
            String p = arg(rt, a.get("prefix"), "removeprefix() argument must be str");
            return self.value.startsWith(p) && !p.isEmpty() ? rt.newStr(self.value.substring(p.length())) : rt.heap.newRef(self);
        });
        reg.method(S, "removesuffix", "suffix, /", (PyRuntime rt, PyStr self, Args a) -> {
            String p = arg(rt, a.get("suffix"), "removesuffix() argument must be str");
            return self.value.endsWith(p) && !p.isEmpty()
                    ? rt.newStr(self.value.substring(0, self.value.length() - p.length())) : rt.heap.newRef(self);
        });
        reg.method(S, "splitlines", "keepends=False", StrTextMethods::splitlines);
        reg.method(S, "isascii", "", (PyRuntime rt, PyStr self, Args a) -> PyRuntime.bool(self.value.chars().allMatch(c -> c < 128)));
        reg.method(S, "isalpha", "", (PyRuntime rt, PyStr self, Args a) -> all(self, Character::isLetter));
        reg.method(S, "isdecimal", "", (PyRuntime rt, PyStr self, Args a) ->
                all(self, c -> Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER));
        reg.method(S, "isspace", "", (PyRuntime rt, PyStr self, Args a) -> all(self, StrTextMethods::isSpace));
        reg.method(S, "isalnum", "", (PyRuntime rt, PyStr self, Args a) -> asciiOnly(a, self, "isalnum",
                c -> c < 128 && Character.isLetterOrDigit(c)));
        reg.method(S, "isnumeric", "", (PyRuntime rt, PyStr self, Args a) -> asciiOnly(a, self, "isnumeric", c -> c >= '0' && c <= '9'));
        reg.method(S, "islower", "", (PyRuntime rt, PyStr self, Args a) -> PyRuntime.bool(cased(self.value, true)));
        reg.method(S, "isupper", "", (PyRuntime rt, PyStr self, Args a) -> PyRuntime.bool(cased(self.value, false)));
        reg.method(S, "istitle", "", (PyRuntime rt, PyStr self, Args a) -> PyRuntime.bool(istitle(self.value)));
    }

    private static String arg(PyRuntime rt, PyObject o, String message) {
        if (o instanceof PyStr s) return s.value;
        throw rt.typeError(message + ", not " + o.type().name);
    }

    private static PyObject all(PyStr self, IntPredicate p) {
        return PyRuntime.bool(!self.value.isEmpty() && self.value.codePoints().allMatch(p));
    }

    /** A predicate exact for ASCII text only (Java has no Numeric_Type): refused on other text. */
    private static PyObject asciiOnly(Args a, PyStr self, String name, IntPredicate p) {
        if (!self.value.chars().allMatch(c -> c < 128)) throw a.unsupported("str." + name + "() of non-ASCII text");
        return all(self, p);
    }

    /** Py_UNICODE_ISSPACE: the ASCII and Latin-1 separators CPython lists, and Unicode's space separators. */
    static boolean isSpace(int c) {
        if (c < 128) return c == ' ' || c >= 9 && c <= 13 || c >= 0x1c && c <= 0x1f;
        if (c == 0x85 || c == 0xa0) return true;
        int t = Character.getType(c);
        return t == Character.SPACE_SEPARATOR || t == Character.LINE_SEPARATOR || t == Character.PARAGRAPH_SEPARATOR;
    }

    private static boolean isCased(int c) {
        return Character.isUpperCase(c) || Character.isLowerCase(c) || Character.isTitleCase(c);
    }

    /** islower/isupper: at least one cased character, and none of the other case (nor titlecase). */
    private static boolean cased(String s, boolean lower) {
        boolean any = false;
        for (int c : s.codePoints().toArray()) {
            if (lower ? Character.isUpperCase(c) || Character.isTitleCase(c) : Character.isLowerCase(c) || Character.isTitleCase(c)) {
                return false;
            }
            if (lower ? Character.isLowerCase(c) : Character.isUpperCase(c)) any = true;
        }
        return any;
    }

    /** unicode_istitle: uppercase only after uncased characters, lowercase only after cased ones. */
    private static boolean istitle(String s) {
        boolean cased = false, previousCased = false;
        for (int c : s.codePoints().toArray()) {
            if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
                if (previousCased) return false;
                previousCased = true;
                cased = true;
            } else if (Character.isLowerCase(c)) {
                if (!previousCased) return false;
                previousCased = true;
                cased = true;
            } else previousCased = false;
        }
        return cased;
    }

    private static String capitalize(String s) {
        if (s.isEmpty()) return s;
        int first = s.codePointAt(0);
        String head = first == 'ß' ? "Ss" : new String(Character.toChars(Character.toTitleCase(first)));
        return head + s.substring(Character.charCount(first)).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * do_casefold: each code point's full case folding (_PyUnicode_ToFoldedFull), which is its full
     * lowercase except where CaseFolding.txt says otherwise. Lowercasing the uppercase of the
     * lowercase gives those exceptions (ß, ẞ and the ligatures to "ss"/"fi", ς and ſ to σ and s,
     * ypogegrammeni to ι) but two: Cherokee folds to its uppercase, and dotless ı folds to itself.
     */
    static String casefold(PythonVersion version, String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            String one = new String(Character.toChars(c));
            if (UnicodeAge.unassignedIn(version, c)) b.appendCodePoint(c);
            else if (c < 128 || c == 0x131) b.append(one.toLowerCase(java.util.Locale.ROOT));
            else if (c >= 0x13a0 && c <= 0x13ff || c >= 0xab70 && c <= 0xabbf) b.append(one.toUpperCase(java.util.Locale.ROOT));
            else b.append(one.toLowerCase(java.util.Locale.ROOT).toUpperCase(java.util.Locale.ROOT).toLowerCase(java.util.Locale.ROOT));
        });
        return b.toString();
    }

    /** Py_UNICODE_ISPRINTABLE: not in the Other or Separator categories, the ASCII space excepted. */
    private static boolean isPrintable(PythonVersion version, int c) {
        if (c == ' ') return true;
        if (UnicodeAge.unassignedIn(version, c)) return false;
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    private static String swapcase(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> {
            String one = new String(Character.toChars(c));
            if (Character.isUpperCase(c)) b.append(one.toLowerCase(java.util.Locale.ROOT));
            else if (Character.isLowerCase(c)) b.append(one.toUpperCase(java.util.Locale.ROOT));
            else b.append(one);
        });
        return b.toString();
    }

    /** do_title: titlecase after an uncased character, lowercase after a cased one. */
    private static String title(String s) {
        StringBuilder b = new StringBuilder();
        boolean previousCased = false;
        for (int c : s.codePoints().toArray()) {
            String one = new String(Character.toChars(c));
            if (previousCased) b.append(one.toLowerCase(java.util.Locale.ROOT));
            else b.append(c == 'ß' ? "Ss" : new String(Character.toChars(Character.toTitleCase(c))));
            previousCased = isCased(c);
        }
        return b.toString();
    }

    /** center/ljust/rjust: the receiver itself when wide enough; center's odd margin goes left when width is odd. */
    private static PyObject pad(PyRuntime rt, PyStr self, Args a, char how) {
        long width = a.index("width");
        PyObject f = a.get("fillchar");
        int fill = ' ';
        if (f != null) {
            if (!(f instanceof PyStr fs)) throw rt.typeError("The fill character must be a unicode character, not " + f.type().name);
            if (fs.value.codePointCount(0, fs.value.length()) != 1) {
                throw rt.typeError("The fill character must be exactly one character long");
            }
            fill = fs.value.codePointAt(0);
        }
        long len = self.value.codePointCount(0, self.value.length());
        if (len >= width) return rt.heap.newRef(self);
        rt.checkStringLength(width);
        long marg = width - len;
        long left = switch (how) {
            case 'l' -> 0;
            case 'r' -> marg;
            default -> marg / 2 + (marg & width & 1);
        };
        String fc = new String(Character.toChars(fill));
        return rt.newStrUnshared(fc.repeat((int) left) + self.value + fc.repeat((int) (marg - left)));
    }

    static PyObject zfill(PyRuntime rt, PyStr self, Args a) {
        long width = a.index("width");
        String s = self.value;
        long len = s.codePointCount(0, s.length());
        if (len >= width) return rt.heap.newRef(self);
        rt.checkStringLength(width);
        String zeros = "0".repeat((int) (width - len));
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) return rt.newStrUnshared(s.charAt(0) + zeros + s.substring(1));
        return rt.newStrUnshared(zeros + s);
    }

    /** unicode_expandtabs_impl: text without a tab is the receiver itself. */
    static PyObject expandtabs(PyRuntime rt, PyStr self, Args a) {
        long tab = Arith.toLong(rt, a.get("tabsize") == null ? rt.newInt(8) : a.get("tabsize"));
        if (self.value.indexOf('\t') < 0) return rt.heap.newRef(self);
        StringBuilder b = new StringBuilder();
        long column = 0;
        for (int c : self.value.codePoints().toArray()) {
            if (c == '\t') {
                if (tab > 0) {
                    long n = tab - column % tab;
                    rt.checkStringLength(b.length() + n);
                    b.append(" ".repeat((int) n));
                    column += n;
                }
            } else {
                b.appendCodePoint(c);
                column = c == '\n' || c == '\r' ? 0 : column + 1;
            }
        }
        return rt.newStr(b.toString());
    }

    /** partition/rpartition: (head, sep, tail); unsplit, the receiver with two empty strs. */
    private static PyObject partition(PyRuntime rt, PyStr self, Args a, boolean fromRight) {
        String sep = arg(rt, a.get("sep"), "must be str");
        if (sep.isEmpty()) throw rt.error(PyExc.VALUE_ERROR, "empty separator");
        String s = self.value;
        int at = fromRight ? s.lastIndexOf(sep) : s.indexOf(sep);
        if (at < 0) {
            return fromRight ? rt.newTuple(PyRuntime.EMPTY_STR, PyRuntime.EMPTY_STR, rt.heap.newRef(self))
                    : rt.newTuple(rt.heap.newRef(self), PyRuntime.EMPTY_STR, PyRuntime.EMPTY_STR);
        }
        return rt.newTuple(rt.newStr(s.substring(0, at)), rt.heap.newRef(a.get("sep")), rt.newStr(s.substring(at + sep.length())));
    }

    /** splitlines: at \n, \r, \r\n, \v, \f, \x1c-\x1e, \x85, \u2028, \u2029; a list grown by appends. */
    static PyObject splitlines(PyRuntime rt, PyStr self, Args a) {
        PyObject k = a.get("keepends");
        // Argument Clinic's bool(accept={int}): an int (or bool), never any other object's truth.
        if (k != null && !(k instanceof PyInt)) throw rt.typeError("'" + k.type().name + "' object cannot be interpreted as an integer");
        boolean keep = a.truth("keepends");
        String s = self.value;
        List<PyObject> parts = new ArrayList<>();
        int i = 0, n = s.length();
        while (i < n) {
            int j = i;
            while (j < n && !isLineBreak(s.charAt(j))) j++;
            int eol = j;
            if (j < n) {
                j += s.charAt(j) == '\r' && j + 1 < n && s.charAt(j + 1) == '\n' ? 2 : 1;
                if (keep) eol = j;
            }
            // A line that is the whole text is the receiver itself.
            parts.add(i == 0 && eol == n ? rt.heap.newRef(self) : rt.newStr(s.substring(i, eol)));
            i = j;
        }
        PyList l = rt.newList().allocatedExactly();
        for (PyObject p : parts) l.appendOwned(p);
        return l;
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c >= 0x1c && c <= 0x1e || c == 0x85 || c == 0x2028 || c == 0x2029;
    }
}
