package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyMappingProxy;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.Signature;
import dev.refgrade.runtime.objects.Signature.Convention;

/**
 * types.MappingProxyType's methods (mappingproxy_methods in Objects/descrobject.c): each calls the
 * same-named method of the mapping it holds; item access, len, iteration, `in`, comparison, repr and
 * str go to the mapping in the protocol code.
 */
public final class MappingProxyType {
    private MappingProxyType() {}

    static void install() {
        Registry reg = Registry.module("types");
        reg.constructor(PyMappingProxy.TYPE, "mapping", (rt, t, a) -> {
            PyObject mapping = a.get("mapping");
            // mappingproxy_check_mapping: a mapping, and never a list or tuple (whose __getitem__ takes indexes).
            if (mapping instanceof PyList || mapping instanceof PyTuple || !(mapping instanceof PyDict || mapping instanceof PyMappingProxy)) {
                if (!(mapping instanceof PyList || mapping instanceof PyTuple) && mapping.type().lookup(rt, "__getitem__") != null) {
                    throw a.unsupported("mappingproxy() of a mapping other than a dict");
                }
                throw rt.typeError("mappingproxy() argument must be a mapping, not " + mapping.type().name);
            }
            return rt.heap.alloc(new PyMappingProxy(rt.heap.newRef(mapping)));
        });
        reg.method(PyMappingProxy.TYPE, "get", Signature.parse("key, default=None, /").as(Convention.POSITIONAL),
                (PyRuntime rt, PyMappingProxy p, Args a) -> {
                    PyObject d = a.get("default");
                    PyObject[] args = d == null ? new PyObject[] {a.get("key")} : new PyObject[] {a.get("key"), d};
                    return callMethod(rt, p, "get", args);
                });
        for (String name : new String[] {"keys", "values", "items", "copy", "__reversed__"}) {
            reg.method(PyMappingProxy.TYPE, name, "", (PyRuntime rt, PyMappingProxy p, Args a) -> {
                checkListable(rt, p);
                return callMethod(rt, p, name);
            });
        }
    }

    /** Refuses what would show the whole key set of a proxy whose mapping lacks some of CPython's keys. */
    public static void checkListable(PyRuntime rt, PyMappingProxy p) {
        if (!p.keysIncomplete) return;
        throw rt.refusal("listing a class's __dict__ on Python " + rt.rules.version
                + " (__static_attributes__ and __firstlineno__ are not modelled)");
    }

    /** PyObject_VectorcallMethod on the mapping: its own method, looked up by name. */
    private static PyObject callMethod(PyRuntime rt, PyMappingProxy p, String name, PyObject... args) {
        PyObject m = rt.ops.getAttr(p.mapping, rt.name(name));
        try {
            return rt.interp.callBorrowed(m, args, Kwargs.NONE);
        } finally {
            rt.heap.decref(m);
        }
    }
}
