package dev.refgrade.runtime.objects;

import java.util.Arrays;

/**
 * bytearray (Objects/bytearrayobject.c, 3.11): a mutable buffer of {@code alloc} bytes whose
 * logical start may sit {@code offset} bytes in (deleting from the front moves the start instead
 * of the data). Not tracked by the collector. While a memoryview exports it, it cannot be resized.
 */
public final class PyByteArray extends PyObject {
    /** The contents are data[0, size); data may be longer. */
    private byte[] data;
    private int size;
    /** ob_alloc: the buffer's length, the trailing NUL included (0 for an empty bytearray never grown). */
    private long alloc;
    /** ob_start - ob_bytes. */
    private long offset;
    /** ob_exports: buffers (memoryviews) currently exported. */
    public int exports;

    /** PyByteArray_FromStringAndSize: exactly the bytes given and a NUL (no buffer at all when empty). */
    public PyByteArray(byte[] contents) {
        data = contents;
        size = contents.length;
        alloc = size == 0 ? 0 : size + 1;
    }

    @Override
    public PyType type() {
        return PyType.BYTEARRAY;
    }

    public int length() {
        return size;
    }

    public byte get(int i) {
        return data[i];
    }

    public void set(int i, byte b) {
        data[i] = b;
    }

    /** A copy of the contents. */
    public byte[] bytes() {
        return Arrays.copyOf(data, size);
    }

    /** sizeof(PyByteArrayObject) and the buffer (bytearray___sizeof___impl): what sys.getsizeof reports. */
    public long sizeOf() {
        return 56 + alloc;
    }

    @Override
    public int allocSize() {
        return 56;
    }

    /** _canresize: the message of the BufferError a resize raises while exported, or null when it may. */
    public String resizeRefusal() {
        return exports > 0 ? "Existing exports of data: object cannot be re-sized" : null;
    }

    /**
     * PyByteArray_Resize's growth policy (3.11): within the buffer, shrink to exact only below
     * half of it; growing by at most an eighth over-allocates like list_resize, more grows exactly.
     * The caller has checked {@link #resizeRefusal()}. New bytes are zero.
     */
    public void resize(int requested) {
        if (requested == size) return;
        if (requested + offset + 1 <= alloc) {
            if (requested < alloc / 2) {
                alloc = requested + 1;
                offset = 0; // realigned into a new buffer
            }
        } else if (requested <= alloc * 1.125) {
            alloc = requested + (requested >> 3) + (requested < 9 ? 3 : 6);
            offset = 0;
        } else {
            alloc = requested + 1;
            offset = 0;
        }
        if (requested > data.length) data = Arrays.copyOf(data, Math.max(requested, data.length * 2));
        else if (requested < size) Arrays.fill(data, requested, size, (byte) 0);
        size = requested;
    }

    /**
     * bytearray_setslice_linear: bytes [lo, hi) become {@code with}. Removing from the very front
     * advances the logical start; otherwise the tail moves and the buffer is resized.
     */
    public void replace(int lo, int hi, byte[] with) {
        int growth = with.length - (hi - lo);
        byte[] tail = Arrays.copyOfRange(data, hi, size);
        if (growth < 0 && lo == 0) offset -= growth;
        resize(size + growth);
        System.arraycopy(tail, 0, data, lo + with.length, tail.length);
        System.arraycopy(with, 0, data, lo, with.length);
    }

    /** bytearray___init__'s loop over an iterable: a byte goes in place while it fits before the NUL, else one resize. */
    public void appendWhileBuilding(byte b) {
        if (size + 1 < alloc) {
            if (size == data.length) data = Arrays.copyOf(data, Math.max(8, size * 2));
            size++;
        } else {
            resize(size + 1);
        }
        data[size - 1] = b;
    }

    /** pop/remove: the bytes after i move down, then one resize (never the logical-start shortcut). */
    public byte removeAt(int i) {
        byte b = data[i];
        System.arraycopy(data, i + 1, data, i, size - i - 1);
        resize(size - 1);
        return b;
    }

    /** insert/append: one resize, then the bytes from i move up. */
    public void insertAt(int i, byte b) {
        resize(size + 1);
        System.arraycopy(data, i, data, i + 1, size - i - 1);
        data[i] = b;
    }

    public void reverse() {
        for (int i = 0, j = size - 1; i < j; i++, j--) {
            byte t = data[i];
            data[i] = data[j];
            data[j] = t;
        }
    }
}
