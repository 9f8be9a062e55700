package dev.refgrade.runtime;

public final class PyFloat extends PyObject {
    final double value;

    PyFloat(double value) {
        this.value = value;
    }

    public double value() {
        return value;
    }

    @Override
    public PyType type() {
        return PyType.FLOAT;
    }

    @Override
    public int allocSize() {
        return 24;
    }

    @Override
    public FreeList freeList() {
        return FreeList.FLOAT;
    }
}
