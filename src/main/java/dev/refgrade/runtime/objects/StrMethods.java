package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.protocol.Format;
import dev.refgrade.runtime.stdlib.Builtins;
import java.util.ArrayList;
import java.util.List;

/** str's methods, installed by name; those that change nothing return the very string, as CPython's do. */
public final class StrMethods {
    private StrMethods() {}

    private static String s(PyObject self) {
        return ((PyStr) self).value;
    }

    /** A str argument, or the TypeError CPython raises (its message differs by method). */
    private static String str(PyRuntime rt, PyObject o, String message) {
        if (o instanceof PyStr p) return p.value;
        throw rt.typeError(message + ", not " + o.type().name);
    }

    /** startswith/endswith: a str, or a tuple of str any of which may match. */
    private static boolean affix(PyRuntime rt, String fn, PyObject[] args, java.util.function.Predicate<String> test) {
        if (args.length < 1) throw rt.typeError(fn + "() takes at least 1 argument (0 given)");
        String message = fn + " first arg must be str or a tuple of str";
        if (!(args[0] instanceof PyTuple t)) return test.test(str(rt, args[0], message));
        for (PyObject o : t.items) if (test.test(str(rt, o, "tuple for " + fn + " must only contain str"))) return true;
        return false;
    }

    /** The result as a str object: the receiver itself when the text is unchanged. */
    private static PyObject same(PyRuntime rt, PyObject self, String result) {
        return result.equals(s(self)) ? rt.heap.newRef(self) : rt.newStr(result);
    }

    public static void install() {
        PyType S = PyType.STR;
        Builtins.method(S, "join", (rt, self, args, kw) -> {
            PyObject[] items = Builtins.toArray(rt, Builtins.arg(rt, "join", args, 0));
            try {
                if (items.length == 1 && items[0].type() == PyType.STR) return rt.heap.newRef(items[0]);
                // PyUnicode_Join measures the result before it copies anything.
                long length = (long) s(self).length() * Math.max(0, items.length - 1);
                for (int i = 0; i < items.length; i++) {
                    if (!(items[i] instanceof PyStr p)) {
                        throw rt.typeError("sequence item " + i + ": expected str instance, " + items[i].type().name + " found");
                    }
                    length += p.value.length();
                }
                rt.checkStringLength(length);
                StringBuilder b = new StringBuilder((int) length);
                for (int i = 0; i < items.length; i++) {
                    if (i > 0) b.append(s(self));
                    b.append(((PyStr) items[i]).value);
                }
                return rt.newStr(b.toString());
            } finally {
                for (PyObject o : items) rt.heap.decref(o);
            }
        });
        Builtins.method(S, "upper", (rt, self, args, kw) -> rt.newStr(s(self).toUpperCase()));
        Builtins.method(S, "lower", (rt, self, args, kw) -> rt.newStr(s(self).toLowerCase()));
        Builtins.method(S, "strip", (rt, self, args, kw) -> same(rt, self, strip(rt, "strip", s(self), args, true, true)));
        Builtins.method(S, "lstrip", (rt, self, args, kw) -> same(rt, self, strip(rt, "lstrip", s(self), args, true, false)));
        Builtins.method(S, "rstrip", (rt, self, args, kw) -> same(rt, self, strip(rt, "rstrip", s(self), args, false, true)));
        Builtins.method(S, "replace", (rt, self, args, kw) -> {
            Builtins.arity(rt, "replace", args, 2, 3);
            String from = str(rt, args[0], "replace() argument 1 must be str"), to = str(rt, args[1], "replace() argument 2 must be str");
            String text = s(self);
            if (!text.contains(from)) return rt.heap.newRef(self);
            // replace() sizes its result first; an empty old string matches between every character.
            long matches = from.isEmpty() ? text.length() + 1L : occurrences(text, from);
            rt.checkStringLength(text.length() + matches * (to.length() - from.length()));
            return rt.newStr(text.replace(from, to));
        });
        Builtins.method(S, "split", (rt, self, args, kw) -> {
            List<String> parts = new ArrayList<>();
            String text = s(self);
            if (args.length == 0 || args[0] == PyRuntime.NONE) {
                for (String p : text.strip().split("\\s+")) if (!p.isEmpty()) parts.add(p);
            } else {
                String sep = str(rt, args[0], "must be str or None");
                if (sep.isEmpty()) throw rt.error(PyExc.VALUE_ERROR, "empty separator");
                int from = 0, at;
                while ((at = text.indexOf(sep, from)) >= 0) {
                    parts.add(text.substring(from, at));
                    from = at + sep.length();
                }
                parts.add(text.substring(from));
            }
            PyObject[] out = parts.stream().map(rt::newStr).toArray(PyObject[]::new);
            return rt.newList(out, out.length);
        });
        Builtins.method(S, "startswith", (rt, self, args, kw) -> PyRuntime.bool(affix(rt, "startswith", args, s(self)::startsWith)));
        Builtins.method(S, "endswith", (rt, self, args, kw) -> PyRuntime.bool(affix(rt, "endswith", args, s(self)::endsWith)));
        Builtins.method(S, "find", (rt, self, args, kw) -> {
            if (args.length < 1) throw rt.typeError("find() takes at least 1 argument (0 given)");
            return rt.newInt(s(self).indexOf(str(rt, args[0], "must be str")));
        });
        Builtins.method(S, "count", (rt, self, args, kw) -> {
            if (args.length < 1) throw rt.typeError("count() takes at least 1 argument (0 given)");
            String text = s(self), sub = str(rt, args[0], "must be str");
            if (sub.isEmpty()) return rt.newInt(text.length() + 1);
            return rt.newInt(occurrences(text, sub));
        });
        Builtins.method(S, "isdigit", (rt, self, args, kw) -> PyRuntime.bool(!s(self).isEmpty() && s(self).chars().allMatch(Character::isDigit)));
        Builtins.method(S, "isidentifier", (rt, self, args, kw) -> PyRuntime.bool(s(self).matches("[A-Za-z_][A-Za-z0-9_]*")));
        Builtins.method(S, "format", (rt, self, args, kw) -> {
            StringBuilder b = new StringBuilder();
            String t = s(self);
            int auto = 0;
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c == '{' && i + 1 < t.length() && t.charAt(i + 1) == '{') {
                    b.append('{');
                    i++;
                } else if (c == '}' && i + 1 < t.length() && t.charAt(i + 1) == '}') {
                    b.append('}');
                    i++;
                } else if (c == '{') {
                    int end = t.indexOf('}', i);
                    String field = t.substring(i + 1, end);
                    String spec = field.contains(":") ? field.substring(field.indexOf(':') + 1) : "";
                    String ref = field.contains(":") ? field.substring(0, field.indexOf(':')) : field;
                    PyObject v = ref.isEmpty() ? args[auto++] : ref.matches("\\d+") ? args[Integer.parseInt(ref)] : kw.get(ref);
                    b.append(Format.format(rt, v, spec));
                    i = end;
                } else {
                    b.append(c);
                }
            }
            return rt.newStr(b.toString());
        });
    }

    /** Non-overlapping occurrences of a non-empty {@code sub}, as str.count counts them. */
    private static long occurrences(String text, String sub) {
        long n = 0;
        for (int at = text.indexOf(sub); at >= 0; at = text.indexOf(sub, at + sub.length())) n++;
        return n;
    }

    private static String strip(PyRuntime rt, String name, String text, PyObject[] args, boolean left, boolean right) {
        if (args.length > 0 && args[0] != PyRuntime.NONE && !(args[0] instanceof PyStr)) {
            throw rt.typeError(name + " arg must be None or str");
        }
        String chars = args.length > 0 && args[0] != PyRuntime.NONE ? s(args[0]) : null;
        int lo = 0, hi = text.length();
        while (left && lo < hi && (chars == null ? Character.isWhitespace(text.charAt(lo)) : chars.indexOf(text.charAt(lo)) >= 0)) lo++;
        while (right && hi > lo && (chars == null ? Character.isWhitespace(text.charAt(hi - 1)) : chars.indexOf(text.charAt(hi - 1)) >= 0)) hi--;
        return text.substring(lo, hi);
    }
}
