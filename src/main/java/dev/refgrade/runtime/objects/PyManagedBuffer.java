package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/**
 * _PyManagedBufferObject (Objects/memoryobject.c): the one buffer a memoryview takes from its
 * object, shared by every view sliced or made from that view. It holds the object (and, for a
 * bytearray, one export) until the last of its views is released.
 */
public final class PyManagedBuffer extends PyObject {
    /** master.obj: owned until released; null after. */
    private PyObject obj;
    /** The memoryviews registered on it and not yet released. */
    int views;

    public PyManagedBuffer(PyObject obj) {
        this.obj = obj;
        if (obj instanceof PyByteArray b) b.exports++;
    }

    /** The exporting object, or null once released. */
    public PyObject obj() {
        return obj;
    }

    @Override
    public PyType type() {
        return PyType.MANAGED_BUFFER;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    /** 16-byte header, flags, exports and the 80-byte Py_buffer master, after the GC header. */
    @Override
    public int allocSize() {
        return 16 + 112;
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (obj != null) visit.accept(obj);
    }

    /** mbuf_release: PyBuffer_Release of the master gives the export back and drops the object. */
    void release(Heap heap) {
        PyObject o = obj;
        if (o == null) return;
        obj = null;
        if (o instanceof PyByteArray b) b.exports--;
        heap.untrack(this);
        heap.decref(o);
    }

    @Override
    public void releaseReferences(Heap heap) {
        release(heap);
    }
}
