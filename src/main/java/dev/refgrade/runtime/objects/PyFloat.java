package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.FreeList;

public final class PyFloat extends PyObject {
    public final double value;

    public PyFloat(double value) {
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
