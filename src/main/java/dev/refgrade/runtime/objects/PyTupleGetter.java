package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/**
 * _collections._tuplegetter (Modules/_collectionsmodule.c): the descriptor namedtuple puts in its
 * class for each field, reading item {@code index} of the tuple; it holds its doc string.
 */
public final class PyTupleGetter extends PyObject {
    public static final PyType TYPE = PyType.newBuiltin("_collections._tuplegetter", PyType.OBJECT);

    public final long index;
    /** Owned. */
    public PyObject doc;

    public PyTupleGetter(long index, PyObject doc) {
        this.index = index;
        this.doc = doc;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    /** GC header, object header, index and doc. */
    @Override
    public int allocSize() {
        return 16 + 32;
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (doc != null) visit.accept(doc);
    }

    /** tuplegetter_clear: Py_CLEAR(doc). */
    @Override
    public void releaseReferences(Heap heap) {
        PyObject d = doc;
        doc = null;
        heap.xdecref(d);
    }
}
