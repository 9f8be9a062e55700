package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/** functools.partial (Modules/_functoolsmodule.c): a callable with arguments fixed in front. */
public final class PyPartial extends PyObject {
    public static final PyType TYPE = PyType.newBuiltin("functools.partial", PyType.OBJECT);

    /** All owned: the callable, the fixed positional arguments, the fixed keywords. */
    public PyObject fn;
    public PyTuple args;
    public PyDict kw;

    public PyPartial(PyObject fn, PyTuple args, PyDict kw) {
        this.fn = fn;
        this.args = args;
        this.kw = kw;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    @Override
    public boolean weaklyReferenceable() {
        return true;
    }

    @Override
    public int allocSize() {
        return 16 + 64;
    }

    /** partial_traverse: its type first (a heap type of _functools, shared here, so never collected), then fn, args, kw. */
    @Override
    public void traverse(Consumer<PyObject> visit) {
        visit.accept(type());
        if (fn != null) visit.accept(fn);
        if (args != null) visit.accept(args);
        if (kw != null) visit.accept(kw);
    }

    /** partial_clear: fn, args, kw. */
    @Override
    public void releaseReferences(Heap heap) {
        PyObject f = fn;
        PyTuple a = args;
        PyDict k = kw;
        fn = null;
        args = null;
        kw = null;
        heap.xdecref(f);
        heap.xdecref(a);
        heap.xdecref(k);
    }
}
