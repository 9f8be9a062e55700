package dev.refgrade.runtime.objects;

/**
 * A function a library module defines in Python (Lib/functools.py's _gt_from_lt, ...), whose body
 * the simulator runs in Java: a `function` to the program, bound as a method when found on a class.
 * Module-level and shared by every class that receives it, so static here as the module is.
 */
public final class PyLibFunction extends PyObject {
    /** The body: the arguments bound to the function's parameters (PyBuiltin's binding, with Python's wording). */
    public final PyBuiltin body;
    /**
     * __name__ (total_ordering renames each to the slot it fills), __qualname__ and __doc__; doc is
     * null for a function without a docstring (__doc__ None).
     */
    public final PyStr name, qualname, doc;
    public PyStr module;

    /** __defaults__, owned; null when it has none. */
    public PyTuple defaults;
    /** Its closure, owned; null when it has none: a cell, or a tuple of cells as func_closure is. */
    public PyObject closure;
    /** Made on the heap by a library call (namedtuple's methods): it owns its strings and defaults. */
    private final boolean owned;

    public PyLibFunction(PyBuiltin body, PyStr name, PyStr qualname, PyStr module, PyStr doc) {
        this(body, name, qualname, module, doc, null, false);
    }

    private PyLibFunction(PyBuiltin body, PyStr name, PyStr qualname, PyStr module, PyStr doc, PyTuple defaults, boolean owned) {
        this.body = body;
        this.name = name;
        this.qualname = qualname;
        this.module = module;
        this.doc = doc;
        this.defaults = defaults;
        this.owned = owned;
    }

    /** A function a library call makes for the program, owning (taking) its strings and {@code defaults} (or null). */
    public static PyLibFunction made(PyBuiltin body, PyStr name, PyStr qualname, PyStr module, PyStr doc, PyTuple defaults) {
        return new PyLibFunction(body, name, qualname, module, doc, defaults, true);
    }

    @Override
    public void traverse(java.util.function.Consumer<PyObject> visit) {
        if (!owned) return;
        for (PyObject o : new PyObject[] {name, qualname, module, doc, defaults, closure}) if (o != null) visit.accept(o);
    }

    /** func_dealloc's release of what it holds. */
    @Override
    public void releaseReferences(dev.refgrade.runtime.memory.Heap heap) {
        if (!owned) return;
        PyTuple d = defaults;
        PyObject c = closure;
        defaults = null;
        closure = null;
        heap.decref(name);
        heap.decref(qualname);
        heap.decref(module);
        heap.xdecref(doc);
        heap.xdecref(d);
        heap.xdecref(c);
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
        return owned;
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
