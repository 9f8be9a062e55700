package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/**
 * An iterator of the itertools module (Modules/itertoolsmodule.c). Each type keeps a few object
 * references, in the order its tp_traverse visits them, and some C counters; how it advances is
 * the type's own tp_iternext, given by the module that makes it.
 */
public final class PyItertool extends PyObject {
    /** The type's tp_iternext: the next item as a new reference, or null at the end. */
    public interface Advance {
        PyObject next(PyRuntime rt, PyItertool it);
    }

    /** The type's tp_repr where it has its own (count, repeat); null for the default. */
    public interface Repr {
        String repr(PyRuntime rt, PyItertool it);
    }

    private final PyType type;
    public final Advance advance;
    public final Repr repr;
    /** Owned references (null where cleared), in tp_traverse order; tp_dealloc releases them in the same order. */
    public final PyObject[] refs;
    /** C counters: indexes, counts and bounds, as each type needs them. */
    public long a, b, c, d;
    public boolean flag;
    /** groupby's currgrouper: a borrowed pointer, compared by identity only. */
    public PyObject borrowed;
    public int[] indices, cycles;

    public PyItertool(PyType type, Advance advance, Repr repr, PyObject... refs) {
        this.type = type;
        this.advance = advance;
        this.repr = repr;
        this.refs = refs;
    }

    @Override
    public PyType type() {
        return type;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    @Override
    public int allocSize() {
        return 16 + 16 + 8 * refs.length + 8 * 3;
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        for (PyObject r : refs) if (r != null) visit.accept(r);
    }

    @Override
    public void releaseReferences(Heap heap) {
        for (int i = 0; i < refs.length; i++) {
            PyObject r = refs[i];
            refs[i] = null;
            heap.xdecref(r);
        }
    }

    /** Py_CLEAR of one reference. */
    public void clear(Heap heap, int i) {
        PyObject r = refs[i];
        refs[i] = null;
        heap.xdecref(r);
    }
}
