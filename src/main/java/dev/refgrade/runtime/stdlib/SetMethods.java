package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PySet;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;

/** set's and frozenset's methods (Objects/setobject.c), each with its CPython signature. */
final class SetMethods {
    private SetMethods() {}

    static void install(Registry reg) {
        PyType S = PyType.SET;
        reg.method(S, "add", "object, /", SetMethods::add);
        reg.method(S, "discard", "object, /", SetMethods::discard);
        reg.method(S, "remove", "object, /", SetMethods::remove);
        reg.method(S, "clear", "", SetMethods::clear);
        // METH_VARARGS: any number of iterables, no keywords.
        reg.method(S, "update", Signature.parse("*others").as(Signature.Convention.POSITIONAL), SetMethods::update);
        reg.method(S, "copy", "", SetMethods::copy);
        reg.method(PyType.FROZENSET, "copy", "", SetMethods::copy);
    }

    static PyObject add(PyRuntime rt, PySet self, Args a) {
        self.add(rt, a.get("object"));
        return PyRuntime.NONE;
    }

    static PyObject discard(PyRuntime rt, PySet self, Args a) {
        self.discard(rt, a.get("object"));
        return PyRuntime.NONE;
    }

    static PyObject remove(PyRuntime rt, PySet self, Args a) {
        PyObject o = a.get("object");
        if (!self.discard(rt, o)) throw rt.keyError(o);
        return PyRuntime.NONE;
    }

    static PyObject clear(PyRuntime rt, PySet self, Args a) {
        self.releaseReferences(rt.heap);
        return PyRuntime.NONE;
    }

    static PyObject update(PyRuntime rt, PySet self, Args a) {
        for (PyObject iterable : a.rest()) {
            for (PyObject o : Builtins.toArray(rt, iterable)) {
                self.add(rt, o);
                rt.heap.decref(o);
            }
        }
        return PyRuntime.NONE;
    }

    /** A frozenset's copy is the frozenset itself, as frozenset_copy returns it. */
    static PyObject copy(PyRuntime rt, PySet self, Args a) {
        if (self.frozen) return rt.heap.newRef(self);
        PySet out = rt.newSet(false);
        for (int i = self.nextSlot(0); i < self.table.length; i = self.nextSlot(i + 1)) out.add(rt, self.table[i]);
        return out;
    }
}
