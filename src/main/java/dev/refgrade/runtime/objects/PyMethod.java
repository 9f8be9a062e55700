package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/** A bound method: made anew by each `obj.method` that is not called at once. */
public final class PyMethod extends PyObject {
    public final PyObject func;
    public final PyObject self;

    /** Takes ownership of one reference to each. */
    public PyMethod(PyObject func, PyObject self) {
        this.func = func;
        this.self = self;
    }

    @Override
    public PyType type() {
        return PyType.METHOD;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    @Override
    public boolean weaklyReferenceable() {
        return true;
    }

    @Override
    public int allocSize() {
        return 16 + 48;
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        visit.accept(func);
        visit.accept(self);
    }

    /** method_dealloc releases the function, then self. */
    @Override
    public void releaseReferences(Heap heap) {
        heap.decref(func);
        heap.decref(self);
    }

    /** method_dealloc (a bound method) uses the trashcan. */
    @Override
    public boolean usesTrashcan() {
        return true;
    }
}
