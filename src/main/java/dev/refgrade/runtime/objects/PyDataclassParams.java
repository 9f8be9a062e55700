package dev.refgrade.runtime.objects;

/** A class's __dataclass_params__ (Lib/dataclasses.py's _DataclassParams): the options dataclass() was given. */
public final class PyDataclassParams extends PyObject {
    public static PyType TYPE;
    public final boolean init, repr, eq, order, unsafeHash, frozen;

    public PyDataclassParams(boolean init, boolean repr, boolean eq, boolean order, boolean unsafeHash, boolean frozen) {
        this.init = init;
        this.repr = repr;
        this.eq = eq;
        this.order = order;
        this.unsafeHash = unsafeHash;
        this.frozen = frozen;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    /** object's 16 bytes, six slots, the GC header. */
    @Override
    public int allocSize() {
        return 16 + 6 * 8 + 16;
    }

    /** _DataclassParams.__repr__. */
    @Override
    public String toString() {
        return "_DataclassParams(init=" + py(init) + ",repr=" + py(repr) + ",eq=" + py(eq) + ",order=" + py(order)
                + ",unsafe_hash=" + py(unsafeHash) + ",frozen=" + py(frozen) + ")";
    }

    private static String py(boolean b) {
        return b ? "True" : "False";
    }
}
