package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/** A function made by `def`: its code, the globals it runs in, its defaults and closure cells. */
public final class PyFunction extends PyObject {
    public final PyCode code;
    public final PyDict globals;
    /** Owned references; null when absent. */
    public PyTuple defaults;
    /** __kwdefaults__: keyword-only parameters' defaults by name. */
    public PyDict kwdefaults;
    public PyTuple closure;
    /** The (name, value, ...) tuple MAKE_FUNCTION stores, until __annotations__ turns it into a dict. */
    public PyObject annotations;
    /** __dict__: attributes set on the function. */
    public PyDict dict;
    /** __name__, owned; __qualname__. Both may be reassigned. */
    public PyStr name;
    public String qualname;
    /** __module__ (the globals' __name__ at the def) and __doc__ (the code's first constant if a str, else None); owned. */
    public PyObject module, doc;

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
        if (module != null) visit.accept(module);
        if (doc != null) visit.accept(doc);
        if (defaults != null) visit.accept(defaults);
        if (kwdefaults != null) visit.accept(kwdefaults);
        if (dict != null) visit.accept(dict);
        if (closure != null) visit.accept(closure);
        if (annotations != null) visit.accept(annotations);
    }

    /** func_clear then func_dealloc: globals, module, defaults, kwdefaults, doc, dict, closure, annotations, then code and name. */
    @Override
    public void releaseReferences(Heap heap) {
        clearForCollector(heap);
        heap.decref(code);
        heap.decref(name);
    }

    @Override
    public void clearForCollector(Heap heap) {
        PyTuple d = defaults, c = closure;
        PyDict kd = kwdefaults, fd = dict;
        PyObject an = annotations, mod = module, dc = doc;
        defaults = closure = null;
        kwdefaults = dict = null;
        annotations = module = doc = null;
        heap.decref(globals);
        heap.xdecref(mod);
        heap.xdecref(d);
        heap.xdecref(kd);
        heap.xdecref(dc);
        heap.xdecref(fd);
        heap.xdecref(c);
        heap.xdecref(an);
    }
}
