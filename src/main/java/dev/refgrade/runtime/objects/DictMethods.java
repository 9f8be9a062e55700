package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.stdlib.Builtins;
import dev.refgrade.runtime.stdlib.CopyModule;

/** dict's methods, installed by name. */
public final class DictMethods {
    private DictMethods() {}

    public static void install() {
        PyType D = PyType.DICT;
        Builtins.method(D, "get", (rt, self, args, kw) -> {
            Builtins.arity(rt, "get", args, 1, 2);
            PyObject v = ((PyDict) self).getBorrowed(rt, args[0]);
            return rt.heap.newRef(v != null ? v : args.length > 1 ? args[1] : PyRuntime.NONE);
        });
        Builtins.method(D, "keys", (rt, self, args, kw) -> view(rt, PyType.DICT_KEYS, self));
        Builtins.method(D, "values", (rt, self, args, kw) -> view(rt, PyType.DICT_VALUES, self));
        Builtins.method(D, "items", (rt, self, args, kw) -> view(rt, PyType.DICT_ITEMS, self));
        Builtins.method(D, "copy", (rt, self, args, kw) -> CopyModule.copy(rt, self));
        Builtins.method(D, "clear", (rt, self, args, kw) -> {
            ((PyDict) self).releaseReferences(rt.heap);
            return PyRuntime.NONE;
        });
        Builtins.method(D, "update", (rt, self, args, kw) -> {
            if (args.length > 0) update(rt, (PyDict) self, args[0]);
            for (int i = 0; i < kw.names().size(); i++) ((PyDict) self).put(rt, kw.names().get(i), kw.values().get(i));
            return PyRuntime.NONE;
        });
        Builtins.method(D, "pop", (rt, self, args, kw) -> {
            Builtins.arity(rt, "pop", args, 1, 2);
            PyObject v = ((PyDict) self).pop(rt, args[0]);
            if (v != null) return v;
            if (args.length > 1) return rt.heap.newRef(args[1]);
            throw rt.keyError(args[0]);
        });
        Builtins.method(D, "setdefault", (rt, self, args, kw) -> {
            Builtins.arity(rt, "setdefault", args, 1, 2);
            PyDict d = (PyDict) self;
            PyObject v = d.getBorrowed(rt, args[0]);
            if (v == null) {
                v = args.length > 1 ? args[1] : PyRuntime.NONE;
                d.put(rt, args[0], v);
            }
            return rt.heap.newRef(v);
        });
    }

    private static PyObject view(PyRuntime rt, PyType type, PyObject dict) {
        return rt.heap.alloc(new PyDictView(type, rt.heap.newRef((PyDict) dict)));
    }

    /** dict.update(other): a dict's entries, or an iterable of key/value pairs. */
    public static void update(PyRuntime rt, PyDict d, PyObject other) {
        if (other instanceof PyDict o) {
            Builtins.dictUpdate(rt, d, o);
            return;
        }
        for (PyObject pair : Builtins.toArray(rt, other)) {
            PyObject[] kv = Builtins.toArray(rt, pair);
            rt.heap.decref(pair);
            if (kv.length != 2) {
                throw rt.error(PyExc.VALUE_ERROR, "dictionary update sequence element has length " + kv.length + "; 2 is required");
            }
            d.putOwned(rt, kv[0], kv[1]);
            rt.heap.decref(kv[0]);
        }
    }
}
