package dev.refgrade.runtime.protocol;

import dev.refgrade.runtime.Unsupported;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyFunction;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;

/**
 * A function's attributes (funcobject.c's getsets and members), then its __dict__, which is made
 * when first asked for or first written to (PyObject_GenericGetDict / GenericSetAttr).
 */
final class FunctionAttributes {
    private FunctionAttributes() {}

    /** The attribute as a new reference, or null when the function has none by that name. */
    static PyObject get(PyRuntime rt, PyFunction f, PyStr name) {
        Heap heap = rt.heap;
        return switch (name.value) {
            case "__defaults__" -> heap.newRef(f.defaults == null ? PyRuntime.NONE : f.defaults);
            case "__kwdefaults__" -> heap.newRef(f.kwdefaults == null ? PyRuntime.NONE : f.kwdefaults);
            case "__closure__" -> heap.newRef(f.closure == null ? PyRuntime.NONE : f.closure);
            case "__name__" -> heap.newRef(f.name);
            case "__qualname__" -> rt.newStr(f.qualname);
            case "__code__" -> heap.newRef(f.code);
            case "__globals__" -> heap.newRef(f.globals);
            case "__module__" -> heap.newRef(f.module == null ? PyRuntime.NONE : f.module);
            case "__doc__" -> heap.newRef(f.doc == null ? PyRuntime.NONE : f.doc);
            case "__annotations__" -> heap.newRef(annotations(rt, f));
            case "__dict__" -> heap.newRef(dict(rt, f));
            default -> {
                PyObject v = f.dict == null ? null : f.dict.getBorrowed(rt, name);
                yield v == null ? null : heap.newRef(v);
            }
        };
    }

    /**
     * func_get_annotations: an empty dict made on first access when the def had none; the
     * (name, value, ...) tuple MAKE_FUNCTION stored becomes a dict then, and replaces it.
     */
    private static PyDict annotations(PyRuntime rt, PyFunction f) {
        if (f.annotations instanceof PyDict d) return d;
        PyDict d = rt.newDict();
        if (f.annotations instanceof PyTuple t) {
            for (int i = 0; i < t.size(); i += 2) d.put(rt, t.get(i), t.get(i + 1));
            rt.heap.decref(t);
        }
        f.annotations = d;
        return d;
    }

    private static PyDict dict(PyRuntime rt, PyFunction f) {
        if (f.dict == null) f.dict = rt.newDict();
        return f.dict;
    }

    /** func_set_* and the __dict__ fallback; value null deletes. */
    static void set(PyRuntime rt, PyFunction f, PyStr name, PyObject value) {
        Heap heap = rt.heap;
        switch (name.value) {
            case "__defaults__" -> {
                PyObject v = noneToNull(value);
                if (v != null && !(v instanceof PyTuple)) throw rt.typeError("__defaults__ must be set to a tuple object");
                PyTuple old = f.defaults;
                f.defaults = (PyTuple) (v == null ? null : heap.newRef(v));
                heap.xdecref(old);
            }
            case "__kwdefaults__" -> {
                PyObject v = noneToNull(value);
                if (v != null && !(v instanceof PyDict)) throw rt.typeError("__kwdefaults__ must be set to a dict object");
                PyDict old = f.kwdefaults;
                f.kwdefaults = (PyDict) (v == null ? null : heap.newRef(v));
                heap.xdecref(old);
            }
            case "__name__" -> {
                if (!(value instanceof PyStr s)) throw rt.typeError("__name__ must be set to a string object");
                PyStr old = f.name;
                f.name = heap.newRef(s);
                heap.decref(old);
            }
            case "__qualname__" -> {
                if (!(value instanceof PyStr s)) throw rt.typeError("__qualname__ must be set to a string object");
                f.qualname = s.value;
            }
            case "__doc__", "__module__" -> {
                PyObject v = heap.newRef(value == null ? PyRuntime.NONE : value);
                PyObject old;
                if (name.value.equals("__doc__")) {
                    old = f.doc;
                    f.doc = v;
                } else {
                    old = f.module;
                    f.module = v;
                }
                heap.xdecref(old);
            }
            case "__annotations__" -> {
                PyObject v = noneToNull(value);
                if (v != null && !(v instanceof PyDict)) throw rt.typeError("__annotations__ must be set to a dict object");
                PyObject old = f.annotations;
                f.annotations = v == null ? null : heap.newRef(v);
                heap.xdecref(old);
            }
            case "__globals__", "__closure__", "__builtins__" -> throw rt.error(PyExc.ATTRIBUTE_ERROR, "readonly attribute");
            case "__code__", "__dict__" -> throw new Unsupported("setting a function's " + name.value,
                    rt.interp.currentFrame() == null ? 0 : rt.interp.currentFrame().line);
            default -> {
                if (value != null) {
                    dict(rt, f).put(rt, name, value);
                    return;
                }
                int ix = f.dict == null ? -1 : f.dict.find(rt, name, rt.ops.hash(name));
                if (ix < 0) throw Attributes.noAttribute(rt, f, name.value);
                f.dict.removeEntry(heap, ix);
            }
        }
    }

    private static PyObject noneToNull(PyObject v) {
        return v == PyRuntime.NONE ? null : v;
    }
}
