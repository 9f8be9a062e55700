package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/** property(fget, fset, fdel): a data descriptor found on the class. */
public final class PyProperty extends PyObject {
    public PyObject fget, fset, fdel;
    /** The docstring (given, or the getter's: getterDoc), and the name __set_name__ gave; owned, null when absent. */
    public PyObject doc, name;
    public boolean getterDoc;

    /** property_descr_get/set's complaint: "property 'x' of 'A' object has no setter". */
    public String missing(String what, PyType owner) {
        String prop = name instanceof PyStr s ? "property '" + s.value + "'" : "property";
        return prop + " of '" + owner.name + "' object has no " + what;
    }

    @Override
    public PyType type() {
        return PyType.PROPERTY;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    @Override
    public int allocSize() {
        return 16 + 64;
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (fget != null) visit.accept(fget);
        if (fset != null) visit.accept(fset);
        if (fdel != null) visit.accept(fdel);
        if (doc != null) visit.accept(doc);
        if (name != null) visit.accept(name);
    }

    @Override
    public void releaseReferences(Heap heap) {
        PyObject g = fget, s = fset, d = fdel, dc = doc, n = name;
        fget = fset = fdel = doc = name = null;
        heap.xdecref(g);
        heap.xdecref(s);
        heap.xdecref(d);
        heap.xdecref(dc);
        heap.xdecref(n);
    }
}
