package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.protocol.Arith;

/**
 * A slice `lo:hi:step`. CPython keeps a one-slot cache for slice objects, so subscripting with a
 * slice never changes what other objects' addresses are; the simulator does not allocate them.
 */
public final class PySlice extends PyObject {
    public final PyObject lower, upper, step;

    public PySlice(PyObject lower, PyObject upper, PyObject step) {
        this.lower = lower;
        this.upper = upper;
        this.step = step;
    }

    @Override
    public PyType type() {
        return PyType.SLICE;
    }

    @Override
    public int allocSize() {
        return 40;
    }

    /** PySlice_AdjustIndices: start, stop, step and the number of items selected of a length-n sequence. */
    public long[] indices(PyRuntime rt, long n) {
        long st = step == null || step == PyRuntime.NONE ? 1 : Arith.toIndex(rt, step);
        if (st == 0) throw rt.error(PyExc.VALUE_ERROR, "slice step cannot be zero");
        long lo = bound(rt, lower, n, st, st < 0 ? n - 1 : 0);
        long hi = bound(rt, upper, n, st, st < 0 ? -1 : n);
        long count;
        if (st > 0) count = lo < hi ? (hi - lo - 1) / st + 1 : 0;
        else count = hi < lo ? (lo - hi - 1) / -st + 1 : 0;
        return new long[] {lo, hi, st, count};
    }

    private static long bound(PyRuntime rt, PyObject v, long n, long step, long dflt) {
        if (v == null || v == PyRuntime.NONE) return dflt;
        long i = Arith.toIndex(rt, v);
        if (i < 0) {
            i += n;
            if (i < 0) i = step < 0 ? -1 : 0;
        } else if (i >= n) {
            i = step < 0 ? n - 1 : n;
        }
        return i;
    }
}
