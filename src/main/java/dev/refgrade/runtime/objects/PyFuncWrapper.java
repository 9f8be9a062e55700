package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/**
 * staticmethod and classmethod (funcobject.c's sm and cm, one layout): a callable kept in a class,
 * which attribute access gives back as it is (static) or bound to the class (class).
 */
public final class PyFuncWrapper extends PyObject {
    public enum Kind { STATIC, CLASS }

    public final Kind kind;
    /** sm_callable / cm_callable, owned. */
    public PyObject callable;
    /** __dict__, owned; functools_wraps makes it the callable's own __dict__. */
    public PyDict dict;
    /**
     * Whether functools_wraps copied a builtin's __doc__ (its C docstring, which the simulator does
     * not have): reading the wrapper's __doc__ or __dict__ is then refused.
     */
    public boolean builtinDoc;

    public PyFuncWrapper(Kind kind, PyObject callable) {
        this.kind = kind;
        this.callable = callable;
    }

    @Override
    public PyType type() {
        return kind == Kind.STATIC ? PyType.STATICMETHOD : PyType.CLASSMETHOD;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    @Override
    public int allocSize() {
        return 16 + 32;
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (callable != null) visit.accept(callable);
        if (dict != null) visit.accept(dict);
    }

    @Override
    public void releaseReferences(Heap heap) {
        PyObject c = callable;
        PyDict d = dict;
        callable = null;
        dict = null;
        heap.xdecref(c);
        heap.xdecref(d);
    }
}
