package dev.refgrade.runtime.objects;

/** bool: a subclass of int with exactly two instances. */
public final class PyBool extends PyInt {
    public final boolean value;

    public PyBool(boolean value) {
        super(value ? 1 : 0);
        this.value = value;
    }

    @Override
    public PyType type() {
        return PyType.BOOL;
    }

    @Override
    public boolean refcountKnowable() {
        return false;
    }

    @Override
    public String toString() {
        return value ? "True" : "False";
    }
}
