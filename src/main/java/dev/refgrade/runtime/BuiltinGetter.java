package dev.refgrade.runtime;

/** A computed attribute of a builtin type (CPython's getset descriptors), such as `finalize.alive`. */
final class BuiltinGetter extends PyObject {
    interface Getter {
        PyObject get(Runtime rt, PyObject self);
    }

    private final Getter getter;

    BuiltinGetter(Getter getter) {
        this.getter = getter;
    }

    PyObject get(Runtime rt, PyObject self) {
        return getter.get(rt, self);
    }

    @Override
    public PyType type() {
        return PyType.OBJECT;
    }

    @Override
    public int allocSize() {
        return 16;
    }
}
