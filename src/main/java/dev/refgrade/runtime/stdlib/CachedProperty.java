package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.memory.StaticObjects;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.BuiltinGetter;
import dev.refgrade.runtime.objects.PyCachedProperty;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyRLock;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.Signature;
import dev.refgrade.runtime.objects.Signature.Convention;
import dev.refgrade.runtime.protocol.Repr;

/**
 * functools.cached_property, step by step as Lib/functools.py (3.11) writes it: __init__ keeps the
 * function, its __doc__ and a new RLock; __set_name__ records the attribute's name once; __get__
 * (a non-data descriptor, so the instance's own __dict__ entry wins once it exists) reads
 * instance.__dict__ (making the dict object), calls the function and stores its result there.
 */
final class CachedProperty {
    private CachedProperty() {}

    static void install(Registry reg) {
        reg.put("cached_property", PyCachedProperty.TYPE);
        reg.constructor(PyCachedProperty.TYPE, Signature.parse("func").as(Convention.PYTHON), (rt, t, a) -> {
            Heap heap = rt.heap;
            PyObject func = a.get("func");
            PyObject doc = rt.ops.getAttr(func, rt.name("__doc__"));
            if (rt.rules.classStaticAttributes) throw a.unsupported("functools.cached_property on Python " + rt.rules.version
                    + " (its __init__ also sets __module__ there)");
            PyObject lock = rt.rules.cachedPropertyLock ? heap.alloc(new PyRLock()) : null;
            return heap.alloc(new PyCachedProperty(heap.newRef(func), PyRuntime.NONE, doc, lock));
        });
        reg.method(PyCachedProperty.TYPE, "__set_name__", Signature.parse("owner, name").as(Convention.PYTHON),
                CachedProperty::setName);
        reg.method(PyCachedProperty.TYPE, "__get__", Signature.parse("instance, owner=None").as(Convention.PYTHON),
                (PyRuntime rt, PyCachedProperty self, Args a) -> {
                    a.get("owner");
                    return get(rt, self, a.get("instance"));
                });
        getter("func", (rt, p) -> rt.heap.newRef(p.func));
        getter("attrname", (rt, p) -> rt.heap.newRef(p.attrname));
        getter("__doc__", (rt, p) -> rt.heap.newRef(p.doc));
        getter("__module__", (rt, p) -> rt.newStr("functools"));
        getter("lock", (rt, p) -> {
            if (p.lock == null) throw rt.error(PyExc.ATTRIBUTE_ERROR, "'cached_property' object has no attribute 'lock'");
            throw rt.refusal("a cached_property's lock (an RLock; threads are not modelled)");
        });
    }

    private interface Getter {
        PyObject get(PyRuntime rt, PyCachedProperty p);
    }

    private static void getter(String name, Getter g) {
        PyCachedProperty.TYPE.install(name, StaticObjects.place(new BuiltinGetter((rt, p) -> g.get(rt, (PyCachedProperty) p))));
    }

    private static PyObject setName(PyRuntime rt, PyCachedProperty self, Args a) {
        a.get("owner");
        PyObject name = a.get("name");
        if (self.attrname == PyRuntime.NONE) {
            self.attrname = rt.heap.newRef(name);
            rt.heap.decref(PyRuntime.NONE);
        } else if (!rt.ops.compareBool(name, self.attrname, dev.refgrade.python.CmpOp.EQ)) {
            throw rt.typeError("Cannot assign the same cached_property to two different names ("
                    + Repr.repr(rt, self.attrname) + " and " + Repr.repr(rt, name) + ").");
        }
        return PyRuntime.NONE;
    }

    /** type(instance).__name__: a builtin type's tp_name after its last dot. */
    private static String shortName(dev.refgrade.runtime.objects.PyType t) {
        return t.heapType ? t.name : t.name.substring(t.name.lastIndexOf('.') + 1);
    }

    /** cached_property.__get__: the value in instance.__dict__ under attrname, computed and stored if absent. */
    static PyObject get(PyRuntime rt, PyCachedProperty self, PyObject instance) {
        Heap heap = rt.heap;
        if (instance == PyRuntime.NONE) return heap.newRef(self);
        if (self.attrname == PyRuntime.NONE) {
            throw rt.typeError("Cannot use cached_property instance without calling __set_name__ on it.");
        }
        PyObject cache;
        try {
            cache = rt.ops.getAttr(instance, rt.name("__dict__"));
        } catch (PyException e) {
            if (!e.matches(PyExc.ATTRIBUTE_ERROR)) throw e;
            e.discard(heap);
            throw rt.typeError("No '__dict__' attribute on " + Repr.quote(shortName(instance.type()))
                    + " instance to cache " + Repr.repr(rt, self.attrname) + " property.");
        }
        try {
            if (!(cache instanceof PyDict d) || !(self.attrname instanceof PyStr)) {
                throw rt.refusal("a cached_property whose instance __dict__ is not a dict");
            }
            PyObject found = d.getBorrowed(rt, self.attrname);
            if (found != null) return heap.newRef(found);
            PyObject val = rt.ops.call(self.func, instance);
            rt.ops.setItem(d, self.attrname, val);
            return val;
        } finally {
            heap.decref(cache);
        }
    }
}
