package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/** types.SimpleNamespace (Objects/namespaceobject.c): an object whose attributes are its own dict, ns_dict. */
public final class PyNamespace extends PyObject {
    public static final PyType TYPE = PyType.newBuiltin("types.SimpleNamespace", PyType.OBJECT);

    /** Owned; what __dict__ and vars() give. */
    public PyDict dict;

    public PyNamespace(PyDict dict) {
        this.dict = dict;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    /** GC header, object header and ns_dict. */
    @Override
    public int allocSize() {
        return 16 + 24;
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (dict != null) visit.accept(dict);
    }

    @Override
    public void releaseReferences(Heap heap) {
        PyDict d = dict;
        dict = null;
        heap.xdecref(d);
    }
}
