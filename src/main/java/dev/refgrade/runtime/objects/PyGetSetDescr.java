package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/**
 * A getset_descriptor a class statement adds to the class dict (type_new_descriptors, then
 * type_ready's add_getset): `__dict__` and `__weakref__` of a class whose instances gain them.
 * It holds its class (d_type) and its name.
 */
public final class PyGetSetDescr extends PyObject {
    public static final PyType TYPE = PyType.newBuiltin("getset_descriptor", PyType.OBJECT);

    /** Owned references. */
    public PyType owner;
    public PyStr name;

    public PyGetSetDescr(PyType owner, PyStr name) {
        this.owner = owner;
        this.name = name;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    /** GC header and PyGetSetDescrObject (PyDescr_COMMON and d_getset). */
    @Override
    public int allocSize() {
        return 16 + 48;
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (owner != null) visit.accept(owner);
    }

    /** descr_dealloc: d_type, then d_name. */
    @Override
    public void releaseReferences(Heap heap) {
        PyType t = owner;
        PyStr n = name;
        owner = null;
        name = null;
        heap.xdecref(t);
        heap.xdecref(n);
    }

    /** descr_traverse visits only d_type, so tp_clear has nothing to drop. */
    @Override
    public void clearForCollector(Heap heap) {}
}
