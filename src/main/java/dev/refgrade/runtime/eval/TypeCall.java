package dev.refgrade.runtime.eval;

import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyFunction;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.protocol.Descriptors;

/**
 * Calling a class of the program (type_call through _PyObject_MakeTpCall): the arguments are packed
 * into a tuple and the keywords into a dict, which hold them while __new__ and __init__ run, each
 * called with the class or the new object prepended (slot_tp_new, slot_tp_init). __init__ runs only
 * when __new__ returned an instance of the class.
 */
public final class TypeCall {
    private final PyRuntime rt;
    private final Heap heap;

    TypeCall(PyRuntime rt) {
        this.rt = rt;
        this.heap = rt.heap;
    }

    PyObject call(PyType t, PyObject[] args, Kwargs kw) {
        PyTuple argsTuple = rt.argumentTuple(args);
        PyDict kwdict = null;
        if (!kw.isEmpty()) {
            kwdict = rt.newDict();
            for (int i = 0; i < kw.names().size(); i++) kwdict.put(rt, kw.names().get(i), kw.values().get(i));
        }
        try {
            return typeCall(t, argsTuple, kwdict);
        } finally {
            heap.decref(argsTuple);
            heap.xdecref(kwdict);
        }
    }

    private PyObject typeCall(PyType t, PyTuple args, PyDict kw) {
        boolean excess = args.size() > 0 || kw != null && kw.size() > 0;
        boolean userNew = t.defines(rt, "__new__"), userInit = t.defines(rt, "__init__");
        PyObject obj;
        if (userNew) {
            PyObject newFunc = Descriptors.get(rt, t.lookup(rt, "__new__"), null, t);
            try {
                obj = rt.interp.callPrepended(newFunc, t, args.items, kw);
            } finally {
                heap.decref(newFunc);
            }
        } else {
            if (excess && !userInit) throw rt.typeError(t.name + "() takes no arguments");
            obj = newInstance(rt, t);
        }
        if (!obj.type().isSubtypeOf(t) || !userInit) return obj;
        PyObject init = t.lookup(rt, "__init__");
        PyObject r;
        try {
            if (init instanceof PyFunction) {
                r = rt.interp.callPrepended(init, obj, args.items, kw);
            } else {
                PyObject bound = Descriptors.get(rt, init, obj, obj.type());
                try {
                    r = rt.interp.callPrepended(bound, null, args.items, kw);
                } finally {
                    heap.decref(bound);
                }
            }
        } catch (RuntimeException e) {
            heap.decref(obj);
            throw e;
        }
        if (r != PyRuntime.NONE) {
            heap.decref(r);
            heap.decref(obj);
            throw rt.typeError("__init__() should return None, not '" + r.type().name + "'");
        }
        return obj;
    }

    /** cls.__new__(cls), as copyreg.__newobj__ calls it for copy: the class's own __new__ if it has one. */
    public static PyObject newObject(PyRuntime rt, PyType t) {
        if (!t.defines(rt, "__new__")) return newInstance(rt, t);
        PyObject newFunc = Descriptors.get(rt, t.lookup(rt, "__new__"), null, t);
        try {
            return rt.interp.callPrepended(newFunc, t, new PyObject[0], null);
        } finally {
            rt.heap.decref(newFunc);
        }
    }

    /** object_new for a class of the program: a new instance, which holds a reference to its class. */
    public static PyInstance newInstance(PyRuntime rt, PyType t) {
        rt.heap.incref(t);
        return rt.heap.alloc(new PyInstance(t));
    }
}
