package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.eval.PyRuntime;

/** A computed attribute of a builtin type (CPython's getset descriptors), such as `finalize.alive`. */
public final class BuiltinGetter extends PyObject {
    public interface Getter {
        PyObject get(PyRuntime rt, PyObject self);
    }

    private final Getter getter;
    /** A READONLY member (PyMemberDef) rather than a getset: assigning to it says "readonly attribute". */
    public final boolean member;

    public BuiltinGetter(Getter getter) {
        this(getter, false);
    }

    public BuiltinGetter(Getter getter, boolean member) {
        this.getter = getter;
        this.member = member;
    }

    public PyObject get(PyRuntime rt, PyObject self) {
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
