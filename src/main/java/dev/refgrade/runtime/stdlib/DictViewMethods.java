package dev.refgrade.runtime.stdlib;

import dev.refgrade.python.BinOperator;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.StaticObjects;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.BuiltinGetter;
import dev.refgrade.runtime.objects.PyDictView;
import dev.refgrade.runtime.objects.PyMappingProxy;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PySet;
import dev.refgrade.runtime.objects.PyType;

/** The methods and members of dict.keys(), .values() and .items() (Objects/dictobject.c's dictview code). */
public final class DictViewMethods {
    private DictViewMethods() {}

    static void install(Registry reg) {
        for (PyType t : new PyType[] {PyType.DICT_KEYS, PyType.DICT_ITEMS}) {
            reg.method(t, "isdisjoint", "other, /", DictViewMethods::isdisjoint);
        }
        for (PyType t : new PyType[] {PyType.DICT_KEYS, PyType.DICT_VALUES, PyType.DICT_ITEMS}) {
            // dictview_mapping: a new read-only proxy of the view's dict on every read.
            t.install("mapping", StaticObjects.place(new BuiltinGetter((rt, self) ->
                    rt.heap.alloc(new PyMappingProxy(rt.heap.newRef(((PyDictView) self).dict))))));
        }
    }

    /** PyDictViewSet_Check: a keys or items view (of a dict or an OrderedDict), the views with set operators. */
    public static boolean isSetLike(PyObject o) {
        return o instanceof PyDictView v && !v.type.isSubtypeOf(PyType.DICT_VALUES);
    }

    /**
     * The nb_and, nb_or, nb_subtract and nb_xor of a keys or items view, called with both operands as
     * they stand (the view on either side): a new set. Null when neither operand is such a view.
     */
    public static PyObject setOperation(PyRuntime rt, BinOperator op, PyObject a, PyObject b) {
        if (!isSetLike(a) && !isSetLike(b)) return null;
        if (op == BinOperator.BITAND) return intersect(rt, a, b);
        if (op == BinOperator.BITXOR && a instanceof PyDictView x && x.type.isSubtypeOf(PyType.DICT_ITEMS)
                && b instanceof PyDictView y && y.type.isSubtypeOf(PyType.DICT_ITEMS)) {
            throw rt.refusal("the symmetric difference ^ of two dict_items views (dictitems_xor)");
        }
        PySet result = toSet(rt, a);
        try {
            switch (op) {
                case BITOR -> SetMethods.updateFrom(rt, result, b);
                case SUB -> SetMethods.differenceUpdate(rt, result, b);
                default -> SetMethods.symmetricDifferenceUpdate(rt, result, b);
            }
        } catch (RuntimeException e) {
            rt.heap.decref(result);
            throw e;
        }
        return result;
    }

    /** dictviews_to_set: a new set of the operand's members, read from the dict itself for the keys of an exact dict. */
    private static PySet toSet(PyRuntime rt, PyObject o) {
        PySet s = rt.newSet(false);
        try {
            SetMethods.updateFrom(rt, s, o instanceof PyDictView v && v.type == PyType.DICT_KEYS && v.dict.type() == PyType.DICT ? v.dict : o);
        } catch (RuntimeException e) {
            rt.heap.decref(s);
            throw e;
        }
        return s;
    }

    /**
     * _PyDictView_Intersect: with the view as self, an exact set at least as long is asked for its
     * intersection with the view; else the shorter of two views (or the other operand) is iterated and
     * each item that the longer view holds is added, in that order.
     */
    private static PyObject intersect(PyRuntime rt, PyObject a, PyObject b) {
        PyObject self = isSetLike(a) ? a : b, other = self == a ? b : a;
        long lenSelf = ((PyDictView) self).dict.size();
        boolean otherLooksUp = other instanceof PySet s && !s.frozen && lenSelf <= s.used
                || isSetLike(other) && ((PyDictView) other).dict.size() > lenSelf;
        PyObject walk = otherLooksUp ? self : other, container = otherLooksUp ? other : self;
        PySet result = rt.newSet(false);
        try {
            PyObject it = rt.ops.iter(walk);
            try {
                for (PyObject x = rt.ops.next(it); x != null; x = rt.ops.next(it)) {
                    try {
                        boolean in = container instanceof PySet c ? c.contains(rt, x) : rt.ops.contains(container, x);
                        if (in) result.add(rt, x);
                    } finally {
                        rt.heap.decref(x);
                    }
                }
            } finally {
                rt.heap.decref(it);
            }
        } catch (RuntimeException e) {
            rt.heap.decref(result);
            throw e;
        }
        return result;
    }

    /**
     * dictviews_isdisjoint: a view is disjoint from itself only when empty; against a set or another
     * set-like view the shorter side is iterated and looked up in the longer (PySequence_Contains,
     * so an unhashable key raises); anything else is iterated and looked up in this view.
     */
    private static PyObject isdisjoint(PyRuntime rt, PyDictView self, Args a) {
        PyObject other = a.get("other"), container = self;
        if (other == self) return PyRuntime.bool(self.dict.size() == 0);
        if (other instanceof PySet || other instanceof PyDictView v && v.type != PyType.DICT_VALUES
                && !v.type.isSubtypeOf(PyType.DICT_VALUES)) {
            if (rt.ops.len(other) > self.dict.size()) {
                container = other;
                other = self;
            }
        }
        PyObject it = rt.ops.iter(other);
        try {
            for (PyObject item = rt.ops.next(it); item != null; item = rt.ops.next(it)) {
                rt.charge(1);
                boolean found;
                try {
                    found = rt.ops.contains(container, item);
                } finally {
                    rt.heap.decref(item);
                }
                if (found) return PyRuntime.bool(false);
            }
        } finally {
            rt.heap.decref(it);
        }
        return PyRuntime.bool(true);
    }
}
