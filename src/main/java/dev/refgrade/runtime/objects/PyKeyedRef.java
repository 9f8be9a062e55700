package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/**
 * weakref.KeyedRef (Lib/weakref.py): the ref subclass a WeakValueDictionary holds each value by,
 * with one slot, key, a strong reference to the entry's key that its callback reads.
 */
public final class PyKeyedRef extends PyWeakRef {
    public static final PyType TYPE = PyType.newLibraryClass("weakref", "KeyedRef", PyType.WEAKREF);

    /** The key slot, owned. */
    public PyObject key;

    public PyKeyedRef(PyObject referent, PyObject callback, PyObject key) {
        super(TYPE, referent, callback, false);
        this.key = key;
    }

    /** The ref struct (64 bytes) and the key slot, after the GC header. */
    @Override
    public int allocSize() {
        return 16 + 64 + 8;
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        super.traverse(visit);
        if (key != null) visit.accept(key);
    }

    /** subtype_dealloc: the slot is cleared first, then weakref_dealloc unlinks it and drops the callback. */
    @Override
    public void releaseReferences(Heap heap) {
        PyObject k = key;
        key = null;
        heap.xdecref(k);
        super.releaseReferences(heap);
    }
}
