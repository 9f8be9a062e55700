package dev.refgrade.runtime.protocol;

import dev.refgrade.python.CmpOp;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyMemoryView;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PySlice;
import java.util.Arrays;

/** A memoryview's subscripts, comparison and hash (memoryobject.c), for its one-dimensional 'B' format. */
public final class MemoryViews {
    private MemoryViews() {}

    /** CHECK_RELEASED: every use of a released view but repr, release and comparison raises. */
    public static PyMemoryView live(PyRuntime rt, PyMemoryView m) {
        if (m.released()) throw rt.error(PyExc.VALUE_ERROR, PyMemoryView.RELEASED);
        return m;
    }

    /** A new view of the same buffer (mbuf_add_view), sharing its export. */
    public static PyMemoryView view(PyRuntime rt, PyMemoryView m, int start, int step, int length, boolean readonly) {
        rt.heap.incref(m.mbuf);
        return rt.heap.alloc(new PyMemoryView(m.mbuf, start, step, length, readonly));
    }

    static PyObject getItem(PyRuntime rt, PyMemoryView m, PyObject key) {
        live(rt, m);
        if (key instanceof PySlice s) {
            long[] ix = s.indices(rt, m.length);
            return view(rt, m, m.start + (int) ix[0] * m.step, m.step * (int) ix[2], (int) ix[3], m.readonly);
        }
        return rt.newInt(m.get(index(rt, m, key)) & 0xff);
    }

    private static int index(PyRuntime rt, PyMemoryView m, PyObject key) {
        if (!(key instanceof PyInt)) throw rt.typeError("memoryview: invalid slice key");
        long i = Arith.toIndex(rt, key);
        if (i < 0) i += m.length;
        if (i < 0 || i >= m.length) throw rt.error(PyExc.INDEX_ERROR, "index out of bounds on dimension 1");
        return (int) i;
    }

    /** memory_ass_sub: a byte, or a slice given an equal number of bytes; never a change of size. */
    static void setItem(PyRuntime rt, PyMemoryView m, PyObject key, PyObject value) {
        live(rt, m);
        if (m.readonly) throw rt.typeError("cannot modify read-only memory");
        if (value == null) throw rt.typeError("cannot delete memory");
        if (key instanceof PySlice s) {
            long[] ix = s.indices(rt, m.length);
            byte[] src = BytesOps.buffer(value);
            if (src == null) throw rt.typeError("a bytes-like object is required, not '" + value.type().name + "'");
            if (src.length != ix[3]) throw rt.error(PyExc.VALUE_ERROR, "memoryview assignment: lvalue and rvalue have different structures");
            for (int k = 0; k < src.length; k++) m.set((int) (ix[0] + k * ix[2]), src[k]);
            return;
        }
        int i = index(rt, m, key);
        if (!(value instanceof PyInt v)) throw rt.typeError("memoryview: invalid type for format 'B'");
        if (v.big != null || v.small < 0 || v.small > 255) throw rt.error(PyExc.VALUE_ERROR, "memoryview: invalid value for format 'B'");
        m.set(i, (byte) v.small);
    }

    /**
     * memory_richcompare: only == and !=; a released view equals only itself; otherwise equal
     * contents with any other buffer. Null where CPython returns NotImplemented.
     */
    static Integer compare(PyObject a, PyObject b, CmpOp op) {
        if (op != CmpOp.EQ && op != CmpOp.NE) return null;
        if (a instanceof PyMemoryView x && x.released() || b instanceof PyMemoryView y && y.released()) return a == b ? 0 : 1;
        byte[] x = BytesOps.buffer(a), y = BytesOps.buffer(b);
        if (x == null || y == null) return null;
        return Arrays.equals(x, y) ? 0 : 1;
    }

    /** memory_hash: a read-only view hashes as bytes of its contents, once; a writable one cannot. */
    static long hash(PyRuntime rt, PyMemoryView m) {
        if (m.hash != -1) return rt.drawnAgain(m.hash);
        live(rt, m);
        if (!m.readonly) throw rt.error(PyExc.VALUE_ERROR, "cannot hash writable memoryview object");
        long h = rt.textHash(SipHash.ofBytes(m.bytes()));
        m.hash = h == -1 ? -2 : h;
        return m.hash;
    }
}
