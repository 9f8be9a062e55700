package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyFloat;
import dev.refgrade.runtime.objects.PyFunction;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PySet;
import dev.refgrade.runtime.objects.PyTuple;

/**
 * hash(obj, /): the value CPython 3.11 computes (protocol/Hashing), marked where CPython itself
 * does not fix it: str hashes are SipHash keyed by a per-process random secret (PYTHONHASHSEED),
 * and the default hash of an object is its address rotated (_Py_HashPointer).
 */
final class HashFunction {
    private HashFunction() {}

    static PyObject hash(PyRuntime rt, Args a) {
        PyObject o = a.get("obj");
        long drawn = rt.worldHashes(), placed = rt.addressHashes();
        long h = rt.ops.hash(o);
        if (rt.worldHashes() != drawn) rt.observeHashes(rt.addressHashes() != placed);
        PyInt.Taint why = taint(rt, o);
        if (why == PyInt.Taint.NONE) return rt.newInt(h);
        PyInt r = rt.heap.alloc(new PyInt(h));
        r.taint = why;
        return r;
    }

    /** Why an object's hash is not CPython's number: by the rule that produced it, recursively for containers. */
    private static PyInt.Taint taint(PyRuntime rt, PyObject o) {
        return switch (o) {
            case PyInt i -> PyInt.Taint.NONE;
            case PyFloat f -> Double.isNaN(f.value) ? PyInt.Taint.ADDRESS : PyInt.Taint.NONE;
            case PyTuple t -> worst(rt, t.items, t.items.length);
            case PySet s when s.frozen -> {
                java.util.List<PyObject> members = new java.util.ArrayList<>();
                s.traverse(members::add);
                yield worst(rt, members.toArray(new PyObject[0]), members.size());
            }
            // A user __hash__ computes its own number (from values this check cannot follow).
            case PyInstance inst when inst.cls.lookup(rt, "__hash__") instanceof PyFunction -> PyInt.Taint.NONE;
            case PyInstance inst -> PyInt.Taint.ADDRESS;
            default -> o.type().name.equals("str") || o.type().name.equals("bytes") || o.type().name.equals("memoryview") ? PyInt.Taint.UNKNOWABLE : PyInt.Taint.ADDRESS;
        };
    }

    private static PyInt.Taint worst(PyRuntime rt, PyObject[] items, int n) {
        PyInt.Taint w = PyInt.Taint.NONE;
        for (int i = 0; i < n; i++) {
            PyInt.Taint t = taint(rt, items[i]);
            if (t == PyInt.Taint.UNKNOWABLE) return t;
            if (t == PyInt.Taint.ADDRESS) w = t;
        }
        return w;
    }
}
