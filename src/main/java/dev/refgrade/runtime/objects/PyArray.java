package dev.refgrade.runtime.objects;

import java.util.Arrays;

/**
 * array.array (Modules/arraymodule.c): C values of one type code, not objects, in a buffer grown as
 * array_resize grows it, which sys.getsizeof shows. An item read is a new int or float each time
 * (getarrayitem); the array holds no references.
 */
public final class PyArray extends PyObject {
    public static final PyType TYPE = PyType.newBuiltin("array.array", PyType.OBJECT);

    /** One of "bBuhHiIlLqQfd" ('u' holds wchar_t code points; 'w', and 'u' from 3.13, are refused). */
    public final char typecode;
    /** Integer codes keep the value (unsigned ones as their bits); 'f' and 'd' the double. */
    private long[] ints = new long[0];
    private double[] reals = new double[0];
    public int size;
    /** ob_item's capacity in items. */
    public long allocated;

    public PyArray(char typecode) {
        this.typecode = typecode;
    }

    public boolean real() {
        return typecode == 'f' || typecode == 'd';
    }

    /** The descriptor's itemsize on 64-bit Linux. */
    public int itemsize() {
        return switch (typecode) {
            case 'b', 'B' -> 1;
            case 'h', 'H' -> 2;
            case 'i', 'I', 'f', 'u' -> 4; // wchar_t is 4 bytes on Linux
            default -> 8;
        };
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** A heap type of the module since 3.10 (module state): GC-tracked, though it holds no objects. */
    @Override
    public boolean isGcType() {
        return true;
    }

    /** array_tp_traverse visits the heap type its instances hold. */
    @Override
    public void traverse(java.util.function.Consumer<PyObject> visit) {
        visit.accept(TYPE);
    }

    @Override
    public boolean weaklyReferenceable() {
        return true;
    }

    /** GC header and arrayobject: var header, ob_item, allocated, ob_descr, weakreflist, ob_exports. */
    @Override
    public int allocSize() {
        return 16 + 64;
    }

    /** array___sizeof__: the object and its buffer as allocated. */
    public long sizeOf() {
        return allocSize() + allocated * itemsize();
    }

    /** newarrayobject: a buffer of exactly {@code n} items. */
    public void allocateExactly(int n) {
        ensure(n);
        size = n;
        allocated = n;
    }

    /**
     * array_resize: a shrink by less than 16 items, or a growth within the buffer, only sets the size;
     * else the buffer becomes newsize + newsize / 16 + (3 while the array had under 8 items, else 7),
     * the growth pattern 0, 4, 8, 16, 25, 34, 46, 56, 67, 79, ... (or nothing for an empty array).
     */
    public void resize(int newsize) {
        ensure(newsize);
        if (allocated >= newsize && size < newsize + 16 && allocated > 0) {
            size = newsize;
            return;
        }
        if (newsize == 0) {
            size = 0;
            allocated = 0;
            return;
        }
        allocated = (newsize >> 4) + (size < 8 ? 3 : 7) + newsize;
        size = newsize;
    }

    private void ensure(int n) {
        if (real() && reals.length < n) reals = Arrays.copyOf(reals, Math.max(n, reals.length * 2));
        if (!real() && ints.length < n) ints = Arrays.copyOf(ints, Math.max(n, ints.length * 2));
    }

    public long intAt(int i) {
        return ints[i];
    }

    public double realAt(int i) {
        return reals[i];
    }

    /** Stores a value already converted to this code's C type. */
    public void setInt(int i, long v) {
        ints[i] = v;
    }

    public void setReal(int i, double v) {
        reals[i] = typecode == 'f' ? (float) v : v;
    }

    /** Moves items [from, size) by {@code by} places (after a resize made room, or before one that shrinks). */
    public void shift(int from, int by) {
        if (real()) System.arraycopy(reals, from, reals, from + by, size - Math.max(from, from + by));
        else System.arraycopy(ints, from, ints, from + by, size - Math.max(from, from + by));
    }

    public void reverse() {
        for (int i = 0, j = size - 1; i < j; i++, j--) {
            if (real()) {
                double t = reals[i];
                reals[i] = reals[j];
                reals[j] = t;
            } else {
                long t = ints[i];
                ints[i] = ints[j];
                ints[j] = t;
            }
        }
    }
}
