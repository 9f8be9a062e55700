package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.eval.PyRuntime;

/**
 * A computed attribute of a builtin type (CPython's getset and member descriptors), such as
 * `finalize.alive`; read-only unless it has a setter (`defaultdict.default_factory`).
 */
public final class BuiltinGetter extends PyObject {
    public interface Getter {
        PyObject get(PyRuntime rt, PyObject self);
    }

    /** Stores {@code value} (borrowed), or deletes the attribute when it is null. */
    public interface Setter {
        void set(PyRuntime rt, PyObject self, PyObject value);
    }

    private final Getter getter;
    private final Setter setter;

    public BuiltinGetter(Getter getter) {
        this(getter, null);
    }

    public BuiltinGetter(Getter getter, Setter setter) {
        this.getter = getter;
        this.setter = setter;
    }

    public PyObject get(PyRuntime rt, PyObject self) {
        return getter.get(rt, self);
    }

    /** Whether assignment and deletion reach {@link #set}; without a setter the attribute is read-only. */
    public boolean writable() {
        return setter != null;
    }

    public void set(PyRuntime rt, PyObject self, PyObject value) {
        setter.set(rt, self, value);
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
