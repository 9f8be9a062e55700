package dev.refgrade.runtime.protocol;

import dev.refgrade.runtime.stdlib.CPythonNames;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyMappingProxy;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyType;

/**
 * type_getattro: the type's own getsets (__name__, __qualname__, __mro__, __bases__), then the
 * attribute along its MRO through the descriptor's tp_descr_get with no instance (a function stays a
 * function, a classmethod binds to the class), then type's own methods bound to it.
 */
final class TypeAttributes {
    private TypeAttributes() {}

    /**
     * slot_tp_getattr_hook for an enum class: type.__getattribute__, then EnumType.__getattr__ when it
     * raised AttributeError (a descriptor's own AttributeError included).
     */
    static PyObject get(PyRuntime rt, PyType t, PyStr name) {
        if (t.metatype == null) return getattribute(rt, t, name);
        try {
            return getattribute(rt, t, name);
        } catch (dev.refgrade.runtime.objects.PyException e) {
            if (!e.matches(PyExc.ATTRIBUTE_ERROR) || !dev.refgrade.runtime.stdlib.EnumModule.answersMissing(rt, name)) throw e;
            e.discard(rt.heap);
            return dev.refgrade.runtime.stdlib.EnumModule.slot(rt, t, "__getattr__", name);
        }
    }

    private static PyObject getattribute(PyRuntime rt, PyType t, PyStr name) {
        Heap heap = rt.heap;
        switch (name.value) {
            case "__name__" -> {
                // type_name: a builtin type's tp_name after its last dot ("functools.partial" -> "partial").
                return rt.newStr(t.heapType ? t.name : t.name.substring(t.name.lastIndexOf('.') + 1));
            }
            case "__qualname__" -> {
                return t.qualname != null ? heap.newRef(t.qualname) : rt.newStr(t.name.substring(t.name.lastIndexOf('.') + 1));
            }
            case "__module__" -> {
                if (!t.heapType) return rt.newStr(t.builtinModule());
            }
            case "__class__" -> {
                return heap.newRef(t.type());
            }
            case "__mro__" -> {
                if (t.mroTuple != null) return heap.newRef(t.mroTuple);
                PyObject[] items = t.mro.toArray(new PyObject[0]);
                for (PyObject o : items) heap.incref(o);
                return rt.newTuple(items);
            }
            case "__bases__" -> {
                if (t.bases() != null && t.bases().size() > 0) return heap.newRef(t.bases());
                return t.base() == null ? heap.newRef(PyRuntime.EMPTY_TUPLE) : rt.newTuple(heap.newRef(t.base()));
            }
            case "__base__" -> {
                PyType b = t.bases() != null && t.bases().size() > 0 ? (PyType) t.bases().get(0) : t.base();
                return heap.newRef(b == null ? PyRuntime.NONE : b);
            }
            case "__dict__" -> {
                // type_dict: a new proxy over the class dict at each access.
                if (t.heapType && t.namespaceModelled()) {
                    PyMappingProxy p = heap.alloc(new PyMappingProxy(heap.newRef(t.dict)));
                    p.keysIncomplete = rt.rules.classStaticAttributes;
                    return p;
                }
                throw rt.refusal(t.heapType ? "the __dict__ of a class with __slots__ or a builtin base (its member descriptors are not modelled)"
                        : "the __dict__ of builtin type '" + t.name + "'");
            }
            default -> { }
        }
        if (t.metatype != null) {
            PyObject m = dev.refgrade.runtime.stdlib.EnumModule.metaAttribute(rt, t, name);
            if (m != null) return m;
        }
        // A __slots__ name is a member descriptor in CPython's class dict, which the simulator does not make.
        if (Attributes.memberSlot(rt, t, name) >= 0) throw CPythonNames.refusal(rt, "type object '" + t.name + "' (a __slots__ member)", name.value);
        PyObject v = t.lookup(rt, name);
        if (v != null) return Descriptors.get(rt, v, null, t);
        PyObject meta = PyType.TYPE.own(rt, name);
        if (meta instanceof PyBuiltin b && b.self == null) return heap.alloc(b.bind(heap.newRef(t)));
        // A name CPython's builtin bases have (a class's own are in its dict): refused, not an AttributeError.
        if (CPythonNames.has(t, name.value)) throw CPythonNames.refusal(rt, "type object '" + t.name + "'", name.value);
        // A method of type itself (type.__subclasses__ ...) that the simulator lacks: refused, not an AttributeError.
        if (CPythonNames.has(PyType.TYPE, name.value)) throw CPythonNames.refusal(rt, "type object '" + t.name + "'", name.value);
        throw rt.error(PyExc.ATTRIBUTE_ERROR, "type object '" + t.name + "' has no attribute '" + name.value + "'");
    }
}
