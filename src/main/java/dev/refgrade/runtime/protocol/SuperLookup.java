package dev.refgrade.runtime.protocol;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PySuper;
import dev.refgrade.runtime.objects.PyType;
import java.util.List;

/**
 * super_getattro: the attribute is looked for in the MRO of the object's type, starting after the
 * class super() was given, and bound to the object (or, for super(type, type2), to nothing but the
 * class); __class__ and what is not found there are the super object's own.
 */
final class SuperLookup {
    private SuperLookup() {}

    static PyObject get(PyRuntime rt, PySuper su, PyStr name) {
        PyType start = su.objType;
        if (start != null && !name.value.equals("__class__")) {
            List<PyType> mro = start.mro;
            int i = 0;
            while (i + 1 < mro.size() && mro.get(i) != su.type) i++;
            for (i++; i < mro.size(); i++) {
                PyObject found = mro.get(i).own(rt, name);
                if (found != null) return Descriptors.get(rt, found, su.obj == start ? null : su.obj, start);
            }
        }
        return switch (name.value) {
            case "__class__" -> rt.heap.newRef(PyType.SUPER);
            case "__thisclass__" -> rt.heap.newRef(su.type);
            case "__self__" -> rt.heap.newRef(su.obj == null ? PyRuntime.NONE : su.obj);
            case "__self_class__" -> rt.heap.newRef(su.objType == null ? PyRuntime.NONE : su.objType);
            default -> throw Attributes.noAttribute(rt, su, name.value);
        };
    }
}
