package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/**
 * functools.cached_property (Lib/functools.py): an instance of a Python class whose __dict__ holds
 * func, attrname (None until __set_name__), __doc__ (the function's) and lock (an RLock).
 */
public final class PyCachedProperty extends PyObject {
    public static final PyType TYPE = PyType.newLibraryClass("functools.cached_property", PyType.OBJECT);

    /** Owned references; attrname is None until __set_name__ gives the name. */
    public PyObject func, attrname, doc, lock;

    public PyCachedProperty(PyObject func, PyObject attrname, PyObject doc, PyObject lock) {
        this.func = func;
        this.attrname = attrname;
        this.doc = doc;
        this.lock = lock;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    @Override
    public boolean weaklyReferenceable() {
        return true;
    }

    /** As an instance of a Python class: GC header, managed-dict pre-header, object header, weaklist. */
    @Override
    public int allocSize() {
        return 16 + 16 + 16 + 8;
    }

    /** The inline values in __init__'s assignment order. */
    @Override
    public void traverse(Consumer<PyObject> visit) {
        for (PyObject v : new PyObject[] {func, attrname, doc, lock}) if (v != null) visit.accept(v);
    }

    @Override
    public void releaseReferences(Heap heap) {
        PyObject f = func, n = attrname, d = doc, l = lock;
        func = attrname = doc = lock = null;
        heap.xdecref(f);
        heap.xdecref(n);
        heap.xdecref(d);
        heap.xdecref(l);
    }
}
