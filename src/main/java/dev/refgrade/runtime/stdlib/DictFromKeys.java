package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PySet;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;
import dev.refgrade.runtime.objects.Signature.Convention;

/** dict.fromkeys and OrderedDict.fromkeys: classmethods over _PyDict_FromKeys (Objects/dictobject.c, 3.11). */
final class DictFromKeys {
    private DictFromKeys() {}

    static void install(Registry reg) {
        // dict_fromkeys: Clinic's _PyArg_CheckPositional("fromkeys", nargs, 1, 2).
        reg.classMethod(PyType.DICT, "fromkeys", Signature.parse("iterable, value=None, /").as(Convention.POSITIONAL),
                (rt, cls, a) -> fromKeys(rt, cls, a.get("iterable"), a.orNone("value")));
    }

    /**
     * _PyDict_FromKeys: cls() first; an exact, empty dict built from an exact dict or set gets one
     * table sized for all the keys (a set's is never the str-only kind) and takes their stored hashes;
     * otherwise the keys are iterated and stored one by one, through __setitem__ when cls is not dict.
     */
    static PyObject fromKeys(PyRuntime rt, PyType cls, PyObject iterable, PyObject value) {
        PyObject d = rt.ops.call(cls);
        try {
            boolean exact = d.type() == PyType.DICT;
            if (exact && d instanceof PyDict dict && dict.size() == 0) {
                if (iterable.type() == PyType.DICT && iterable instanceof PyDict src) {
                    dict.resizeForKeys(src.size(), src.unicodeTable());
                    for (int i = src.nextEntry(0); i < src.entryLimit(); i = src.nextEntry(i + 1)) {
                        rt.charge(1);
                        dict.putKnownHash(rt, src.keyAt(i), value, src.hashAt(i));
                    }
                    return d;
                }
                if ((iterable.type() == PyType.SET || iterable.type() == PyType.FROZENSET) && iterable instanceof PySet src) {
                    dict.resizeForKeys(src.size(), false);
                    for (int i = src.nextSlot(0); i < src.table.length; i = src.nextSlot(i + 1)) {
                        rt.charge(1);
                        dict.putKnownHash(rt, src.table[i], value, src.hashAt(i));
                    }
                    return d;
                }
            }
            PyObject it = rt.ops.iter(iterable);
            try {
                for (PyObject key = rt.ops.next(it); key != null; key = rt.ops.next(it)) {
                    rt.charge(1);
                    try {
                        if (exact) ((PyDict) d).put(rt, key, value);
                        else rt.ops.setItem(d, key, value);
                    } finally {
                        rt.heap.decref(key);
                    }
                }
            } finally {
                rt.heap.decref(it);
            }
            return d;
        } catch (RuntimeException e) {
            rt.heap.decref(d);
            throw e;
        }
    }
}
