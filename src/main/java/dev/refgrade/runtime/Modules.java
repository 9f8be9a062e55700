package dev.refgrade.runtime;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The modules a program may import: sys, gc, ctypes, copy, weakref. */
final class Modules {
    private static final Set<String> NAMES = Set.of("sys", "gc", "ctypes", "copy", "weakref");
    private static final Map<String, Map<String, PyObject>> CONTENTS = Map.of(
            "sys", SysModule.contents(), "gc", GcModule.contents(), "ctypes", CtypesModule.contents(),
            "copy", CopyModule.contents(), "weakref", WeakrefModule.contents());

    private Modules() {}

    static boolean exists(String name) {
        return NAMES.contains(name);
    }

    static PyModule create(Runtime rt, String name) {
        Map<String, PyObject> contents = CONTENTS.get(name);
        if (contents == null) return null;
        PyDict dict = rt.newDict();
        dict.putOwned(rt, rt.name("__name__"), rt.name(name));
        for (var e : contents.entrySet()) dict.putOwned(rt, rt.name(e.getKey()), e.getValue());
        return rt.heap.alloc(new PyModule(name, dict));
    }

    static PyInt unknowable(Runtime rt, long v) {
        PyInt r = rt.newInt(v);
        if (r.refcnt < Heap.IMMORTAL) r.taint = PyInt.Taint.UNKNOWABLE;
        else r = rt.heap.alloc(new PyInt(v));
        r.taint = PyInt.Taint.UNKNOWABLE;
        return r;
    }

    static void runAtExit(Runtime rt) {
        WeakrefModule.runAtExit(rt);
    }

    static Map<PyObject, PyObject> identityMap() {
        return new IdentityHashMap<>();
    }

    static List<PyObject> tracked(Runtime rt) {
        return CycleCollector.tracked(rt.heap);
    }
}
