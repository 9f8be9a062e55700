package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyMappingProxy;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;
import dev.refgrade.runtime.objects.Signature.Convention;

/**
 * What ChainMap takes from MutableMapping (Lib/_collections_abc.py) and its own fromkeys classmethod,
 * each through self[key] as the Python code goes: update, setdefault, fromkeys. The views (keys,
 * items, values: KeysView and the rest) are not modelled.
 */
final class ChainMapMixins {
    private ChainMapMixins() {}

    static void install(Registry reg, PyType t) {
        // Functions of MutableMapping, so their messages name it.
        reg.method(t, "update", python("other=(), /, **kwds").named("MutableMapping.update", "update"), ChainMapMixins::update);
        reg.method(t, "setdefault", python("key, default=None").named("MutableMapping.setdefault", "setdefault"), (PyRuntime rt, PyInstance self, Args a) -> {
            PyObject key = a.get("key"), dflt = a.orNone("default");
            try {
                return rt.ops.getItem(self, key);
            } catch (PyException e) {
                if (!e.matches(PyExc.KEY_ERROR)) throw e;
                e.discard(rt.heap);
            }
            rt.ops.setItem(self, key, dflt);
            return rt.heap.newRef(dflt);
        });
        // @classmethod fromkeys(cls, iterable, *args): cls(dict.fromkeys(iterable, *args)).
        reg.classMethod(t, "fromkeys", python("iterable, *args"), (rt, cls, a) -> {
            PyObject[] rest = a.rest(), args = new PyObject[rest.length + 1];
            if (rest.length > 1 && rt.rules.version.atLeast(dev.refgrade.runtime.PythonVersion.V3_12)) {
                throw a.unsupported("ChainMap.fromkeys() with more than one value on 3.12+ (its signature became iterable, value=None, /)");
            }
            args[0] = a.get("iterable");
            System.arraycopy(rest, 0, args, 1, rest.length);
            PyBuiltin fromkeys = (PyBuiltin) PyType.DICT.builtinAttrs.get("fromkeys");
            PyObject d = rt.interp.callBuiltin(fromkeys, PyType.DICT, args, Kwargs.NONE);
            try {
                return rt.ops.call(cls, d);
            } finally {
                rt.heap.decref(d);
            }
        });
    }

    private static Signature python(String params) {
        return Signature.parse(params).as(Convention.PYTHON_METHOD);
    }

    /**
     * MutableMapping.update: a Mapping's keys, each stored as self[key] = other[key]; anything else as
     * (key, value) pairs; then the keywords. Whether an instance of a class is a Mapping
     * (collections.abc) is not modelled, so such an argument is refused.
     */
    private static PyObject update(PyRuntime rt, PyInstance self, Args a) {
        PyObject other = a.get("other");
        if (other instanceof PyInstance i && i.cls != ChainMapType.TYPE) {
            throw a.unsupported("ChainMap.update() of an instance (isinstance(x, Mapping) is not modelled)");
        }
        if (other != null) {
            boolean mapping = other instanceof PyDict || other instanceof PyMappingProxy || other instanceof PyInstance;
            PyObject it = rt.ops.iter(other);
            try {
                for (PyObject item = rt.ops.next(it); item != null; item = rt.ops.next(it)) {
                    rt.charge(1);
                    try {
                        if (mapping) storeFrom(rt, self, other, item);
                        else storePair(rt, self, item);
                    } finally {
                        rt.heap.decref(item);
                    }
                }
            } finally {
                rt.heap.decref(it);
            }
        }
        Kwargs kw = a.extra();
        for (int i = 0; i < kw.names().size(); i++) rt.ops.setItem(self, kw.names().get(i), kw.values().get(i));
        return PyRuntime.NONE;
    }

    /** self[key] = other[key]. */
    private static void storeFrom(PyRuntime rt, PyInstance self, PyObject other, PyObject key) {
        PyObject value = rt.ops.getItem(other, key);
        try {
            rt.ops.setItem(self, key, value);
        } finally {
            rt.heap.decref(value);
        }
    }

    /** `for key, value in other: self[key] = value`: UNPACK_SEQUENCE of two. */
    private static void storePair(PyRuntime rt, PyInstance self, PyObject pair) {
        PyObject[] kv;
        try {
            kv = Builtins.toArray(rt, pair);
        } catch (PyException e) {
            if (!e.matches(PyExc.TYPE_ERROR)) throw e;
            e.discard(rt.heap);
            throw rt.typeError("cannot unpack non-iterable " + pair.type().name + " object");
        }
        try {
            if (kv.length != 2) {
                throw rt.error(PyExc.VALUE_ERROR, kv.length > 2 ? "too many values to unpack (expected 2)"
                        : "not enough values to unpack (expected 2, got " + kv.length + ")");
            }
            rt.ops.setItem(self, kv[0], kv[1]);
        } finally {
            for (PyObject o : kv) rt.heap.decref(o);
        }
    }
}
