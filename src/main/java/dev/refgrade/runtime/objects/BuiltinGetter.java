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
    /** A READONLY member (PyMemberDef) rather than a getset: assigning to it says "readonly attribute". */
    public final boolean member;

    public BuiltinGetter(Getter getter) {
        this(getter, null, false);
    }

    public BuiltinGetter(Getter getter, Setter setter) {
        this(getter, setter, false);
    }

    private BuiltinGetter(Getter getter, Setter setter, boolean member) {
        this.getter = getter;
        this.setter = setter;
        this.member = member;
    }

    /** A READONLY T_OBJECT member of a builtin type (slice.start). */
    public static BuiltinGetter member(Getter getter) {
        return new BuiltinGetter(getter, null, true);
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
