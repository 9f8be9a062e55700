package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;

/**
 * range (Objects/rangeobject.c): start, stop and step as the int objects range_new got from
 * PyNumber_Index (owned, so `r.start is x` for the int x it was built from), and as longs to compute with.
 */
public final class PyRange extends PyObject {
    public final long start, stop, step;
    public final PyInt startObj, stopObj, stepObj;

    public PyRange(PyInt start, PyInt stop, PyInt step) {
        this.startObj = start;
        this.stopObj = stop;
        this.stepObj = step;
        this.start = start.longValue();
        this.stop = stop.longValue();
        this.step = step.longValue();
    }

    public long length() {
        if (step > 0 && start < stop) return (stop - start - 1) / step + 1;
        if (step < 0 && start > stop) return (start - stop - 1) / -step + 1;
        return 0;
    }

    /** range_contains_long then range_index's (x - start) // step: where int x stands, or -1 when it is not in the range. */
    public long indexOf(PyInt x) {
        if (!x.fitsLong()) return -1; // the bounds fit in 64 bits
        long v = x.longValue();
        if (step > 0 ? v < start || v >= stop : v > start || v <= stop) return -1;
        return (v - start) % step == 0 ? (v - start) / step : -1;
    }

    @Override
    public PyType type() {
        return PyType.RANGE;
    }

    @Override
    public int allocSize() {
        return 48;
    }

    /** range_dealloc releases start, stop, step and length; range has no tp_traverse. */
    @Override
    public void releaseReferences(Heap heap) {
        heap.decref(startObj);
        heap.decref(stopObj);
        heap.decref(stepObj);
    }
}
