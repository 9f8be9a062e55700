package dev.refgrade.runtime.protocol;

import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyTupleGetter;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.BuiltinGetter;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyFuncWrapper;
import dev.refgrade.runtime.objects.PyFunction;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyMethod;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyProperty;
import dev.refgrade.runtime.objects.PyType;

/**
 * The descriptor protocol: what an attribute found on a type gives when read through an instance
 * ({@code obj}) or through the type itself ({@code obj} null), each kind's tp_descr_get; and which
 * kinds are data descriptors (tp_descr_set), which come before an instance's own __dict__.
 */
public final class Descriptors {
    private Descriptors() {}

    /** The value of {@code descr} found on {@code type}, as a new reference. */
    public static PyObject get(PyRuntime rt, PyObject descr, PyObject obj, PyType type) {
        Heap heap = rt.heap;
        switch (descr) {
            case PyFunction f -> {
                return obj == null ? heap.newRef(f) : heap.alloc(new PyMethod(heap.newRef(f), heap.newRef(obj)));
            }
            case PyFuncWrapper w when w.kind == PyFuncWrapper.Kind.STATIC -> {
                return heap.newRef(w.callable);
            }
            case PyFuncWrapper w -> {
                // cm_descr_get: bound to the class the attribute was looked up through.
                return heap.alloc(new PyMethod(heap.newRef(w.callable), heap.newRef(type)));
            }
            case PyProperty p -> {
                if (obj == null) return heap.newRef(p);
                if (p.fget == null) throw rt.error(PyExc.ATTRIBUTE_ERROR, p.missing("getter", obj.type()));
                return rt.ops.call(p.fget, obj);
            }
            case PyBuiltin b when b.self == null && b.classMethod -> {
                // classmethod_get: bound to the class looked through, from the class or an instance alike.
                return heap.alloc(b.bind(heap.newRef(type)));
            }
            case PyBuiltin b when b.self == null && b.methodOf != null -> {
                return obj == null ? heap.newRef(b) : heap.alloc(b.bind(heap.newRef(obj)));
            }
            case dev.refgrade.runtime.objects.PyLibFunction f -> {
                // func_descr_get: a library's Python function binds like the program's own.
                return obj == null ? heap.newRef(f) : heap.alloc(new PyMethod(heap.newRef(f), heap.newRef(obj)));
            }
            case dev.refgrade.runtime.objects.PyLruCache c -> {
                // lru_cache_descr_get: bound like a function, so the instance becomes part of each key.
                return obj == null ? heap.newRef(c) : heap.alloc(new PyMethod(heap.newRef(c), heap.newRef(obj)));
            }
            case PyTupleGetter g -> {
                // tuplegetter_descr_get: the descriptor itself from the class (or None), else item index of a tuple.
                if (obj == null || obj == PyRuntime.NONE) return heap.newRef(g);
                if (!(obj instanceof PyTuple t)) {
                    throw rt.typeError("descriptor for index '" + g.index + "' for tuple subclasses doesn't apply to '" + obj.type().name + "' object");
                }
                if (g.index >= t.size()) throw rt.error(PyExc.INDEX_ERROR, "tuple index out of range");
                return heap.newRef(t.items[(int) g.index]);
            }
            case BuiltinGetter g -> {
                return obj == null ? heap.newRef(g) : g.get(rt, obj);
            }
            case PyInstance i when i.cls.lookup(rt, "__get__") instanceof PyObject get -> {
                return rt.interp.callBorrowed(get, new PyObject[] {i, obj == null ? PyRuntime.NONE : obj, type}, Kwargs.NONE);
            }
            case PyObject o when o.type().lookup(rt, "__get__") instanceof PyBuiltin get && get.methodOf != null -> {
                // A library descriptor the simulator writes in Java (functools.cached_property): its own __get__.
                return rt.interp.callBuiltin(get, o, new PyObject[] {obj == null ? PyRuntime.NONE : obj, type}, Kwargs.NONE);
            }
            default -> {
                return heap.newRef(descr);
            }
        }
    }

    /** A data descriptor: its type defines __set__ or __delete__. */
    public static boolean isData(PyRuntime rt, PyObject descr) {
        return descr instanceof PyProperty || descr instanceof PyInstance i
                && (i.cls.lookup(rt, "__set__") != null || i.cls.lookup(rt, "__delete__") != null);
    }

    /** tp_descr_set of a data descriptor; {@code value} null deletes. */
    public static void set(PyRuntime rt, PyObject descr, PyObject obj, PyObject value) {
        Heap heap = rt.heap;
        if (descr instanceof PyProperty p) {
            PyObject func = value == null ? p.fdel : p.fset;
            if (func == null) throw rt.error(PyExc.ATTRIBUTE_ERROR, p.missing(value == null ? "deleter" : "setter", obj.type()));
            heap.decref(value == null ? rt.ops.call(func, obj) : rt.ops.call(func, obj, value));
            return;
        }
        PyInstance i = (PyInstance) descr;
        String hook = value == null ? "__delete__" : "__set__";
        PyObject method = i.cls.lookup(rt, hook);
        if (method == null) throw rt.error(PyExc.ATTRIBUTE_ERROR, hook.equals("__set__") ? "__set__" : "__delete__");
        PyObject[] args = value == null ? new PyObject[] {i, obj} : new PyObject[] {i, obj, value};
        heap.decref(rt.interp.callBorrowed(method, args, Kwargs.NONE));
    }
}
