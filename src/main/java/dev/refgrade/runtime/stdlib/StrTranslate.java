package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.StaticObjects;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyFuncWrapper;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;

/**
 * str.maketrans (a staticmethod, unicode_maketrans_impl) and str.translate
 * (_PyUnicode_TranslateCharmap with errors="ignore"), including the ASCII fast path's cache, which
 * decides how often the table is looked up.
 */
final class StrTranslate {
    private StrTranslate() {}

    /** The fast path's cache marks: not looked up yet (0xff in CPython), and a deletion (0xfe). */
    private static final int UNSET = -1, DELETE = -2;

    static void install(Registry reg) {
        // METH_STATIC from Argument Clinic: _PyArg_CheckPositional, then y and z converted as str.
        Signature sig = Signature.parse("x, y=<unrepresentable>, z=<unrepresentable>, /").as(Signature.Convention.POSITIONAL)
                .named("str.maketrans", "maketrans");
        PyBuiltin f = StaticObjects.place(new PyBuiltin("builtins", "maketrans", sig, (rt, self, a) -> maketrans(rt, a), null));
        PyType.STR.install("maketrans", StaticObjects.place(new PyFuncWrapper(PyFuncWrapper.Kind.STATIC, f)));
        reg.method(PyType.STR, "translate", Signature.parse("table, /").as(Signature.Convention.O), StrTranslate::translate);
    }

    private static PyObject maketrans(PyRuntime rt, Args a) {
        PyObject x = a.get("x"), y = a.get("y"), z = a.get("z");
        if (y != null && !(y instanceof PyStr)) throw rt.typeError("maketrans() argument 2 must be str, not " + y.type().name);
        if (z != null && !(z instanceof PyStr)) throw rt.typeError("maketrans() argument 3 must be str, not " + z.type().name);
        PyDict out = rt.newDict();
        try {
            if (y != null) fromStrings(rt, out, x, ((PyStr) y).value, z == null ? "" : ((PyStr) z).value);
            else fromDict(rt, out, x);
        } catch (RuntimeException e) {
            rt.heap.decref(out);
            throw e;
        }
        return out;
    }

    /** Each character of x to the one of y at its place, then each of z to None. */
    private static void fromStrings(PyRuntime rt, PyDict out, PyObject x, String y, String z) {
        if (!(x instanceof PyStr xs)) throw rt.typeError("first maketrans argument must be a string if there is a second argument");
        int[] from = xs.value.codePoints().toArray(), to = y.codePoints().toArray();
        if (from.length != to.length) throw rt.error(PyExc.VALUE_ERROR, "the first two maketrans arguments must have equal length");
        for (int i = 0; i < from.length; i++) putOwned(rt, out, rt.newInt(from[i]), rt.newInt(to[i]));
        for (int c : z.codePoints().toArray()) putOwned(rt, out, rt.newInt(c), rt.heap.newRef(PyRuntime.NONE));
    }

    /** An exact dict's entries in order, a one-character str key turned into its code point, int keys kept. */
    private static void fromDict(PyRuntime rt, PyDict out, PyObject x) {
        if (!(x instanceof PyDict d) || x.type() != PyType.DICT) {
            throw rt.typeError("if you give only one argument to maketrans it must be a dict");
        }
        for (int i = 0; i < d.entries; i++) {
            PyObject key = d.keys[i], value = d.values[i];
            if (key == null) continue;
            if (key instanceof PyStr s) {
                if (s.value.codePointCount(0, s.value.length()) != 1) {
                    throw rt.error(PyExc.VALUE_ERROR, "string keys in translate table must be of length 1");
                }
                PyObject k = rt.newInt(s.value.codePointAt(0));
                out.put(rt, k, value);
                rt.heap.decref(k);
            } else if (key instanceof PyInt) {
                out.put(rt, key, value);
            } else {
                throw rt.typeError("keys in translate table must be strings or integers");
            }
        }
    }

    private static void putOwned(PyRuntime rt, PyDict d, PyObject key, PyObject value) {
        d.putOwned(rt, key, value);
        rt.heap.decref(key);
    }

    /**
     * translate(table): each character looked up as table[ord(c)]; a LookupError keeps it, None
     * deletes it, an int or str replaces it. ASCII text first goes through the fast path, which
     * caches each character's ASCII answer and leaves at the first other one (looked up again).
     */
    static PyObject translate(PyRuntime rt, PyStr self, Args a) {
        PyObject table = a.get("table");
        String text = self.value;
        if (text.isEmpty()) return rt.heap.newRef(self);
        StringBuilder b = new StringBuilder(text.length());
        int[] cps = text.codePoints().toArray();
        int i = 0;
        if (text.chars().allMatch(c -> c < 128)) {
            int[] cache = new int[128];
            java.util.Arrays.fill(cache, UNSET);
            for (; i < cps.length; i++) {
                int c = cps[i];
                if (cache[c] == UNSET && !fastLookup(rt, table, c, cache)) break;
                if (cache[c] != DELETE) b.append((char) cache[c]);
            }
        }
        for (; i < cps.length; i++) {
            PyObject item = lookup(rt, table, cps[i]);
            // A deleted character starts a run of them, each looked up once more to find its end.
            if (item == PyRuntime.NONE) {
                rt.heap.decref(item);
                int end = i + 1;
                while (end < cps.length) {
                    PyObject next = lookup(rt, table, cps[end]);
                    if (next != null) rt.heap.decref(next);
                    if (next != PyRuntime.NONE) break;
                    end++;
                }
                i = end - 1;
                continue;
            }
            if (item == null) b.appendCodePoint(cps[i]);
            else if (item instanceof PyInt n) b.appendCodePoint((int) n.longValue());
            else b.append(((PyStr) item).value);
            if (item != null) rt.heap.decref(item);
            rt.checkStringLength(b.length());
        }
        return rt.newStr(b.toString());
    }

    /** unicode_fast_translate_lookup: caches an ASCII answer and says true, or says false for any other. */
    private static boolean fastLookup(PyRuntime rt, PyObject table, int c, int[] cache) {
        PyObject item = lookup(rt, table, c);
        if (item == null) {
            cache[c] = c;
            return true;
        }
        try {
            int to = item == PyRuntime.NONE ? DELETE
                    : item instanceof PyInt n ? (int) n.longValue()
                    : ((PyStr) item).value.length() == 1 ? ((PyStr) item).value.charAt(0) : 128;
            if (to >= 128) return false;
            cache[c] = to;
            return true;
        } finally {
            rt.heap.decref(item);
        }
    }

    /** charmaptranslate_lookup: the item (owned), null when the table raised a LookupError; its type and range checked. */
    private static PyObject lookup(PyRuntime rt, PyObject table, int c) {
        PyObject key = rt.newInt(c), x;
        try {
            x = rt.ops.getItem(table, key);
        } catch (PyException e) {
            if (!e.matches(PyExc.LOOKUP_ERROR)) throw e;
            e.discard(rt.heap);
            return null;
        } finally {
            rt.heap.decref(key);
        }
        if (x == PyRuntime.NONE || x instanceof PyStr) return x;
        if (x instanceof PyInt n) {
            if (n.fitsLong() && n.longValue() >= 0 && n.longValue() <= 0x10ffff) return x;
            rt.heap.decref(x);
            throw rt.error(PyExc.VALUE_ERROR, "character mapping must be in range(0x110000)");
        }
        rt.heap.decref(x);
        throw rt.typeError("character mapping must return integer, None or str");
    }
}
