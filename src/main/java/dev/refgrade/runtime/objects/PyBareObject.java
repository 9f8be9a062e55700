package dev.refgrade.runtime.objects;

/** What `object()` returns: no attributes, no dict, not tracked by the collector. */
public final class PyBareObject extends PyObject {
    @Override
    public PyType type() {
        return PyType.OBJECT;
    }

    @Override
    public int allocSize() {
        return 16;
    }
}
