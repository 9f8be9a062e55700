package dev.refgrade.runtime.objects;

import java.util.function.Consumer;

/**
 * An instance of collections.Counter, the dict subclass Lib/collections/__init__.py defines with a
 * class statement: a dict's layout plus the managed __dict__ and __weakref__ every such class adds.
 */
public final class PyCounter extends PyDict {
    public static final PyType TYPE = PyType.newLibraryClass("collections", "Counter", PyType.DICT);

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public boolean weaklyReferenceable() {
        return true;
    }

    /** The managed-dict pre-header, GC header, dict object and weaklist pointer (__basicsize__ 56). */
    @Override
    public int allocSize() {
        return 16 + 16 + 56;
    }

    /** subtype_traverse: a heap type's instance visits its class, then dict_traverse its entries. */
    @Override
    public void traverse(Consumer<PyObject> visit) {
        visit.accept(TYPE);
        super.traverse(visit);
    }
}
