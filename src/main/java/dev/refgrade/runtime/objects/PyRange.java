package dev.refgrade.runtime.objects;

public final class PyRange extends PyObject {
    public final long start, stop, step;

    public PyRange(long start, long stop, long step) {
        this.start = start;
        this.stop = stop;
        this.step = step;
    }

    public long length() {
        if (step > 0 && start < stop) return (stop - start - 1) / step + 1;
        if (step < 0 && start > stop) return (start - stop - 1) / -step + 1;
        return 0;
    }

    @Override
    public PyType type() {
        return PyType.RANGE;
    }

    @Override
    public int allocSize() {
        return 48;
    }
}
