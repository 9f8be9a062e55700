package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.protocol.Substrings;
import java.util.ArrayList;
import java.util.List;

/** str's methods (Objects/unicodeobject.c); those that change nothing return the very string, as CPython's do. */
final class StrMethods {
    private StrMethods() {}

    static void install(Registry reg) {
        PyType S = PyType.STR;
        reg.method(S, "join", "iterable, /", StrMethods::join);
        reg.method(S, "upper", "", (PyRuntime rt, PyStr self, Args a) -> rt.newStrUnshared(self.value.toUpperCase(java.util.Locale.ROOT)));
        reg.method(S, "lower", "", (PyRuntime rt, PyStr self, Args a) -> rt.newStrUnshared(self.value.toLowerCase(java.util.Locale.ROOT)));
        reg.method(S, "strip", "chars=None, /", (PyRuntime rt, PyStr self, Args a) -> strip(rt, self, a, "strip", true, true));
        reg.method(S, "lstrip", "chars=None, /", (PyRuntime rt, PyStr self, Args a) -> strip(rt, self, a, "lstrip", true, false));
        reg.method(S, "rstrip", "chars=None, /", (PyRuntime rt, PyStr self, Args a) -> strip(rt, self, a, "rstrip", false, true));
        reg.method(S, "replace", "old, new, count=-1, /", StrMethods::replace);
        reg.method(S, "split", "sep=None, maxsplit=-1", StrMethods::split);
        reg.method(S, "rsplit", "sep=None, maxsplit=-1", StrMethods::rsplit);
        reg.method(S, "isdigit", "", (PyRuntime rt, PyStr self, Args a) ->
                PyRuntime.bool(!self.value.isEmpty() && self.value.chars().allMatch(Character::isDigit)));
        reg.method(S, "isidentifier", "", (PyRuntime rt, PyStr self, Args a) ->
                PyRuntime.bool(self.value.matches("[A-Za-z_][A-Za-z0-9_]*")));
        // METH_VARARGS | METH_KEYWORDS: fields pick what they use, the rest is not an error.
        reg.method(S, "format", "*args, **kwargs", StrMethods::format);
        reg.method(S, "format_map", "mapping, /", StrMethods::formatMap);
    }

    /** A str argument, or the TypeError CPython raises (its message differs by method). */
    private static String str(PyRuntime rt, PyObject o, String message) {
        if (o instanceof PyStr p) return p.value;
        // Argument Clinic's _PyArg_BadArgument ("... argument N must be ...") names None itself; the
        // older checks ("must be str, not %.100s") give every value's type name.
        boolean clinic = message.contains(" argument ");
        throw rt.typeError(message + ", not " + (clinic && o == PyRuntime.NONE ? "None" : o.type().name));
    }

    /** The result as a str object: the receiver itself when the text is unchanged. */
    private static PyObject same(PyRuntime rt, PyStr self, String result) {
        return result.equals(self.value) ? rt.heap.newRef(self) : rt.newStr(result);
    }

    /** The items join() joins, each owned: PySequence_Fast(seq, "can only join an iterable") replaces iter()'s TypeError. */
    static PyObject[] joinItems(PyRuntime rt, PyObject iterable) {
        try {
            return Builtins.toArray(rt, iterable);
        } catch (PyException e) {
            if (e.excType == PyExc.TYPE_ERROR && e.pyMessage.endsWith("' object is not iterable")) throw rt.typeError("can only join an iterable");
            throw e;
        }
    }

    static PyObject join(PyRuntime rt, PyStr self, Args a) {
        PyObject[] items = joinItems(rt, a.get("iterable"));
        try {
            if (items.length == 1 && items[0].type() == PyType.STR) return rt.heap.newRef(items[0]);
            // PyUnicode_Join measures the result before it copies anything.
            long length = (long) self.value.length() * Math.max(0, items.length - 1);
            for (int i = 0; i < items.length; i++) {
                if (!(items[i] instanceof PyStr p)) {
                    throw rt.typeError("sequence item " + i + ": expected str instance, " + items[i].type().name + " found");
                }
                length += p.value.length();
            }
            rt.checkStringLength(length);
            StringBuilder b = new StringBuilder((int) length);
            for (int i = 0; i < items.length; i++) {
                if (i > 0) b.append(self.value);
                b.append(((PyStr) items[i]).value);
            }
            return rt.newStrUnshared(b.toString()); // _PyUnicode_JoinArray
        } finally {
            for (PyObject o : items) rt.heap.decref(o);
        }
    }

    /** replace(old, new, count): at most count replacements (all when negative), left to right. */
    static PyObject replace(PyRuntime rt, PyStr self, Args a) {
        PyObject oldArg = a.get("old"), newArg = a.get("new");
        // Clinic converts in order: old, new, then count.
        String from = str(rt, oldArg, "replace() argument 1 must be str"), to = str(rt, newArg, "replace() argument 2 must be str");
        long count = a.index("count");
        String text = self.value;
        Substrings finder = new Substrings(rt, from);
        if (count == 0 || finder.next(text, 0) < 0) return rt.heap.newRef(self);
        // replace() sizes its result first; an empty old string matches between every character.
        long matches = from.isEmpty() ? text.length() + 1L : occurrences(rt, text, from);
        if (count > 0) matches = Math.min(matches, count);
        rt.checkStringLength(text.length() + matches * (to.length() - from.length()));
        StringBuilder b = new StringBuilder();
        int at = 0;
        for (long done = 0; done < matches; done++) {
            int hit = from.isEmpty() ? at : finder.next(text, at);
            b.append(text, at, hit).append(to);
            at = hit + from.length();
            if (from.isEmpty() && at < text.length()) b.append(text.charAt(at++));
        }
        return rt.newStrUnshared(b.append(text.substring(Math.min(at, text.length()))).toString());
    }

    /** split(sep, maxsplit): at most maxsplit splits (all when negative); runs of whitespace when sep is None. */
    static PyObject split(PyRuntime rt, PyStr self, Args a) {
        PyObject sepArg = a.orNone("sep");
        long max = maxsplit(a);
        List<String> parts = new ArrayList<>();
        String text = self.value;
        if (sepArg == PyRuntime.NONE) {
            int i = 0, n = text.length();
            while (true) {
                while (i < n && isSpace(text.charAt(i))) i++;
                if (i == n) break;
                if (parts.size() == max) {
                    parts.add(text.substring(i));
                    break;
                }
                int j = i;
                while (j < n && !isSpace(text.charAt(j))) j++;
                parts.add(text.substring(i, j));
                i = j;
            }
        } else {
            String sep = str(rt, sepArg, "must be str or None");
            if (sep.isEmpty()) throw rt.error(PyExc.VALUE_ERROR, "empty separator");
            int from = 0, at;
            Substrings finder = new Substrings(rt, sep);
            while (parts.size() < max && (at = finder.next(text, from)) >= 0) {
                parts.add(text.substring(from, at));
                from = at + sep.length();
            }
            parts.add(text.substring(from));
        }
        // A str split nowhere is its own one item ("just use str_obj as list[0]"): for a separator
        // whenever nothing was split off, for whitespace only when the text has none and maxsplit > 0.
        boolean whole = parts.size() == 1 && (sepArg != PyRuntime.NONE || max > 0 && parts.get(0).length() == text.length());
        PyObject[] out = whole ? new PyObject[] {rt.heap.newRef(self)} : parts.stream().map(rt::newStr).toArray(PyObject[]::new);
        return splitList(rt, out, max);
    }

    /** maxsplit as a count of splits: negative is no limit. */
    private static long maxsplit(Args a) {
        long max = a.index("maxsplit");
        return max < 0 ? Long.MAX_VALUE : max;
    }

    /**
     * rsplit(sep, maxsplit): stringlib's rsplit_whitespace / rsplit, which split from the right and
     * reverse the list; as in split, a text split nowhere is its own one item.
     */
    static PyObject rsplit(PyRuntime rt, PyStr self, Args a) {
        PyObject sepArg = a.orNone("sep");
        long max = maxsplit(a);
        List<String> parts = new ArrayList<>();
        String text = self.value;
        boolean whole = false;
        if (sepArg == PyRuntime.NONE) {
            int i = text.length() - 1;
            for (long left = max; left > 0; left--) {
                while (i >= 0 && StrTextMethods.isSpace(text.charAt(i))) i--;
                if (i < 0) break;
                int j = i--;
                while (i >= 0 && !StrTextMethods.isSpace(text.charAt(i))) i--;
                if (j == text.length() - 1 && i < 0) {
                    whole = true;
                    break;
                }
                parts.add(text.substring(i + 1, j + 1));
            }
            // Only when maxsplit was reached: the rest, past its trailing whitespace, is the first item.
            while (i >= 0 && StrTextMethods.isSpace(text.charAt(i))) i--;
            if (!whole && i >= 0) parts.add(text.substring(0, i + 1));
        } else {
            String sep = str(rt, sepArg, "must be str or None");
            if (sep.isEmpty()) throw rt.error(PyExc.VALUE_ERROR, "empty separator");
            int j = text.length();
            for (long left = max; left > 0; left--) {
                int at = j - sep.length() < 0 ? -1 : text.lastIndexOf(sep, j - sep.length());
                rt.charge((at < 0 ? j : j - at) / 16 + 1);
                if (at < 0) break;
                parts.add(text.substring(at + sep.length(), j));
                j = at;
            }
            whole = parts.isEmpty();
            if (!whole) parts.add(text.substring(0, j));
        }
        java.util.Collections.reverse(parts);
        PyObject[] out = whole ? new PyObject[] {rt.heap.newRef(self)} : parts.stream().map(rt::newStr).toArray(PyObject[]::new);
        return splitList(rt, out, max);
    }

    /**
     * The list stringlib's split functions return: PyList_New(PREALLOC_SIZE(maxsplit)), at most 12
     * slots, filled in place and its size cut to the count (the capacity stays), then PyList_Append
     * past the twelfth item.
     */
    static PyList splitList(PyRuntime rt, PyObject[] parts, long maxsplit) {
        int prealloc = maxsplit >= 12 ? 12 : (int) maxsplit + 1;
        PyList l = rt.newList(parts, Math.min(parts.length, prealloc));
        l.allocatedExactly();
        l.allocated = prealloc;
        for (int i = l.size; i < parts.length; i++) l.appendOwned(parts[i]);
        return l;
    }

    /** Py_UNICODE_ISSPACE for the characters a program is likely to hold. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    /** str.format(*args, **kwargs). */
    static PyObject format(PyRuntime rt, PyStr self, Args a) {
        var kw = a.extra();
        return StrFormat.format(rt, self, a.rest(), key -> {
            PyObject v = kw.get(key.value);
            return v == null ? null : rt.heap.newRef(v);
        });
    }

    /** str.format_map(mapping): keywords looked up in the mapping itself, so a dict subclass's __missing__ applies. */
    static PyObject formatMap(PyRuntime rt, PyStr self, Args a) {
        PyObject mapping = a.get("mapping");
        return StrFormat.format(rt, self, new PyObject[0], key -> rt.ops.getItem(mapping, key));
    }

    /** Non-overlapping occurrences of a non-empty {@code sub}, as str.count counts them. */
    private static long occurrences(PyRuntime rt, String text, String sub) {
        long n = 0;
        Substrings finder = new Substrings(rt, sub);
        for (int at = finder.next(text, 0); at >= 0; at = finder.next(text, at + sub.length())) n++;
        return n;
    }

    private static PyObject strip(PyRuntime rt, PyStr self, Args a, String name, boolean left, boolean right) {
        PyObject arg = a.orNone("chars");
        if (arg != PyRuntime.NONE && !(arg instanceof PyStr)) throw rt.typeError(name + " arg must be None or str");
        String chars = arg instanceof PyStr p ? p.value : null;
        String text = self.value;
        int lo = 0, hi = text.length();
        // Each character is looked up among the chars: charged as a search of them per character.
        rt.charge((long) text.length() * (chars == null ? 1 : Math.min(chars.length(), 64)) / 16 + 1);
        java.util.BitSet set = new java.util.BitSet();
        if (chars != null) chars.chars().forEach(set::set);
        while (left && lo < hi && (chars == null ? isSpace(text.charAt(lo)) : set.get(text.charAt(lo)))) lo++;
        while (right && hi > lo && (chars == null ? isSpace(text.charAt(hi - 1)) : set.get(text.charAt(hi - 1)))) hi--;
        return same(rt, self, text.substring(lo, hi));
    }
}
