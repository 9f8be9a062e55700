package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.protocol.Arith;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.StaticObjects;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.BuiltinGetter;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PySlice;
import dev.refgrade.runtime.objects.PyType;
import java.math.BigInteger;
import java.util.function.Function;

/** slice(...) and what a slice object offers (Objects/sliceobject.c). */
final class SliceType {
    private SliceType() {}

    static void install(Registry reg) {
        PyType t = PyType.SLICE;
        // slice_new: PyArg_UnpackTuple(args, "slice", 1, 3, ...); one argument is the stop, as range's.
        reg.constructor(t, "start_or_stop, stop=<unrepresentable>, step=<unrepresentable>, /", (rt, type, a) -> {
            PyObject first = a.get("start_or_stop"), second = a.get("stop"), third = a.get("step");
            PyObject start = second == null ? PyRuntime.NONE : first;
            PyObject stop = second == null ? first : second;
            PyObject step = third == null ? PyRuntime.NONE : third;
            return rt.newSlice(rt.heap.newRef(start), rt.heap.newRef(stop), rt.heap.newRef(step));
        });
        reg.method(t, "indices", "length, /", (PyRuntime rt, PySlice self, Args a) -> indices(rt, self, a.get("length")));
        member(t, "start", s -> s.start);
        member(t, "stop", s -> s.stop);
        member(t, "step", s -> s.step);
    }

    /** A READONLY T_OBJECT member: the object itself, a new reference. */
    private static void member(PyType t, String name, Function<PySlice, PyObject> field) {
        t.install(name, StaticObjects.place(BuiltinGetter.member((rt, self) -> rt.heap.newRef(field.apply((PySlice) self)))));
    }

    /**
     * slice_indices: _PySlice_GetLongIndices, with Python ints throughout, so neither the length
     * nor the bounds are limited to a Py_ssize_t.
     */
    private static PyObject indices(PyRuntime rt, PySlice s, PyObject lengthArg) {
        BigInteger length = Arith.index(rt, lengthArg);
        if (length.signum() < 0) throw rt.error(PyExc.VALUE_ERROR, "length should not be negative");
        String bad = "slice indices must be integers or None or have an __index__ method";
        BigInteger step = s.step == PyRuntime.NONE ? BigInteger.ONE : index(rt, s.step, bad);
        if (step.signum() == 0) throw rt.error(PyExc.VALUE_ERROR, "slice step cannot be zero");
        boolean back = step.signum() < 0;
        BigInteger lower = back ? BigInteger.ONE.negate() : BigInteger.ZERO;
        BigInteger upper = back ? length.add(lower) : length;
        BigInteger start = s.start == PyRuntime.NONE ? (back ? upper : lower) : clip(index(rt, s.start, bad), length, lower, upper);
        BigInteger stop = s.stop == PyRuntime.NONE ? (back ? lower : upper) : clip(index(rt, s.stop, bad), length, lower, upper);
        return rt.newTuple(rt.newInt(start), rt.newInt(stop), rt.newInt(step));
    }

    private static BigInteger clip(BigInteger i, BigInteger length, BigInteger lower, BigInteger upper) {
        if (i.signum() < 0) {
            i = i.add(length);
            return i.compareTo(lower) < 0 ? lower : i;
        }
        return i.compareTo(upper) > 0 ? upper : i;
    }

    /** PyNumber_Index; a bound without __index__ has slice's own complaint ({@code bad}) instead of PyNumber_Index's. */
    private static BigInteger index(PyRuntime rt, PyObject o, String bad) {
        boolean indexable = o instanceof PyInt || o instanceof PyInstance i && i.cls.lookup(rt, "__index__") != null;
        if (bad != null && !indexable) throw rt.typeError(bad);
        return Arith.index(rt, o);
    }
}
