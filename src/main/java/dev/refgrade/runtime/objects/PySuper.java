package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/**
 * super(type, obj) (typeobject.c's superobject): attribute lookups start after {@code type} in the
 * MRO of {@code objType}, and what they find is bound to {@code obj}.
 */
public final class PySuper extends PyObject {
    /** All owned; obj and objType are null for an unbound super(type). */
    public PyType type;
    public PyObject obj;
    public PyType objType;

    public PySuper(PyType type, PyObject obj, PyType objType) {
        this.type = type;
        this.obj = obj;
        this.objType = objType;
    }

    @Override
    public PyType type() {
        return PyType.SUPER;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    @Override
    public int allocSize() {
        return 16 + 40;
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (obj != null) visit.accept(obj);
        if (type != null) visit.accept(type);
        if (objType != null) visit.accept(objType);
    }

    /** super_dealloc: obj, type, obj_type. */
    @Override
    public void releaseReferences(Heap heap) {
        PyObject o = obj, t = type, ot = objType;
        obj = null;
        type = null;
        objType = null;
        heap.xdecref(o);
        heap.xdecref(t);
        heap.xdecref(ot);
    }
}
