package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyBytes;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.protocol.BytesOps;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * stringlib's split, partition, strip and replace over bytes and bytearray. Where a bytes is left
 * whole (nothing split off, nothing stripped, nothing replaced) an exact bytes is its own result;
 * a bytearray (STRINGLIB_MUTABLE) always gets new objects.
 */
final class BytesSplit {
    private BytesSplit() {}

    /** Py_ISSPACE: the ASCII whitespace bytes. */
    static boolean space(int c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    static PyObject split(PyRuntime rt, PyObject self, Args a, boolean fromRight) {
        PyObject sepArg = a.orNone("sep");
        long max = a.index("maxsplit");
        if (max < 0) max = Long.MAX_VALUE;
        byte[] data = BytesOps.contents(self);
        List<int[]> spans = new ArrayList<>();
        boolean whole;
        if (sepArg == PyRuntime.NONE) {
            whitespace(data, max, fromRight, spans);
            // split_whitespace: a text with no whitespace at all is list[0] itself.
            whole = spans.size() == 1 && spans.get(0)[0] == 0 && spans.get(0)[1] == data.length && max > 0;
        } else {
            byte[] sep = BytesOps.required(rt, sepArg);
            if (sep.length == 0) throw rt.error(PyExc.VALUE_ERROR, "empty separator");
            bySeparator(rt, data, sep, max, fromRight, spans);
            whole = spans.size() == 1;
        }
        if (fromRight) Collections.reverse(spans);
        PyObject[] out = new PyObject[spans.size()];
        for (int i = 0; i < out.length; i++) {
            int[] s = spans.get(i);
            out[i] = whole && self instanceof PyBytes ? rt.heap.newRef(self) : BytesOps.make(rt, self, Arrays.copyOfRange(data, s[0], s[1]));
        }
        return StrMethods.splitList(rt, out, max);
    }

    /** The runs of non-whitespace, at most max of them split off (from the right for rsplit, spans listed right to left). */
    private static void whitespace(byte[] data, long max, boolean fromRight, List<int[]> spans) {
        int n = data.length;
        if (!fromRight) {
            int i = 0;
            for (long m = max; m > 0; m--) {
                while (i < n && space(data[i])) i++;
                if (i == n) break;
                int j = i;
                while (i < n && !space(data[i])) i++;
                spans.add(new int[] {j, i});
            }
            while (i < n && space(data[i])) i++;
            if (i < n) spans.add(new int[] {i, n});
            return;
        }
        int i = n - 1;
        for (long m = max; m > 0; m--) {
            while (i >= 0 && space(data[i])) i--;
            if (i < 0) break;
            int j = i;
            while (i >= 0 && !space(data[i])) i--;
            spans.add(new int[] {i + 1, j + 1});
        }
        while (i >= 0 && space(data[i])) i--;
        if (i >= 0) spans.add(new int[] {0, i + 1});
    }

    private static void bySeparator(PyRuntime rt, byte[] data, byte[] sep, long max, boolean fromRight, List<int[]> spans) {
        if (!fromRight) {
            int from = 0, at;
            for (long m = max; m > 0 && (at = BytesOps.indexOf(rt, data, sep, from, data.length)) >= 0; m--) {
                spans.add(new int[] {from, at});
                from = at + sep.length;
            }
            spans.add(new int[] {from, data.length});
            return;
        }
        int end = data.length, at;
        for (long m = max; m > 0 && (at = lastIndexOf(rt, data, sep, end)) >= 0; m--) {
            spans.add(new int[] {at + sep.length, end});
            end = at;
        }
        spans.add(new int[] {0, end});
    }

    private static int lastIndexOf(PyRuntime rt, byte[] data, byte[] sep, int end) {
        rt.charge(end);
        outer:
        for (int i = end - sep.length; i >= 0; i--) {
            for (int k = 0; k < sep.length; k++) if (data[i + k] != sep[k]) continue outer;
            return i;
        }
        return -1;
    }

    /** stringlib partition: for bytes the separator object itself is the middle item; a bytearray copies it. */
    static PyObject partition(PyRuntime rt, PyObject self, Args a, boolean fromRight) {
        PyObject sepArg = a.get("sep");
        byte[] data = BytesOps.contents(self), sep = BytesOps.required(rt, sepArg);
        if (sep.length == 0) throw rt.error(PyExc.VALUE_ERROR, "empty separator");
        int at = fromRight ? lastIndexOf(rt, data, sep, data.length) : BytesOps.indexOf(rt, data, sep, 0, data.length);
        if (at < 0) {
            PyObject whole = BytesOps.same(rt, self, data), e1 = BytesOps.make(rt, self, new byte[0]), e2 = BytesOps.make(rt, self, new byte[0]);
            return fromRight ? rt.newTuple(e1, e2, whole) : rt.newTuple(whole, e1, e2);
        }
        PyObject left = BytesOps.make(rt, self, Arrays.copyOf(data, at));
        PyObject middle = self instanceof PyBytes ? rt.heap.newRef(sepArg) : BytesOps.make(rt, self, sep);
        return rt.newTuple(left, middle, BytesOps.make(rt, self, Arrays.copyOfRange(data, at + sep.length, data.length)));
    }

    static PyObject strip(PyRuntime rt, PyObject self, Args a, boolean left, boolean right) {
        PyObject arg = a.orNone("bytes");
        byte[] data = BytesOps.contents(self);
        byte[] chars = arg == PyRuntime.NONE ? null : BytesOps.required(rt, arg);
        java.util.BitSet set = new java.util.BitSet(256);
        if (chars != null) for (byte c : chars) set.set(c & 0xff);
        int lo = 0, hi = data.length;
        while (left && lo < hi && (chars == null ? space(data[lo]) : set.get(data[lo] & 0xff))) lo++;
        while (right && hi > lo && (chars == null ? space(data[hi - 1]) : set.get(data[hi - 1] & 0xff))) hi--;
        rt.charge(data.length);
        return BytesOps.same(rt, self, Arrays.copyOfRange(data, lo, hi));
    }

    /** stringlib_replace: the receiver itself (a copy for bytearray) whenever nothing is replaced. */
    static PyObject replace(PyRuntime rt, PyObject self, Args a) {
        PyObject oldArg = a.get("old"), newArg = a.get("new");
        // Clinic converts in order: old, new (Py_buffer), then count.
        byte[] data = BytesOps.contents(self), from = BytesOps.required(rt, oldArg), to = BytesOps.required(rt, newArg);
        long max = a.index("count");
        if (max < 0) max = Long.MAX_VALUE;
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
        long done = 0;
        if (from.length == 0) {
            if (max == 0 || to.length == 0) return BytesOps.same(rt, self, data);
            // replace_interleave: `to` before each of the first count-1 bytes, and once more before the rest.
            long count = Math.min(data.length + 1L, max);
            rt.checkStringLength(data.length + count * to.length);
            for (int i = 0; i < count - 1; i++) {
                out.write(to, 0, to.length);
                out.write(data[i]);
            }
            out.write(to, 0, to.length);
            out.write(data, (int) count - 1, data.length - (int) count + 1);
            return BytesOps.make(rt, self, out.toByteArray());
        }
        int at = 0;
        for (int hit; done < max && (hit = BytesOps.indexOf(rt, data, from, at, data.length)) >= 0; done++) {
            out.write(data, at, hit - at);
            out.write(to, 0, to.length);
            at = hit + from.length;
            rt.checkStringLength(out.size());
        }
        if (done == 0) return BytesOps.same(rt, self, data);
        out.write(data, at, data.length - at);
        return BytesOps.make(rt, self, out.toByteArray());
    }
}
