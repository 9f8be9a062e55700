package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/** property(fget, fset, fdel): a data descriptor found on the class. */
public final class PyProperty extends PyObject {
    public PyObject fget, fset, fdel;

    @Override
    public PyType type() {
        return PyType.PROPERTY;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    @Override
    public int allocSize() {
        return 16 + 64;
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (fget != null) visit.accept(fget);
        if (fset != null) visit.accept(fset);
        if (fdel != null) visit.accept(fdel);
    }

    @Override
    public void releaseReferences(Heap heap) {
        PyObject g = fget, s = fset, d = fdel;
        fget = fset = fdel = null;
        heap.xdecref(g);
        heap.xdecref(s);
        heap.xdecref(d);
    }
}
