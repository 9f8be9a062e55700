package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/**
 * weakref.WeakMethod (Lib/weakref.py): a ref subclass with __slots__ (_func_ref, _meth_type,
 * _alive, __weakref__) whose referent is the method's __self__, with a second ref to __func__;
 * both carry the same _cb closure as callback, so the first of the two to die marks it dead.
 */
public final class PyWeakMethod extends PyWeakRef {
    public static final PyType TYPE = PyType.newLibraryClass("weakref", "WeakMethod", PyType.WEAKREF);

    /** _func_ref: a ref to the method's function, owned. */
    public PyWeakRef funcRef;
    /** _alive: cleared by _cb, before the program's callback is called. */
    public boolean alive = true;

    public PyWeakMethod(PyObject self, PyObject callback) {
        super(TYPE, self, callback, false);
    }

    /** The ref struct (64 bytes) and four slots, after the GC header. */
    @Override
    public int allocSize() {
        return 16 + 64 + 4 * 8;
    }

    /** Its class has a __weakref__ slot (the _cb closure's self_wr points at it). */
    @Override
    public boolean weaklyReferenceable() {
        return true;
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        super.traverse(visit);
        if (funcRef != null) visit.accept(funcRef);
    }

    /** subtype_dealloc: the slots are cleared first, then weakref_dealloc unlinks it and drops the callback. */
    @Override
    public void releaseReferences(Heap heap) {
        PyWeakRef f = funcRef;
        funcRef = null;
        heap.xdecref(f);
        super.releaseReferences(heap);
    }
}
