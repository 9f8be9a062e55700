package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/**
 * A dataclasses.Field (Lib/dataclasses.py's Field, a class with __slots__): what field() was told,
 * and the name and type _get_field gives it. Absent default and factory are the MISSING sentinel.
 */
public final class PyDataclassField extends PyObject {
    public static PyType TYPE;
    public PyObject name, fieldType, dflt, factory, hash;
    /** field()'s kw_only (MISSING when not given), set to the class's default by _get_field. */
    public PyObject kwOnly;
    /** A mappingproxy of field()'s metadata, or the module's shared empty one. */
    public PyObject metadata;
    /** _field_type: None until _get_field makes it the module's _FIELD or _FIELD_INITVAR. */
    public PyObject kind;
    /** Whether kind is _FIELD_INITVAR: an __init__ parameter for __post_init__, not a field of the instances. */
    public boolean initVar;
    public final boolean init, repr, compare;

    /** Takes the references to {@code dflt}, {@code factory}, {@code hash} and {@code kwOnly}. */
    public PyDataclassField(PyObject dflt, PyObject factory, boolean init, boolean repr, PyObject hash, boolean compare, PyObject kwOnly) {
        this.kwOnly = kwOnly;
        this.dflt = dflt;
        this.factory = factory;
        this.init = init;
        this.repr = repr;
        this.hash = hash;
        this.compare = compare;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    /** object's 16 bytes, Field's 12 slots, the GC header. */
    @Override
    public int allocSize() {
        return 16 + 12 * 8 + 16;
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        for (PyObject o : new PyObject[] {name, fieldType, dflt, factory, hash, metadata, kwOnly, kind}) if (o != null) visit.accept(o);
    }

    /** Slots are cleared in their order: name, type, default, default_factory, ..., hash, ..., metadata, kw_only, _field_type. */
    @Override
    public void releaseReferences(Heap heap) {
        PyObject[] held = {name, fieldType, dflt, factory, hash, metadata, kwOnly, kind};
        name = fieldType = dflt = factory = hash = metadata = kwOnly = kind = null;
        for (PyObject o : held) heap.xdecref(o);
    }
}
