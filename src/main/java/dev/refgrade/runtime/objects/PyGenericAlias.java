package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/**
 * types.GenericAlias (Objects/genericaliasobject.c): what `list[int]` makes, holding its origin and
 * its arguments as a tuple (the subscript itself when it is a tuple, else a new one-tuple).
 */
public final class PyGenericAlias extends PyObject {
    public static final PyType TYPE = PyType.newBuiltin("types.GenericAlias", PyType.OBJECT);

    /** Owned references. */
    public PyObject origin;
    public PyTuple args;

    public PyGenericAlias(PyObject origin, PyTuple args) {
        this.origin = origin;
        this.args = args;
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

    /** GC header and gaobject: origin, args, parameters, weakreflist, starred and vectorcall. */
    @Override
    public int allocSize() {
        return 16 + 64;
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (origin != null) visit.accept(origin);
        if (args != null) visit.accept(args);
    }

    @Override
    public void releaseReferences(Heap heap) {
        PyObject o = origin;
        PyTuple a = args;
        origin = null;
        args = null;
        heap.xdecref(o);
        heap.xdecref(a);
    }
}
