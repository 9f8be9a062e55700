package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyGenericAlias;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.protocol.Descriptors;
import dev.refgrade.runtime.protocol.Repr;
import java.util.Set;

/**
 * Subscripting a class (PyObject_GetItem on a type): type[X] and a builtin type whose CPython
 * class has __class_getitem__ make a types.GenericAlias (Py_GenericAlias); a class's own
 * __class_getitem__ (a classmethod) is called with the subscript; any other type is not
 * subscriptable. Also the alias's repr (ga_repr), call (ga_call) and attributes.
 */
public final class GenericAliases {
    private GenericAliases() {}

    static void install() {
        Registry reg = Registry.module("types");
        reg.constructor(PyGenericAlias.TYPE, "origin, args, /", (rt, t, a) -> alias(rt, a.get("origin"), a.get("args")));
    }

    /** Py_GenericAlias(origin, args): both kept; a subscript that is not a tuple becomes a one-tuple. */
    static PyGenericAlias alias(PyRuntime rt, PyObject origin, PyObject args) {
        Heap heap = rt.heap;
        PyTuple tuple = args instanceof PyTuple t ? heap.newRef(t) : rt.newTuple(heap.newRef(args));
        return heap.alloc(new PyGenericAlias(heap.newRef(origin), tuple));
    }

    /** PyObject_GetItem's case of a type: type[...], then __class_getitem__, else not subscriptable. */
    public static PyObject subscript(PyRuntime rt, PyType t, PyObject key) {
        if (t == PyType.TYPE) return alias(rt, t, key);
        // _PyObject_LookupAttr(type, "__class_getitem__") along the MRO: a class's own is a classmethod;
        // a builtin class's is classmethod(Py_GenericAlias), which the simulator does not install.
        PyStr name = rt.name("__class_getitem__");
        try {
            for (PyType s : t.mro) {
                if (s.heapType) {
                    PyObject found = s.own(rt, name);
                    if (found == null) continue;
                    if (found == PyRuntime.NONE) break;
                    PyObject meth = Descriptors.get(rt, found, null, t);
                    try {
                        return rt.interp.callBorrowed(meth, new PyObject[] {key}, Kwargs.NONE);
                    } finally {
                        rt.heap.decref(meth);
                    }
                }
                Set<String> listed = CPythonNames.ownNames(s);
                if (listed == null && s != PyType.OBJECT) {
                    throw rt.refusal("subscripting class '" + t.name + "' (whether CPython's '" + s.name
                            + "' has __class_getitem__ is not known here)");
                }
                if (listed != null && listed.contains("__class_getitem__")) return alias(rt, t, key);
            }
        } finally {
            rt.heap.decref(name);
        }
        throw rt.typeError("type '" + t.name + "' is not subscriptable");
    }

    /** ga_call: the origin called, then __orig_class__ set on the result where it takes attributes. */
    public static PyObject call(PyRuntime rt, PyGenericAlias g, PyObject[] args, Kwargs kw) {
        PyObject result = rt.interp.callBorrowed(g.origin, args, kw);
        try {
            rt.ops.setAttr(result, rt.name("__orig_class__"), g);
        } catch (PyException e) {
            if (!e.matches(PyExc.ATTRIBUTE_ERROR) && !e.matches(PyExc.TYPE_ERROR)) {
                rt.heap.decref(result);
                throw e;
            }
            e.discard(rt.heap);
        }
        return result;
    }

    /** ga_repr: origin[arg, ...], each a class as module.qualname (bare for builtins), ... for Ellipsis. */
    public static String repr(PyRuntime rt, PyGenericAlias g) {
        StringBuilder b = new StringBuilder(item(rt, g.origin)).append('[');
        if (g.args.size() == 0) b.append("()");
        for (int i = 0; i < g.args.size(); i++) {
            if (i > 0) b.append(", ");
            b.append(item(rt, g.args.get(i)));
        }
        return b.append(']').toString();
    }

    /** ga_repr_item. */
    private static String item(PyRuntime rt, PyObject p) {
        if (p == PyRuntime.ELLIPSIS) return "...";
        if (p instanceof PyGenericAlias g) return repr(rt, g);
        PyObject qualname = rt.ops.getAttrOrNull(p, rt.name("__qualname__"));
        PyObject module = qualname == null ? null : rt.ops.getAttrOrNull(p, rt.name("__module__"));
        try {
            if (!(qualname instanceof PyStr q) || !(module instanceof PyStr m)) return Repr.repr(rt, p);
            return m.value.equals("builtins") ? q.value : m.value + "." + q.value;
        } finally {
            rt.heap.xdecref(qualname);
            rt.heap.xdecref(module);
        }
    }
}
