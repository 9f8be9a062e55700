package dev.refgrade.runtime.protocol;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyByteArray;
import dev.refgrade.runtime.objects.PyBytes;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyMemoryView;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PySlice;
import dev.refgrade.runtime.objects.PyStr;
import java.util.Arrays;

/** The sequence and buffer behaviour of bytes and bytearray (bytesobject.c, bytearrayobject.c, bytes_methods.c). */
public final class BytesOps {
    private BytesOps() {}

    /** PyObject_GetBuffer of a bytes-like object: a copy of its bytes, or null when it exports no buffer. */
    public static byte[] contents(PyObject o) {
        return switch (o) {
            case PyBytes b -> b.value();
            case PyByteArray b -> b.bytes();
            case PyMemoryView m when m.released() -> throw new PyException(PyExc.VALUE_ERROR, PyMemoryView.RELEASED);
            case PyMemoryView m -> m.bytes();
            default -> null;
        };
    }

    /** The buffer of any object a bytes operation is given: {@link #contents}, refusing an array's. */
    public static byte[] buffer(PyObject o) {
        refuseArrayBuffer(o);
        return contents(o);
    }

    /** An array exports its C values as a buffer (array_buffer_getbuf), which is not modelled. */
    private static void refuseArrayBuffer(PyObject o) {
        if (o instanceof dev.refgrade.runtime.objects.PyArray) throw new dev.refgrade.runtime.Unsupported("the buffer of an array.array", 0);
    }

    /** The buffer of an argument that must be bytes-like, or the TypeError "a bytes-like object is required". */
    public static byte[] required(PyRuntime rt, PyObject o) {
        refuseArrayBuffer(o);
        byte[] b = contents(o);
        if (b == null) throw rt.typeError("a bytes-like object is required, not '" + o.type().name + "'");
        return b;
    }

    /** The bytes itself when the result is all of an exact bytes (as the methods that change nothing return), else a new one. */
    public static PyObject same(PyRuntime rt, PyObject self, byte[] result) {
        if (self instanceof PyBytes b && Arrays.equals(b.value(), result)) return rt.heap.newRef(b);
        return make(rt, self, result);
    }

    /** A new object of the receiver's kind (bytes or bytearray) holding {@code result}. */
    public static PyObject make(PyRuntime rt, PyObject self, byte[] result) {
        return self instanceof PyByteArray ? rt.heap.alloc(new PyByteArray(result)) : rt.newBytes(result);
    }

    /** _getbytevalue: an int in range(0, 256). */
    public static byte byteValue(PyRuntime rt, PyObject o) {
        if (!(o instanceof PyInt i)) throw rt.typeError("'" + o.type().name + "' object cannot be interpreted as an integer");
        if (i.big != null || i.small < 0 || i.small > 255) throw rt.error(PyExc.VALUE_ERROR, "byte must be in range(0, 256)");
        return (byte) i.small;
    }

    /** bytes_subscript / bytearray_subscript: an int for an index, a new sequence for a slice. */
    static PyObject getItem(PyRuntime rt, PyObject self, byte[] data, PyObject key) {
        boolean array = self instanceof PyByteArray;
        if (key instanceof PySlice s) {
            long[] ix = s.indices(rt, data.length);
            if (!array && ix[0] == 0 && ix[2] == 1 && ix[3] == data.length) return rt.heap.newRef(self);
            byte[] out = new byte[(int) ix[3]];
            for (int k = 0; k < out.length; k++) out[k] = data[(int) (ix[0] + k * ix[2])];
            return make(rt, self, out);
        }
        if (!Arith.hasIndex(rt, key)) {
            throw rt.typeError((array ? "bytearray" : "byte") + " indices must be integers or slices, not " + key.type().name);
        }
        long i = Arith.toIndex(rt, key);
        if (i < 0) i += data.length;
        if (i < 0 || i >= data.length) throw rt.error(PyExc.INDEX_ERROR, array ? "bytearray index out of range" : "index out of range");
        return rt.newInt(data[(int) i] & 0xff);
    }

    /** _Py_bytes_contains: an int is looked for as one byte, a bytes-like object as a run of them. */
    static boolean contains(PyRuntime rt, byte[] data, PyObject item) {
        if (item instanceof PyInt) {
            byte b = byteValue(rt, item);
            for (byte x : data) if (x == b) return true;
            return false;
        }
        return indexOf(rt, data, required(rt, item), 0, data.length) >= 0;
    }

    /** The first index of {@code sub} in data[start, end), or -1. */
    public static int indexOf(PyRuntime rt, byte[] data, byte[] sub, int start, int end) {
        rt.charge(end - start);
        outer:
        for (int i = start; i + sub.length <= end; i++) {
            for (int k = 0; k < sub.length; k++) if (data[i + k] != sub[k]) continue outer;
            return i;
        }
        return -1;
    }

    /** bytes_richcompare / bytearray_richcompare: unsigned lexicographic order of two buffers. */
    static int compare(PyRuntime rt, byte[] a, byte[] b) {
        rt.charge(Math.min(a.length, b.length));
        return Integer.signum(Arrays.compareUnsigned(a, b));
    }

    /** The TypeError of a bytes-like object's failed concatenation with a non-buffer. */
    static dev.refgrade.runtime.objects.PyException concatError(PyRuntime rt, PyObject a, PyObject b) {
        return rt.typeError("can't concat " + b.type().name + " to " + a.type().name);
    }

    /** bytes_concat / PyByteArray_Concat: the left operand's kind; an exact bytes is returned when the other side is empty. */
    static PyObject concat(PyRuntime rt, PyObject a, PyObject b) {
        byte[] x = buffer(a), y = buffer(b);
        if (y == null) return null; // the other operand's __radd__ may yet answer
        if (a instanceof PyBytes) {
            if (x.length == 0 && b instanceof PyBytes) return rt.heap.newRef(b);
            if (y.length == 0) return rt.heap.newRef(a);
        }
        rt.checkStringLength((long) x.length + y.length);
        byte[] out = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return make(rt, a, out);
    }

    /** bytes_repeat (the very bytes for n == 1) / bytearray_repeat (always new). */
    static PyObject repeat(PyRuntime rt, PyObject seq, long n) {
        byte[] data = contents(seq);
        if (n == 1 && seq instanceof PyBytes) return rt.heap.newRef(seq);
        n = Math.max(0, n);
        rt.checkStringLength(n > 0 && data.length > Long.MAX_VALUE / n ? Long.MAX_VALUE : data.length * n);
        byte[] out = new byte[(int) (data.length * n)];
        for (int i = 0; i < out.length; i++) out[i] = data[i % data.length];
        return make(rt, seq, out);
    }

    /** bytearray_iconcat: resized in place (the growth policy shows in sys.getsizeof). */
    static PyObject inplaceConcat(PyRuntime rt, PyByteArray self, PyObject other) {
        byte[] y = buffer(other);
        if (y == null) throw rt.typeError("can't concat " + other.type().name + " to bytearray");
        resizing(rt, self);
        self.replace(self.length(), self.length(), y);
        return rt.heap.newRef(self);
    }

    /** bytearray_irepeat: n == 1 changes nothing; else one resize to the new length. */
    static PyObject inplaceRepeat(PyRuntime rt, PyByteArray self, long n) {
        if (n == 1) return rt.heap.newRef(self);
        byte[] data = self.bytes();
        n = Math.max(0, n);
        rt.checkStringLength(n > 0 && data.length > Long.MAX_VALUE / n ? Long.MAX_VALUE : data.length * n);
        int size = (int) (data.length * n);
        if (size != data.length) resizing(rt, self);
        self.resize(size);
        for (int i = 0; i < size; i++) self.set(i, data[i % data.length]);
        return rt.heap.newRef(self);
    }

    /** _canresize: a bytearray exported to a memoryview refuses any change of its length. */
    public static void resizing(PyRuntime rt, PyByteArray self) {
        String refusal = self.resizeRefusal();
        if (refusal != null) throw rt.error(PyExc.BUFFER_ERROR, refusal);
    }

    /** bytearray_ass_subscript: b[i] = int, b[slice] = bytes-like or iterable of ints, del b[i] / b[slice]. */
    static void setItem(PyRuntime rt, PyByteArray self, PyObject key, PyObject value) {
        int n = self.length();
        if (Arith.hasIndex(rt, key)) {
            long i = Arith.toIndex(rt, key);
            if (i < 0) i += n;
            if (i < 0 || i >= n) throw rt.error(PyExc.INDEX_ERROR, "bytearray index out of range");
            if (value != null) {
                self.set((int) i, byteValue(rt, value));
                return;
            }
            resizing(rt, self); // deleting one byte: the slice [i:i+1] removed
            self.replace((int) i, (int) i + 1, new byte[0]);
            return;
        }
        if (!(key instanceof PySlice s)) {
            throw rt.typeError("bytearray indices must be integers or slices, not " + key.type().name);
        }
        assign(rt, self, s, value);
    }

    private static void assign(PyRuntime rt, PyByteArray self, PySlice s, PyObject value) {
        byte[] with;
        if (value == null) with = new byte[0];
        else if (value instanceof PyByteArray b && b != self) with = b.bytes();
        else if (value instanceof PyInt || Arith.isNumber(value) || value instanceof PyStr) {
            throw rt.typeError("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        } else {
            with = buffer(value);
            if (with == null) with = fromIterable(rt, value, "bytearray", "byte must be in range(0, 256)");
        }
        long[] ix = s.indices(rt, self.length());
        int start = (int) ix[0], stop = (int) ix[1], step = (int) ix[2], count = (int) ix[3];
        if (step < 0 && start < stop || step > 0 && start > stop) stop = start;
        if (step == 1) {
            if (with.length != stop - start) resizing(rt, self);
            self.replace(start, stop, with);
            return;
        }
        if (value == null) {
            if (count > 0) resizing(rt, self);
            byte[] data = self.bytes();
            java.util.BitSet gone = new java.util.BitSet();
            for (int k = 0; k < count; k++) gone.set(start + k * step);
            int w = 0;
            for (int i = 0; i < data.length; i++) if (!gone.get(i)) data[w++] = data[i];
            self.resize(w);
            for (int i = 0; i < w; i++) self.set(i, data[i]);
            return;
        }
        if (with.length != count) {
            throw rt.error(PyExc.VALUE_ERROR, "attempt to assign bytes of size " + with.length + " to extended slice of size " + count);
        }
        for (int k = 0; k < count; k++) self.set(start + k * step, with[k]);
    }

    /** The ints an iterable yields; a non-iterable cannot be converted, with the constructor's own wording. */
    public static byte[] fromIterable(PyRuntime rt, PyObject source, String kind, String rangeMessage) {
        refuseArrayBuffer(source); // a buffer is taken as bytes, not iterated
        PyObject[] items;
        try {
            items = dev.refgrade.runtime.stdlib.Builtins.toArray(rt, source);
        } catch (dev.refgrade.runtime.objects.PyException e) {
            if (e.excType == PyExc.TYPE_ERROR && e.pyMessage.endsWith("' object is not iterable")) {
                e.discard(rt.heap);
                throw rt.typeError("cannot convert '" + source.type().name + "' object to " + kind);
            }
            throw e;
        }
        try {
            byte[] out = new byte[items.length];
            for (int i = 0; i < items.length; i++) {
                PyObject v = items[i];
                if (!(v instanceof PyInt x)) throw rt.typeError("'" + v.type().name + "' object cannot be interpreted as an integer");
                if (x.big != null || x.small < 0 || x.small > 255) throw rt.error(PyExc.VALUE_ERROR, rangeMessage);
                out[i] = (byte) x.small;
            }
            return out;
        } finally {
            for (PyObject o : items) rt.heap.decref(o);
        }
    }

    /** PyBytes_Repr: b'...' in single quotes unless only a double quote avoids escaping one. */
    public static String repr(byte[] data) {
        return repr(data, false);
    }

    /** bytearray_repr: the same choice of quotes, but a single quote is escaped even inside double ones. */
    public static String arrayRepr(byte[] data) {
        return "bytearray(" + repr(data, true) + ")";
    }

    private static String repr(byte[] data, boolean escapeSingle) {
        boolean single = false, dbl = false;
        for (byte c : data) {
            if (c == '\'') single = true;
            if (c == '"') dbl = true;
        }
        char quote = single && !dbl ? '"' : '\'';
        StringBuilder b = new StringBuilder(data.length + 3).append('b').append(quote);
        for (byte x : data) {
            int c = x & 0xff;
            if (c == quote || c == '\\' || escapeSingle && c == '\'') b.append('\\').append((char) c);
            else if (c == '\t') b.append("\\t");
            else if (c == '\n') b.append("\\n");
            else if (c == '\r') b.append("\\r");
            else if (c < ' ' || c >= 0x7f) b.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            else b.append((char) c);
        }
        return b.append(quote).toString();
    }
}
