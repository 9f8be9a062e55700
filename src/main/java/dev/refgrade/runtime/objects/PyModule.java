package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/** A module: a name and the dict of its globals. */
public final class PyModule extends PyObject {
    public final String name;
    public final PyDict dict;

    public PyModule(String name, PyDict dict) {
        this.name = name;
        this.dict = dict;
    }

    public PyDict dict() {
        return dict;
    }

    @Override
    public PyType type() {
        return PyType.MODULE;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    @Override
    public boolean refcountKnowable() {
        return false;
    }

    @Override
    public boolean weaklyReferenceable() {
        return true;
    }

    @Override
    public int allocSize() {
        return 16 + 72;
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
