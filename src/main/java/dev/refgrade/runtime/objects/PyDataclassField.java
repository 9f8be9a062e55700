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
    public final boolean init, repr, compare;

    /** Takes the references to {@code dflt}, {@code factory} and {@code hash}. */
    public PyDataclassField(PyObject dflt, PyObject factory, boolean init, boolean repr, PyObject hash, boolean compare) {
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
        for (PyObject o : new PyObject[] {name, fieldType, dflt, factory, hash}) if (o != null) visit.accept(o);
    }

    /** Slots are cleared in their order: name, type, default, default_factory, ..., hash. */
    @Override
    public void releaseReferences(Heap heap) {
        PyObject[] held = {name, fieldType, dflt, factory, hash};
        name = fieldType = dflt = factory = hash = null;
        for (PyObject o : held) heap.xdecref(o);
    }
}
