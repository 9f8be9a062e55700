package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/**
 * memoryview (Objects/memoryobject.c) of a bytes or bytearray, format 'B', one dimension: a window
 * (start, step, length) on its managed buffer, reading and writing the object's bytes in place.
 */
public final class PyMemoryView extends PyObject {
    /** Owned; the buffer stays (released) after this view is released, until the view dies or the collector clears it. */
    public PyManagedBuffer mbuf;
    public final int start, step, length;
    public final boolean readonly;
    private boolean released;
    /** memory_hash caches the hash of a read-only view. */
    public long hash = -1;

    /** mbuf_add_view: the new view registers on the buffer it holds (the caller gives it its reference). */
    public PyMemoryView(PyManagedBuffer mbuf, int start, int step, int length, boolean readonly) {
        this.mbuf = mbuf;
        this.start = start;
        this.step = step;
        this.length = length;
        this.readonly = readonly;
        mbuf.views++;
    }

    @Override
    public PyType type() {
        return PyType.MEMORYVIEW;
    }

    public boolean released() {
        return released;
    }

    /** The message of the ValueError any use of a released view raises (CHECK_RELEASED). */
    public static final String RELEASED = "operation forbidden on released memoryview object";

    /** The byte at index i of the view (0 <= i < length). */
    public byte get(int i) {
        int at = start + i * step;
        return mbuf.obj() instanceof PyBytes b ? b.value()[at] : ((PyByteArray) mbuf.obj()).get(at);
    }

    public void set(int i, byte v) {
        ((PyByteArray) mbuf.obj()).set(start + i * step, v);
    }

    /** The bytes the view shows, in order (tobytes). */
    public byte[] bytes() {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) out[i] = get(i);
        return out;
    }

    /** _memory_release: the view is done; the last view of a buffer releases the buffer and so the object. */
    public void release(Heap heap) {
        if (released) return;
        released = true;
        if (--mbuf.views == 0) mbuf.release(heap);
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    @Override
    public boolean weaklyReferenceable() {
        return true;
    }

    /** sizeof(PyMemoryViewObject) for one dimension (168) after the GC header. */
    @Override
    public int allocSize() {
        return 16 + 168;
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (mbuf != null) visit.accept(mbuf);
    }

    /** memory_dealloc: release, then drop the buffer. */
    @Override
    public void releaseReferences(Heap heap) {
        release(heap);
        PyManagedBuffer m = mbuf;
        mbuf = null;
        heap.xdecref(m);
    }
}
