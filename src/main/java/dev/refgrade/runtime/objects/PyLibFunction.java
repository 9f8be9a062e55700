package dev.refgrade.runtime.objects;

/**
 * A function a library module defines in Python (Lib/functools.py's _gt_from_lt, ...), whose body
 * the simulator runs in Java: a `function` to the program, bound as a method when found on a class.
 * Module-level and shared by every class that receives it, so static here as the module is.
 */
public final class PyLibFunction extends PyObject {
    /** The body: the arguments bound to the function's parameters (PyBuiltin's binding, with Python's wording). */
    public final PyBuiltin body;
    /** __name__ (total_ordering renames each to the slot it fills), __qualname__, __module__ and __doc__. */
    public final PyStr name, qualname, module, doc;

    public PyLibFunction(PyBuiltin body, PyStr name, PyStr qualname, PyStr module, PyStr doc) {
        this.body = body;
        this.name = name;
        this.qualname = qualname;
        this.module = module;
        this.doc = doc;
    }

    @Override
    public PyType type() {
        return PyType.FUNCTION;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    @Override
    public boolean refcountKnowable() {
        return false;
    }

    @Override
    public boolean weaklyReferenceable() {
        return true;
    }

    @Override
    public int allocSize() {
        return 16 + 136;
    }
}
