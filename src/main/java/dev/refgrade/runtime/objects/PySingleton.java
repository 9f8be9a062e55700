package dev.refgrade.runtime.objects;

/** None, NotImplemented and Ellipsis: one object each for the whole interpreter. */
public final class PySingleton extends PyObject {
    public final String name;
    final PyType type;

    public PySingleton(String name, PyType type) {
        this.name = name;
        this.type = type;
    }

    @Override
    public PyType type() {
        return type;
    }

    @Override
    public boolean refcountKnowable() {
        return false;
    }

    @Override
    public int allocSize() {
        return 16;
    }

    @Override
    public String toString() {
        return name;
    }
}
