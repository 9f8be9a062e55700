package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.BuiltinGetter;
import dev.refgrade.runtime.objects.PyDefaultDict;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import java.util.Arrays;
import java.util.List;

/** collections.defaultdict (Modules/_collectionsmodule.c, 3.11): dict's methods plus the factory's. */
public final class DefaultDictType {
    private DefaultDictType() {}

    static void install(Registry reg) {
        PyType t = PyDefaultDict.TYPE;
        reg.put("defaultdict", t);
        // defaultdict has no tp_new of its own: dict_new, then defdict_init with the packed arguments.
        reg.constructor(t, "*args, **kwargs", DefaultDictType::construct);
        reg.method(t, "__missing__", "key, /", (PyRuntime rt, PyDefaultDict d, Args a) -> missing(rt, d, a.get("key")));
        reg.method(t, "copy", "", (PyRuntime rt, PyDefaultDict d, Args a) -> copy(rt, d));
        reg.method(t, "__copy__", "", (PyRuntime rt, PyDefaultDict d, Args a) -> copy(rt, d));
        // T_OBJECT member: a NULL factory reads as None; deleting stores NULL.
        t.install("default_factory", new BuiltinGetter((rt, self) -> {
            PyObject f = ((PyDefaultDict) self).factory;
            return rt.heap.newRef(f == null ? PyRuntime.NONE : f);
        }, (rt, self, value) -> ((PyDefaultDict) self).replaceFactory(rt.heap, value == null ? null : rt.heap.newRef(value))));
        for (String refused : List.of("__reduce__", "__class_getitem__", "__init__")) {
            reg.method(t, refused, "*args, **kwargs", (PyRuntime rt, PyDefaultDict d, Args a) -> {
                throw a.unsupported("defaultdict." + refused);
            });
        }
    }

    /** type_call through _PyObject_MakeTpCall ({@link TpCall}): dict_new and defdict_init see the packed arguments. */
    private static PyObject construct(PyRuntime rt, PyType t, Args a) {
        if (t != PyDefaultDict.TYPE) throw a.unsupported("an instance of a subclass of collections.defaultdict");
        return TpCall.call(rt, a.rest(), a.extra(), (args, kwdict) -> make(rt, args.items, kwdict));
    }

    /** dict_new (a tracked, empty dict of the subclass) then defdict_init; the new reference. */
    private static PyDefaultDict make(PyRuntime rt, PyObject[] args, PyDict kwdict) {
        PyDefaultDict d = rt.heap.alloc(new PyDefaultDict());
        d.sizeModelled = true;
        try {
            init(rt, d, args, kwdict);
        } catch (RuntimeException e) {
            rt.heap.decref(d);
            throw e;
        }
        return d;
    }

    /**
     * defdict_init: the first argument, if any, is the factory (callable or None); the rest go to
     * dict_init as a new tuple (PySequence_GetSlice), released once dict_init is done.
     */
    private static void init(PyRuntime rt, PyDefaultDict d, PyObject[] args, PyDict kwdict) {
        Heap heap = rt.heap;
        PyObject factory = args.length > 0 ? args[0] : null;
        if (factory != null && factory != PyRuntime.NONE && !Functions.isCallable(rt, factory)) {
            throw rt.typeError("first argument must be callable or None");
        }
        PyObject[] rest = args.length > 1 ? Arrays.copyOfRange(args, 1, args.length) : new PyObject[0];
        PyTuple newargs = rt.newTuple(Arrays.stream(rest).map(heap::newRef).toArray(PyObject[]::new));
        d.replaceFactory(heap, factory == null ? null : heap.newRef(factory));
        try {
            // dict_init: dict_update_common's PyArg_UnpackTuple(args, "dict", 0, 1), then the keywords merged.
            if (rest.length > 1) throw rt.typeError("dict expected at most 1 argument, got " + rest.length);
            if (rest.length == 1) DictMethods.merge(rt, d, rest[0]);
            if (kwdict != null) DictMethods.merge(rt, d, kwdict);
        } finally {
            heap.decref(newargs);
        }
    }

    /**
     * defdict_missing, which dict_subscript calls for a key it lacks: KeyError without a factory,
     * else factory() stored under the key (PyObject_SetItem) and returned, a new reference.
     */
    public static PyObject missing(PyRuntime rt, PyDefaultDict d, PyObject key) {
        PyObject factory = d.factory;
        if (factory == null || factory == PyRuntime.NONE) throw rt.keyError(key);
        PyObject value = rt.ops.call(factory);
        try {
            rt.ops.setItem(d, key, value);
        } catch (RuntimeException e) {
            rt.heap.decref(value);
            throw e;
        }
        return value;
    }

    /** defdict_copy (copy(), __copy__, copy.copy): type(d)(factory or None, d), a call that packs its two arguments. */
    static PyObject copy(PyRuntime rt, PyDefaultDict d) {
        return newLike(rt, d, d);
    }

    /** new_defdict: PyObject_CallFunctionObjArgs(type(dd), factory or None, arg), whose argument tuple lives for the call. */
    private static PyObject newLike(PyRuntime rt, PyDefaultDict d, PyObject arg) {
        Heap heap = rt.heap;
        PyObject factory = d.factory == null ? PyRuntime.NONE : d.factory;
        PyTuple packed = rt.newTuple(heap.newRef(factory), heap.newRef(arg));
        try {
            return make(rt, packed.items, null);
        } finally {
            heap.decref(packed);
        }
    }

    /**
     * defdict_or, tried before dict's | whenever either side is a defaultdict: the defaultdict
     * side's class called with the left operand, then updated with the right; null for
     * NotImplemented when the other side is no dict.
     */
    public static PyObject or(PyRuntime rt, PyObject left, PyObject right) {
        PyDefaultDict self = left instanceof PyDefaultDict l ? l : (PyDefaultDict) right;
        PyObject other = self == left ? right : left;
        if (!(other instanceof PyDict)) return null;
        PyObject made = newLike(rt, self, left);
        try {
            DictMethods.merge(rt, (PyDict) made, right); // PyDict_Update
        } catch (RuntimeException e) {
            rt.heap.decref(made);
            throw e;
        }
        return made;
    }
}
