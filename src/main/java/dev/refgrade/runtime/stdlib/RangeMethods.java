package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.StaticObjects;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.BuiltinGetter;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyRange;
import dev.refgrade.runtime.objects.PyType;

/** range's methods and members (Objects/rangeobject.c, 3.11). */
final class RangeMethods {
    private RangeMethods() {}

    static void install(Registry reg) {
        PyType t = PyType.RANGE;
        // range_members: T_OBJECT_EX, READONLY: the objects range_new kept.
        member(t, "start", r -> r.startObj);
        member(t, "stop", r -> r.stopObj);
        member(t, "step", r -> r.stepObj);
        reg.method(t, "count", "value, /", (PyRuntime rt, PyRange r, Args a) -> {
            PyObject v = a.get("value");
            // range_count: an int or a bool by arithmetic, anything else by _PySequence_IterSearch's count.
            if (isIntOrBool(v)) return rt.newInt(r.indexOf((PyInt) v) >= 0 ? 1 : 0);
            return rt.newInt(iterSearch(rt, r, v, false));
        });
        reg.method(t, "index", "value, /", (PyRuntime rt, PyRange r, Args a) -> {
            PyObject v = a.get("value");
            if (!isIntOrBool(v)) {
                long i = iterSearch(rt, r, v, true);
                if (i < 0) throw rt.error(PyExc.VALUE_ERROR, "sequence.index(x): x not in sequence");
                return rt.newInt(i);
            }
            long i = r.indexOf((PyInt) v);
            if (i < 0) throw rt.error(PyExc.VALUE_ERROR, rt.ops.repr(v) + " is not in range");
            return rt.newInt(i);
        });
    }

    private static void member(PyType t, String name, java.util.function.Function<PyRange, PyObject> field) {
        t.install(name, StaticObjects.place(BuiltinGetter.member((rt, self) -> rt.heap.newRef(field.apply((PyRange) self)))));
    }

    /** PyLong_CheckExact(ob) || PyBool_Check(ob). */
    private static boolean isIntOrBool(PyObject v) {
        return v.type() == PyType.INT || v.type() == PyType.BOOL;
    }

    /** _PySequence_IterSearch: each item compared with ==; the count, or the first index (-1 when none). */
    private static long iterSearch(PyRuntime rt, PyRange r, PyObject v, boolean first) {
        long n = 0;
        for (long i = 0; i < r.length(); i++) {
            rt.charge(1);
            boolean eq = rt.ops.eqReleasing(rt.newInt(r.start + i * r.step), v);
            if (eq && first) return i;
            if (eq) n++;
        }
        return first ? -1 : n;
    }
}
