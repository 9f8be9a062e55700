package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/** dict.keys(), .values(), .items(): live views holding their dict. */
public final class PyDictView extends PyObject {
    public final PyType type;
    public final PyDict dict;

    public PyDictView(PyType type, PyDict dict) {
        this.type = type;
        this.dict = dict;
    }

    @Override
    public PyType type() {
        return type;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    @Override
    public int allocSize() {
        return 16 + 24;
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        visit.accept(dict);
    }

    @Override
    public void releaseReferences(Heap heap) {
        heap.decref(dict);
    }
}
