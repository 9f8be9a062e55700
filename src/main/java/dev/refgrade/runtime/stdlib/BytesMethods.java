package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyBytes;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;
import dev.refgrade.runtime.protocol.Arith;
import dev.refgrade.runtime.protocol.BytesOps;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The methods bytes and bytearray share (Objects/bytes_methods.c and stringlib): ASCII-only case
 * and class tests, searching, splitting, stripping. An exact bytes that a method leaves unchanged
 * is returned itself, as CPython's are; a bytearray's result is always a new one.
 */
final class BytesMethods {
    private BytesMethods() {}

    static void install(Registry reg) {
        for (PyType t : List.of(PyType.BYTES, PyType.BYTEARRAY)) {
            reg.method(t, "decode", "encoding='utf-8', errors='strict'", (PyRuntime rt, PyObject self, Args a) ->
                    rt.newStr(Codecs.decode(rt, Codecs.codec(rt, a, "decode"), BytesOps.contents(self))));
            reg.method(t, "hex", "sep=<unrepresentable>, bytes_per_sep=1", BytesMethods::hex);
            Signature sub = Signature.parse("sub, start=None, end=None, /").as(Signature.Convention.PARSE_TUPLE);
            reg.method(t, "find", sub, (PyRuntime rt, PyObject self, Args a) -> rt.newInt(search(rt, self, a, "find", false)));
            reg.method(t, "rfind", sub, (PyRuntime rt, PyObject self, Args a) -> rt.newInt(search(rt, self, a, "rfind", true)));
            reg.method(t, "index", sub, (PyRuntime rt, PyObject self, Args a) -> rt.newInt(found(rt, search(rt, self, a, "index", false))));
            reg.method(t, "rindex", sub, (PyRuntime rt, PyObject self, Args a) -> rt.newInt(found(rt, search(rt, self, a, "rindex", true))));
            reg.method(t, "count", sub, BytesMethods::count);
            Signature affix = Signature.parse("prefix, start=None, end=None, /").as(Signature.Convention.PARSE_TUPLE);
            reg.method(t, "startswith", affix, (PyRuntime rt, PyObject self, Args a) -> affix(rt, self, a, "startswith", false));
            reg.method(t, "endswith", affix, (PyRuntime rt, PyObject self, Args a) -> affix(rt, self, a, "endswith", true));
            reg.method(t, "join", "iterable_of_bytes, /", BytesMethods::join);
            reg.method(t, "split", "sep=None, maxsplit=-1", (PyRuntime rt, PyObject self, Args a) -> BytesSplit.split(rt, self, a, false));
            reg.method(t, "rsplit", "sep=None, maxsplit=-1", (PyRuntime rt, PyObject self, Args a) -> BytesSplit.split(rt, self, a, true));
            reg.method(t, "partition", "sep, /", (PyRuntime rt, PyObject self, Args a) -> BytesSplit.partition(rt, self, a, false));
            reg.method(t, "rpartition", "sep, /", (PyRuntime rt, PyObject self, Args a) -> BytesSplit.partition(rt, self, a, true));
            reg.method(t, "strip", "bytes=None, /", (PyRuntime rt, PyObject self, Args a) -> BytesSplit.strip(rt, self, a, true, true));
            reg.method(t, "lstrip", "bytes=None, /", (PyRuntime rt, PyObject self, Args a) -> BytesSplit.strip(rt, self, a, true, false));
            reg.method(t, "rstrip", "bytes=None, /", (PyRuntime rt, PyObject self, Args a) -> BytesSplit.strip(rt, self, a, false, true));
            reg.method(t, "replace", "old, new, count=-1, /", BytesSplit::replace);
            reg.method(t, "removeprefix", "prefix, /", (PyRuntime rt, PyObject self, Args a) -> remove(rt, self, a.get("prefix"), false));
            reg.method(t, "removesuffix", "suffix, /", (PyRuntime rt, PyObject self, Args a) -> remove(rt, self, a.get("suffix"), true));
            reg.method(t, "upper", "", (PyRuntime rt, PyObject self, Args a) -> mapped(rt, self, c -> c >= 'a' && c <= 'z' ? c - 32 : c));
            reg.method(t, "lower", "", (PyRuntime rt, PyObject self, Args a) -> mapped(rt, self, c -> c >= 'A' && c <= 'Z' ? c + 32 : c));
            reg.method(t, "swapcase", "", (PyRuntime rt, PyObject self, Args a) ->
                    mapped(rt, self, c -> c >= 'a' && c <= 'z' ? c - 32 : c >= 'A' && c <= 'Z' ? c + 32 : c));
            reg.method(t, "isdigit", "", (PyRuntime rt, PyObject self, Args a) -> all(self, c -> c >= '0' && c <= '9'));
            reg.method(t, "isalpha", "", (PyRuntime rt, PyObject self, Args a) -> all(self, BytesMethods::alpha));
            reg.method(t, "isalnum", "", (PyRuntime rt, PyObject self, Args a) -> all(self, c -> alpha(c) || c >= '0' && c <= '9'));
            reg.method(t, "isspace", "", (PyRuntime rt, PyObject self, Args a) -> all(self, BytesSplit::space));
            reg.method(t, "isascii", "", (PyRuntime rt, PyObject self, Args a) -> {
                for (byte b : BytesOps.contents(self)) if (b < 0) return PyRuntime.FALSE;
                return PyRuntime.TRUE;
            });
            reg.method(t, "islower", "", (PyRuntime rt, PyObject self, Args a) -> cased(self, 'a', 'A'));
            reg.method(t, "isupper", "", (PyRuntime rt, PyObject self, Args a) -> cased(self, 'A', 'a'));
        }
    }

    /** _Py_bytes_islower / isupper: some byte of the asked case and none of the other. */
    private static PyObject cased(PyObject self, char first, char other) {
        boolean some = false;
        for (byte b : BytesOps.contents(self)) {
            if (b >= other && b <= other + 25) return PyRuntime.FALSE;
            if (b >= first && b <= first + 25) some = true;
        }
        return PyRuntime.bool(some);
    }

    private static boolean alpha(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** The is* tests: false for no bytes, else every byte passes. */
    private static PyObject all(PyObject self, java.util.function.IntPredicate p) {
        byte[] data = BytesOps.contents(self);
        if (data.length == 0) return PyRuntime.FALSE;
        for (byte b : data) if (!p.test(b & 0xff)) return PyRuntime.FALSE;
        return PyRuntime.TRUE;
    }

    /** upper/lower/swapcase: always a new object (a singleton when short), ASCII letters only changed. */
    private static PyObject mapped(PyRuntime rt, PyObject self, java.util.function.IntUnaryOperator f) {
        byte[] data = BytesOps.contents(self).clone();
        for (int i = 0; i < data.length; i++) data[i] = (byte) f.applyAsInt(data[i] & 0xff);
        return BytesOps.make(rt, self, data);
    }

    /**
     * bytes.hex, bytearray.hex, memoryview.hex: Clinic converts bytes_per_sep to a C int first, then
     * _Py_strhex_impl checks sep (one ASCII character, str or bytes) and groups the digits in
     * |bytes_per_sep| bytes counted from the right end (from the left when negative).
     */
    static PyObject hex(PyRuntime rt, PyObject self, Args a) {
        PyObject sepArg = a.get("sep");
        PyObject perArg = a.get("bytes_per_sep");
        boolean huge = perArg instanceof PyInt i && !i.fitsLong();
        long group = perArg == null || huge ? 1 : Arith.toLong(rt, perArg);
        if (huge || group < Integer.MIN_VALUE || group > Integer.MAX_VALUE) {
            throw rt.error(PyExc.OVERFLOW_ERROR, "Python int too large to convert to C int"); // Clinic's _PyLong_AsInt
        }
        char sep = 0;
        if (sepArg != null) {
            if (rt.ops.len(sepArg) != 1) throw rt.error(PyExc.VALUE_ERROR, "sep must be length 1.");
            int c;
            if (sepArg instanceof PyStr str) c = str.value.codePointAt(0);
            else if (sepArg instanceof PyBytes bytes) c = bytes.value()[0] & 0xFF;
            else throw rt.typeError("sep must be str or bytes.");
            if (c > 127) throw rt.error(PyExc.VALUE_ERROR, "sep must be ASCII.");
            sep = (char) c;
        } else {
            group = 0;
        }
        byte[] data = BytesOps.contents(self);
        long per = Math.abs(group);
        if (per >= data.length) per = 0;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < data.length; i++) {
            // Separators fall every `per` bytes, counted from the end unless the group is negative.
            int fromGroupStart = group < 0 ? i : data.length - i;
            if (per > 0 && i > 0 && fromGroupStart % per == 0) b.append(sep);
            b.append(Character.forDigit((data[i] >> 4) & 15, 16)).append(Character.forDigit(data[i] & 15, 16));
        }
        return rt.newStr(b.toString());
    }

    /** The sub argument of find/count/index: an int is one byte (stringlib parse_args_finds_byte). */
    static byte[] needle(PyRuntime rt, PyObject sub) {
        if (sub instanceof PyInt) return new byte[] {BytesOps.byteValue(rt, sub)};
        byte[] b = BytesOps.buffer(sub);
        if (b == null) throw rt.typeError("argument should be integer or bytes-like object, not '" + sub.type().name + "'");
        return b;
    }

    /**
     * start and end as ADJUST_INDICES leaves them: negatives counted from the end, end cut to the
     * length, but start never cut (a start past the end finds nothing, not even b'').
     */
    private static int[] window(PyRuntime rt, Args a, int n) {
        long start = bound(rt, a.get("start"), 0, n), end = Math.min(bound(rt, a.get("end"), n, n), n);
        return new int[] {(int) Math.min(start, n + 1L), (int) end};
    }

    /** _PyEval_SliceIndex: None or an int, clipped to what fits an index. */
    private static long bound(PyRuntime rt, PyObject v, long dflt, int n) {
        if (v == null || v == PyRuntime.NONE) return dflt;
        if (!(v instanceof PyInt i)) throw rt.typeError("slice indices must be integers or None or have an __index__ method");
        long x = i.big != null ? (i.big.signum() < 0 ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2) : i.small;
        return x < 0 ? Math.max(0, x + n) : x;
    }

    private static int search(PyRuntime rt, PyObject self, Args a, String name, boolean fromRight) {
        byte[] data = BytesOps.contents(self);
        PyObject subArg = a.get("sub");
        int[] w = window(rt, a, data.length); // parse_args_finds converts start and end before sub
        byte[] sub = needle(rt, subArg);
        if (w[1] - w[0] < sub.length) return -1;
        if (!fromRight) return BytesOps.indexOf(rt, data, sub, w[0], w[1]);
        rt.charge(w[1] - w[0]);
        outer:
        for (int i = w[1] - sub.length; i >= w[0]; i--) {
            for (int k = 0; k < sub.length; k++) if (data[i + k] != sub[k]) continue outer;
            return i;
        }
        return -1;
    }

    private static int found(PyRuntime rt, int at) {
        if (at < 0) throw rt.error(PyExc.VALUE_ERROR, "subsection not found");
        return at;
    }

    private static PyObject count(PyRuntime rt, PyObject self, Args a) {
        byte[] data = BytesOps.contents(self);
        PyObject subArg = a.get("sub");
        int[] w = window(rt, a, data.length);
        byte[] sub = needle(rt, subArg);
        if (w[1] - w[0] < sub.length) return rt.newInt(0);
        if (sub.length == 0) return rt.newInt(w[1] - w[0] + 1);
        long n = 0;
        for (int at = BytesOps.indexOf(rt, data, sub, w[0], w[1]); at >= 0; at = BytesOps.indexOf(rt, data, sub, at + sub.length, w[1])) n++;
        return rt.newInt(n);
    }

    private static PyObject affix(PyRuntime rt, PyObject self, Args a, String name, boolean end) {
        byte[] data = BytesOps.contents(self);
        PyObject prefix = a.get("prefix");
        int[] w = window(rt, a, data.length);
        PyObject[] options = prefix instanceof PyTuple t ? t.items : new PyObject[] {prefix};
        for (PyObject o : options) {
            byte[] p = BytesOps.buffer(o);
            if (p == null) throw rt.typeError(name + " first arg must be bytes or a tuple of bytes, not " + o.type().name);
            if (w[1] - w[0] < p.length) continue;
            int at = end ? w[1] - p.length : w[0];
            if (Arrays.equals(data, at, at + p.length, p, 0, p.length)) return PyRuntime.TRUE;
        }
        return PyRuntime.FALSE;
    }

    /** bytes.join: one exact bytes joined with nothing is that bytes itself; a bytearray joins into a new one. */
    private static PyObject join(PyRuntime rt, PyObject self, Args a) {
        PyObject[] items = StrMethods.joinItems(rt, a.get("iterable_of_bytes"));
        try {
            if (self instanceof PyBytes && items.length == 1 && items[0].type() == PyType.BYTES) return rt.heap.newRef(items[0]);
            byte[] sep = BytesOps.contents(self);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < items.length; i++) {
                byte[] b = BytesOps.buffer(items[i]);
                if (b == null) throw rt.typeError("sequence item " + i + ": expected a bytes-like object, " + items[i].type().name + " found");
                if (i > 0) out.write(sep, 0, sep.length);
                out.write(b, 0, b.length);
                rt.checkStringLength(out.size());
            }
            return BytesOps.make(rt, self, out.toByteArray());
        } finally {
            for (PyObject o : items) rt.heap.decref(o);
        }
    }

    private static PyObject remove(PyRuntime rt, PyObject self, PyObject affix, boolean suffix) {
        byte[] data = BytesOps.contents(self), p = BytesOps.required(rt, affix);
        boolean has = p.length > 0 && data.length >= p.length
                && Arrays.equals(data, suffix ? data.length - p.length : 0, suffix ? data.length : p.length, p, 0, p.length);
        if (!has) return BytesOps.same(rt, self, data);
        return BytesOps.make(rt, self, suffix ? Arrays.copyOf(data, data.length - p.length) : Arrays.copyOfRange(data, p.length, data.length));
    }

    /** The list of parts a split gives, each a new object of the receiver's kind. */
    static List<PyObject> parts(PyRuntime rt, PyObject self, List<byte[]> pieces) {
        List<PyObject> out = new ArrayList<>(pieces.size());
        for (byte[] p : pieces) out.add(BytesOps.make(rt, self, p));
        return out;
    }
}
