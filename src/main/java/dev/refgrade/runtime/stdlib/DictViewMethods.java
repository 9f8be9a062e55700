package dev.refgrade.runtime.stdlib;

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
final class DictViewMethods {
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
