package dev.refgrade.runtime.eval;

import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyCell;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyFuncWrapper;
import dev.refgrade.runtime.objects.PyGetSetDescr;
import dev.refgrade.runtime.objects.PyFunction;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyProperty;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.protocol.Descriptors;

/**
 * What type_new does with a class's namespace once the body ran (type_new_set_attrs, then
 * type_new_set_names and type_new_init_subclass): __qualname__ and __classcell__ leave the dict,
 * __new__ becomes a staticmethod, __init_subclass__ and __class_getitem__ classmethods, __doc__
 * defaults to None, each attribute with __set_name__ learns its name, and the nearest base's
 * __init_subclass__ runs.
 */
final class ClassCreation {
    private ClassCreation() {}

    static void setAttrs(PyRuntime rt, PyType cls) {
        Heap heap = rt.heap;
        PyDict dict = cls.dict;
        PyObject qualname = dict.pop(rt, new PyStr("__qualname__"));
        if (qualname instanceof PyStr q) cls.qualname = q;
        else heap.xdecref(qualname);
        wrap(rt, dict, "__new__", PyFuncWrapper.Kind.STATIC);
        wrap(rt, dict, "__init_subclass__", PyFuncWrapper.Kind.CLASS);
        wrap(rt, dict, "__class_getitem__", PyFuncWrapper.Kind.CLASS);
        // type_new_set_classcell: the cell the methods' super() reads now holds the class.
        PyObject cell = dict.pop(rt, new PyStr("__classcell__"));
        if (cell instanceof PyCell c) c.contents = heap.newRef(cls);
        heap.xdecref(cell);
        cls.ready(rt);
        // PyType_Ready's type_dict_set_doc, then type_ready_set_hash: a class that defines __eq__
        // without __hash__ inherits no tp_hash, so its __hash__ is None (unhashable).
        // type_ready's add_getset: a getset_descriptor each, holding the class (d_type) and its name.
        for (String name : cls.addedGetsets()) {
            PyStr key = rt.name(name);
            dict.putOwned(rt, key, heap.alloc(new PyGetSetDescr(heap.newRef(cls), heap.newRef(key))));
            heap.decref(key);
        }
        putIfAbsent(rt, dict, "__doc__");
        PyStr eq = new PyStr("__eq__");
        if (dict.getBorrowed(rt, eq) != null) putIfAbsent(rt, dict, "__hash__");
    }

    private static void putIfAbsent(PyRuntime rt, PyDict dict, String name) {
        if (dict.getBorrowed(rt, new PyStr(name)) != null) return;
        PyStr key = rt.name(name);
        dict.put(rt, key, PyRuntime.NONE);
        rt.heap.decref(key);
    }

    /** type_new_staticmethod / type_new_classmethod: a plain function under {@code name} is wrapped. */
    private static void wrap(PyRuntime rt, PyDict dict, String name, PyFuncWrapper.Kind kind) {
        PyStr key = new PyStr(name);
        if (!(dict.getBorrowed(rt, key) instanceof PyFunction f)) return;
        PyFuncWrapper w = rt.heap.alloc(new PyFuncWrapper(kind, rt.heap.newRef(f)));
        dict.putOwned(rt, key, w);
    }

    /** type_new_set_names: __set_name__(owner, name) of every attribute whose type has it, in dict order. */
    static void setNames(PyRuntime rt, PyType cls) {
        Heap heap = rt.heap;
        PyDict dict = cls.dict;
        for (int i = dict.nextEntry(0); i < dict.entries; i = dict.nextEntry(i + 1)) {
            PyObject key = dict.keyAt(i), value = dict.valueAt(i);
            if (value instanceof PyProperty p) {
                PyObject old = p.name;
                p.name = heap.newRef(key);
                heap.xdecref(old);
            } else {
                try {
                    if (value instanceof PyInstance inst && inst.cls.lookup(rt, "__set_name__") instanceof PyObject setName) {
                        heap.decref(rt.interp.callBorrowed(setName, new PyObject[] {inst, cls, key}, Kwargs.NONE));
                    } else if (value.type().lookup(rt, "__set_name__") instanceof PyBuiltin setName && setName.methodOf != null) {
                        heap.decref(rt.interp.callBuiltin(setName, value, new PyObject[] {cls, key}, Kwargs.NONE));
                    }
                } catch (PyException e) {
                    // gh-77757 (3.12): the exception itself goes on, with a PEP 678 note; not modelled there.
                    if (rt.rules.version != dev.refgrade.runtime.PythonVersion.V3_11) {
                        e.discard(heap);
                        throw new dev.refgrade.runtime.Unsupported("an exception raised by __set_name__ on Python " + rt.rules.version
                                + " (the note it gets is not modelled)", rt.interp.currentFrame() == null ? 0 : rt.interp.currentFrame().line);
                    }
                    String owner = value.type().name.substring(value.type().name.lastIndexOf('.') + 1);
                    throw rt.interp.exc.fromCause(e, "Error calling __set_name__ on '" + owner + "' instance "
                            + dev.refgrade.runtime.protocol.Repr.repr(rt, key) + " in '" + cls.name + "'");
                }
            }
        }
    }

    /** type_new_init_subclass: super(cls, cls).__init_subclass__(), which object's does nothing. */
    static void initSubclass(PyRuntime rt, PyType cls) {
        PyStr key = new PyStr("__init_subclass__");
        for (PyType s : cls.mro.subList(1, cls.mro.size())) {
            PyObject found = s.own(rt, key);
            if (found == null) continue;
            if (!s.heapType) return;
            PyObject bound = Descriptors.get(rt, found, null, cls);
            try {
                rt.heap.decref(rt.interp.callBorrowed(bound, new PyObject[0], Kwargs.NONE));
            } finally {
                rt.heap.decref(bound);
            }
            return;
        }
    }
}
