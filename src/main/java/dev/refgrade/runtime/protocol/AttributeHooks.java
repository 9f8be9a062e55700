package dev.refgrade.runtime.protocol;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;

/**
 * A class's own attribute hooks (slot_tp_getattr_hook, slot_tp_setattro): __getattribute__ in
 * place of the generic lookup, __getattr__ after an AttributeError, __setattr__ and __delattr__ in
 * place of the generic store; and object's own versions, which such hooks reach through super().
 */
public final class AttributeHooks {
    private AttributeHooks() {}

    /** Whether LOAD_METHOD may skip the bound method: only under the generic lookup (no hook). */
    static boolean generic(PyRuntime rt, PyInstance inst) {
        return !inst.cls.defines(rt, "__getattribute__") && inst.cls.lookup(rt, "__getattr__") == null;
    }

    static PyObject get(PyRuntime rt, PyInstance inst, PyStr name) {
        PyObject getattr = inst.cls.lookup(rt, "__getattr__");
        try {
            if (inst.cls.defines(rt, "__getattribute__")) return call(rt, inst, "__getattribute__", name);
            return Attributes.instanceAttr(rt, inst, name);
        } catch (PyException e) {
            if (getattr == null || !e.matches(PyExc.ATTRIBUTE_ERROR)) throw e;
            e.discard(rt.heap);
            return call(rt, inst, "__getattr__", name);
        }
    }

    /**
     * __setattr__ (value) or __delattr__ (value null) of the class, if it has its own; false if not.
     * slot_tp_setattro calls it as vectorcall_method does: a plain function gets the instance as its
     * first argument, with no bound method holding another reference; anything else is bound.
     */
    static boolean set(PyRuntime rt, PyInstance inst, PyStr name, PyObject value) {
        String hook = value == null ? "__delattr__" : "__setattr__";
        if (!inst.cls.defines(rt, hook)) return false;
        PyObject[] args = value == null ? new PyObject[] {name} : new PyObject[] {name, value};
        PyObject r = inst.cls.lookup(rt, hook) instanceof dev.refgrade.runtime.objects.PyFunction
                ? rt.ops.callDunder(inst, hook, args) : call(rt, inst, hook, args);
        rt.heap.decref(r);
        return true;
    }

    /** call_attribute: the hook found on the class, bound through its descriptor, then called. */
    private static PyObject call(PyRuntime rt, PyInstance inst, String hook, PyObject... args) {
        return rt.ops.callSpecial(inst, hook, args);
    }

    /** object.__getattribute__: the generic lookup, without __getattr__. */
    public static PyObject objectGet(PyRuntime rt, PyObject self, PyStr name) {
        return self instanceof PyInstance inst ? Attributes.instanceAttr(rt, inst, name) : Attributes.get(rt, self, name);
    }

    /** object.__setattr__ and object.__delattr__ (value null): the generic store. */
    public static void objectSet(PyRuntime rt, PyObject self, PyStr name, PyObject value) {
        if (value == null) Attributes.genericDelete(rt, self, name);
        else Attributes.genericSet(rt, self, name, value);
    }
}
