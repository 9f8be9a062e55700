package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.FreeList;
import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/**
 * A slice object (Objects/sliceobject.c): start, stop and step, None where absent. A GC object
 * whose dead memory goes to the interpreter's one-slot slice cache (FreeList.SLICE).
 */
public final class PySlice extends PyObject {
    public final PyObject start, stop, step;

    /** Takes the three references, none null (PySlice_New's Py_None for an absent bound is the caller's). */
    public PySlice(PyObject start, PyObject stop, PyObject step) {
        this.start = start;
        this.stop = stop;
        this.step = step;
    }

    @Override
    public PyType type() {
        return PyType.SLICE;
    }

    /** PySliceObject (three pointers after the header) and the GC header. */
    @Override
    public int allocSize() {
        return 56;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    @Override
    public FreeList freeList() {
        return FreeList.SLICE;
    }

    /** slice_traverse. */
    @Override
    public void traverse(Consumer<PyObject> visit) {
        visit.accept(start);
        visit.accept(stop);
        visit.accept(step);
    }

    /** slice_dealloc: step, then start, then stop. */
    @Override
    public void releaseReferences(Heap heap) {
        heap.decref(step);
        heap.decref(start);
        heap.decref(stop);
    }

    /** PySlice_Type has no tp_clear: the collector breaks a cycle through a slice at its other members. */
    @Override
    public void clearForCollector(Heap heap) {}

    /** PySlice_Unpack then PySlice_AdjustIndices: start, stop, step and the number of items of a length-n sequence. */
    public long[] indices(PyRuntime rt, long n) {
        long st = step == PyRuntime.NONE ? 1 : sliceIndex(rt, step);
        if (st == 0) throw rt.error(PyExc.VALUE_ERROR, "slice step cannot be zero");
        // PySlice_Unpack keeps the step above -PY_SSIZE_T_MAX so that -step cannot overflow.
        if (st < -Long.MAX_VALUE) st = -Long.MAX_VALUE;
        long lo = start == PyRuntime.NONE ? (st < 0 ? Long.MAX_VALUE : 0) : sliceIndex(rt, start);
        long hi = stop == PyRuntime.NONE ? (st < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sliceIndex(rt, stop);
        lo = adjust(lo, n, st);
        hi = adjust(hi, n, st);
        long count;
        if (st > 0) count = lo < hi ? (hi - lo - 1) / st + 1 : 0;
        else count = hi < lo ? (lo - hi - 1) / -st + 1 : 0;
        return new long[] {lo, hi, st, count};
    }

    private static long adjust(long i, long n, long step) {
        if (i < 0) {
            i += n;
            if (i < 0) i = step < 0 ? -1 : 0;
        } else if (i >= n) {
            i = step < 0 ? n - 1 : n;
        }
        return i;
    }

    /** _PyEval_SliceIndex: an int, clipped to a Py_ssize_t (PyNumber_AsSsize_t with no error). */
    private static long sliceIndex(PyRuntime rt, PyObject v) {
        if (v instanceof PyInt i) return i.big == null ? i.small : i.big.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        if (v instanceof PyInstance) throw rt.refusal("a slice bound that is an instance (its __index__)");
        throw rt.typeError("slice indices must be integers or None or have an __index__ method");
    }
}
