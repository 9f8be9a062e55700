package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/**
 * collections.defaultdict (Modules/_collectionsmodule.c, defdictobject): a dict with one more
 * field, the default factory, which it holds a reference to and the collector sees.
 */
public final class PyDefaultDict extends PyDict {
    public static final PyType TYPE = PyType.newBuiltin("collections.defaultdict", PyType.DICT);

    /** Owned; null until defdict_init sets it (defaultdict() leaves it NULL, which reads as None). */
    public PyObject factory;

    @Override
    public PyType type() {
        return TYPE;
    }

    /** GC header and sizeof(defdictobject): the dict's 48 bytes and the factory pointer. */
    @Override
    public int allocSize() {
        return 16 + 56;
    }

    /** defdict_traverse: the factory, then the dict's entries. */
    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (factory != null) visit.accept(factory);
        super.traverse(visit);
    }

    /** defdict_dealloc and defdict_tp_clear: Py_CLEAR of the factory, then the dict's own release. */
    @Override
    public void releaseReferences(Heap heap) {
        replaceFactory(heap, null);
        super.releaseReferences(heap);
    }

    /** Stores an owned factory (or null) and releases the old one afterwards, as Py_CLEAR and the member setter do. */
    public void replaceFactory(Heap heap, PyObject owned) {
        PyObject old = factory;
        factory = owned;
        heap.xdecref(old);
    }
}
