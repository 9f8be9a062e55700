package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.PythonVersion;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;
import dev.refgrade.runtime.protocol.Substrings;

/**
 * str's searches over text[start:end] (Objects/unicodeobject.c with stringlib's find.h):
 * find, rfind, index, rindex, count, startswith, endswith. Indices are code points; the text is
 * Java's UTF-16, so a range is turned into char offsets and a hit back into a code-point index.
 */
final class StrSearch {
    private StrSearch() {}

    static void install(Registry reg) {
        PyType S = PyType.STR;
        // All seven still parse with PyArg_ParseTuple in 3.11 (stringlib's parse_args_finds).
        Signature sub = Signature.parse("sub, start=None, end=None, /").as(Signature.Convention.PARSE_TUPLE);
        reg.method(S, "find", sub, (PyRuntime rt, PyStr self, Args a) -> find(rt, self, a, "find", false, false));
        reg.method(S, "index", sub, (PyRuntime rt, PyStr self, Args a) -> find(rt, self, a, "index", false, true));
        reg.method(S, "rfind", sub, (PyRuntime rt, PyStr self, Args a) -> find(rt, self, a, "rfind", true, false));
        reg.method(S, "rindex", sub, (PyRuntime rt, PyStr self, Args a) -> find(rt, self, a, "rindex", true, true));
        reg.method(S, "count", sub, StrSearch::count);
        Signature affix = Signature.parse("prefix, start=None, end=None, /").as(Signature.Convention.PARSE_TUPLE);
        reg.method(S, "startswith", affix, (PyRuntime rt, PyStr self, Args a) -> affix(rt, self, a, "startswith", false));
        reg.method(S, "endswith", affix, (PyRuntime rt, PyStr self, Args a) -> affix(rt, self, a, "endswith", true));
    }

    /** text[start:end] after ADJUST_INDICES, in code points: end clipped to the length, negatives counted from the end. */
    private record Range(long start, long end) {
        /** The range as char offsets into {@code text}; only called when start <= end <= length. */
        int offset(String text, long cp) {
            return text.offsetByCodePoints(0, (int) cp);
        }
    }

    /**
     * parse_args_finds: start then end through _PyEval_SliceIndex (None leaves the default; an int
     * is clamped to Py_ssize_t), both converted before the sub argument's type is checked.
     */
    private static Range range(PyRuntime rt, Args a, String text) {
        long start = sliceIndex(rt, a, "start", 0), end = sliceIndex(rt, a, "end", Long.MAX_VALUE / 2);
        long len = text.codePointCount(0, text.length());
        if (end > len) end = len;
        else if (end < 0) end = Math.max(0, end + len);
        if (start < 0) start = Math.max(0, start + len);
        return new Range(start, end);
    }

    /** _PyEval_SliceIndex: None or left out is {@code dflt}. */
    private static long sliceIndex(PyRuntime rt, Args a, String param, long dflt) {
        PyObject v = a.get(param);
        if (v == null || v == PyRuntime.NONE) return dflt;
        if (v instanceof PyInstance) throw a.unsupported("a slice index that is an instance (its __index__)");
        if (!(v instanceof PyInt)) {
            throw rt.typeError("slice indices must be integers or None or have an __index__ method");
        }
        return a.sliceIndex(param);
    }

    private static String str(PyRuntime rt, PyObject o, String message) {
        if (o instanceof PyStr p) return p.value;
        throw rt.typeError(message + ", not " + o.type().name);
    }

    /**
     * The sub argument as a str and its range. 3.11 checks sub after start and end
     * (ensure_unicode: "must be str"); 3.13's Argument Clinic converts it first ("find() argument 1 must be str").
     */
    private record Search(String sub, Range range) {
        static Search of(PyRuntime rt, Args a, String name, String text) {
            if (rt.rules.version.atLeast(PythonVersion.V3_13)) {
                String sub = str(rt, a.get("sub"), name + "() argument 1 must be str");
                return new Search(sub, StrSearch.range(rt, a, text));
            }
            Range r = StrSearch.range(rt, a, text);
            return new Search(str(rt, a.get("sub"), "must be str"), r);
        }
    }

    /** any_find_slice: -1 when the range is shorter than sub; otherwise the first (last) hit inside it. */
    private static PyObject find(PyRuntime rt, PyStr self, Args a, String name, boolean fromRight, boolean raise) {
        String text = self.value;
        Search q = Search.of(rt, a, name, text);
        String sub = q.sub;
        Range r = q.range;
        long at = -1;
        if (r.end - r.start >= sub.codePointCount(0, sub.length())) {
            int lo = r.offset(text, r.start), hi = r.offset(text, r.end);
            String window = text.substring(lo, hi);
            rt.charge(window.length() / 16 + 1);
            int hit = fromRight ? window.lastIndexOf(sub) : Substrings.indexOf(rt, window, sub, 0);
            if (hit >= 0) at = r.start + window.codePointCount(0, hit);
        }
        if (at < 0 && raise) throw rt.error(PyExc.VALUE_ERROR, "substring not found");
        return rt.newInt(at);
    }

    /** unicode_count: 0 when the range is shorter than sub; an empty sub is counted between every character. */
    private static PyObject count(PyRuntime rt, PyStr self, Args a) {
        String text = self.value;
        Search q = Search.of(rt, a, "count", text);
        String sub = q.sub;
        Range r = q.range;
        if (r.end - r.start < sub.codePointCount(0, sub.length())) return rt.newInt(0);
        if (sub.isEmpty()) return rt.newInt(r.end - r.start + 1);
        String window = text.substring(r.offset(text, r.start), r.offset(text, r.end));
        long n = 0;
        Substrings finder = new Substrings(rt, sub);
        for (int at = finder.next(window, 0); at >= 0; at = finder.next(window, at + sub.length())) n++;
        return rt.newInt(n);
    }

    /** startswith/endswith: a str, or a tuple of str any of which may match; the range is read first. */
    private static PyObject affix(PyRuntime rt, PyStr self, Args a, String fn, boolean atEnd) {
        PyObject prefix = a.get("prefix");
        String text = self.value;
        Range r = range(rt, a, text);
        if (!(prefix instanceof PyTuple t)) {
            return PyRuntime.bool(tailMatch(text, r, str(rt, prefix, fn + " first arg must be str or a tuple of str"), atEnd));
        }
        for (PyObject o : t.items) {
            if (tailMatch(text, r, str(rt, o, "tuple for " + fn + " must only contain str"), atEnd)) return PyRuntime.TRUE;
        }
        return PyRuntime.FALSE;
    }

    /** tail_match: false when sub does not fit in the range; else compared at its start (or end). */
    private static boolean tailMatch(String text, Range r, String sub, boolean atEnd) {
        long n = sub.codePointCount(0, sub.length());
        if (r.end - n < r.start) return false;
        if (n == 0) return true;
        int lo = r.offset(text, atEnd ? r.end - n : r.start);
        return text.startsWith(sub, lo);
    }
}
