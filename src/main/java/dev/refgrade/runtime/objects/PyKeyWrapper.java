package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/**
 * functools.KeyWrapper (Modules/_functoolsmodule.c's keyobject), what cmp_to_key returns: a callable
 * that wraps an object in a new KeyWrapper with the same comparison function, and whose rich
 * comparison calls that function and compares its result with 0. No __dict__, no weak references, unhashable.
 */
public final class PyKeyWrapper extends PyObject {
    public static final PyType TYPE = PyType.newBuiltin("functools.KeyWrapper", PyType.OBJECT);

    /** Owned: the comparison function, and the wrapped object (null in the one cmp_to_key made, or once deleted). */
    public PyObject cmp, object;

    public PyKeyWrapper(PyObject cmp, PyObject object) {
        this.cmp = cmp;
        this.object = object;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    /** The GC header, the object header and two pointers. */
    @Override
    public int allocSize() {
        return 16 + 32;
    }

    /** keyobject_traverse: its type (a heap type of _functools), then cmp and object. */
    @Override
    public void traverse(Consumer<PyObject> visit) {
        visit.accept(type());
        if (cmp != null) visit.accept(cmp);
        if (object != null) visit.accept(object);
    }

    /** keyobject_clear: cmp, then object. */
    @Override
    public void releaseReferences(Heap heap) {
        PyObject c = cmp, o = object;
        cmp = null;
        object = null;
        heap.xdecref(c);
        heap.xdecref(o);
    }
}
