package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.memory.StaticObjects;
import java.util.function.Consumer;

/**
 * A function written in C in CPython (builtin_function_or_method). Module-level ones are static;
 * `obj.method` of a builtin type makes a bound one holding {@code self}.
 */
public final class PyBuiltin extends PyObject {
    /** The code behind a builtin: arguments borrowed, result a new reference. */
    public interface Fn {
        PyObject call(PyRuntime rt, PyObject self, PyObject[] args, Kwargs kw);
    }

    public final String name;
    public final Fn fn;
    public final PyObject self;
    /** The module or type it belongs to, for its repr. */
    final String owner;
    /** For a method of a builtin type, that type: taken from the type unbound, it checks its first argument. */
    public final PyType methodOf;

    public PyBuiltin(String owner, String name, Fn fn, PyObject self) {
        this(owner, name, fn, self, null);
    }

    private PyBuiltin(String owner, String name, Fn fn, PyObject self, PyType methodOf) {
        this.owner = owner;
        this.name = name;
        this.fn = fn;
        this.self = self;
        this.methodOf = methodOf;
    }

    public static PyBuiltin of(String owner, String name, Fn fn) {
        return StaticObjects.place(new PyBuiltin(owner, name, fn, null));
    }

    /** A method of builtin type {@code t} (a method_descriptor in CPython). */
    public static PyBuiltin method(PyType t, String name, Fn fn) {
        return StaticObjects.place(new PyBuiltin(t.name, name, fn, null, t));
    }

    public PyBuiltin bind(PyObject to) {
        return new PyBuiltin(owner, name, fn, to, methodOf);
    }

    @Override
    public PyType type() {
        return PyType.BUILTIN_FUNCTION;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    @Override
    public boolean refcountKnowable() {
        return self != null;
    }

    @Override
    public int allocSize() {
        return 16 + 56;
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (self != null) visit.accept(self);
    }

    @Override
    public void releaseReferences(Heap heap) {
        heap.xdecref(self);
    }
}
