package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/**
 * types.MappingProxyType (Objects/descrobject.c, mappingproxyobject): a read-only view holding its
 * mapping; a class's __dict__ makes a new one over the class dict at each access (type_dict).
 */
public final class PyMappingProxy extends PyObject {
    public static final PyType TYPE = PyType.newBuiltin("mappingproxy", PyType.OBJECT);

    /** Owned. */
    public PyObject mapping;
    /**
     * Over a class dict that lacks entries CPython's has (3.13's __static_attributes__ and
     * __firstlineno__): single keys may be read, but the key set, its size and the repr are refused.
     */
    public boolean keysIncomplete;

    public PyMappingProxy(PyObject mapping) {
        this.mapping = mapping;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    /** GC header, object header and the mapping pointer. */
    @Override
    public int allocSize() {
        return 16 + 24;
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (mapping != null) visit.accept(mapping);
    }

    @Override
    public void releaseReferences(Heap heap) {
        PyObject m = mapping;
        mapping = null;
        heap.xdecref(m);
    }

    /** mappingproxy has no tp_clear: only the object's death drops the mapping. */
    @Override
    public void clearForCollector(Heap heap) {}
}
