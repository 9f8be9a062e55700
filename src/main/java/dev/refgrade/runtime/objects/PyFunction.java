package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/** A function made by `def`: its code, the globals it runs in, its defaults and closure cells. */
public final class PyFunction extends PyObject {
    public final PyCode code;
    public final PyDict globals;
    /** Owned references; null when absent. */
    public PyTuple defaults;
    public PyTuple closure;
    PyDict dict;
    public final PyStr name;
    public final String qualname;

    public PyFunction(PyCode code, PyDict globals, PyTuple defaults, PyTuple closure, PyStr name, String qualname) {
        this.code = code;
        this.globals = globals;
        this.defaults = defaults;
        this.closure = closure;
        this.name = name;
        this.qualname = qualname;
    }

    public PyCode code() {
        return code;
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
        return true;
    }

    @Override
    public boolean weaklyReferenceable() {
        return true;
    }

    @Override
    public int allocSize() {
        return 16 + 136;
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        visit.accept(code);
        visit.accept(globals);
        visit.accept(name);
        if (defaults != null) visit.accept(defaults);
        if (closure != null) visit.accept(closure);
        if (dict != null) visit.accept(dict);
    }

    /** func_clear then func_dealloc: globals, defaults, dict, closure, then code and name. */
    @Override
    public void releaseReferences(Heap heap) {
        clearForCollector(heap);
        heap.decref(code);
        heap.decref(name);
    }

    @Override
    public void clearForCollector(Heap heap) {
        PyTuple d = defaults, c = closure;
        PyDict fd = dict;
        defaults = closure = null;
        dict = null;
        heap.decref(globals);
        heap.xdecref(d);
        heap.xdecref(fd);
        heap.xdecref(c);
    }
}
