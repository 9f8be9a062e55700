package dev.refgrade.runtime;

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

    /** An int carrying the mark of a value CPython does not fix; never a shared small int. */
    static PyInt unknowable(Runtime rt, long v) {
        v = rt.world.unknownCount(v);
        PyInt r = rt.newInt(v);
        if (r.refcnt >= Heap.IMMORTAL) r = rt.heap.alloc(new PyInt(v));
        r.taint = PyInt.Taint.UNKNOWABLE;
        return r;
    }

    /** An object's true count as an int, marked unknowable where CPython's internals share the object. */
    static PyInt countOf(Runtime rt, PyObject o) {
        return o.refcountKnowable() && o.refcnt < Heap.IMMORTAL ? rt.newInt(o.refcnt) : unknowable(rt, o.refcnt % 1000000);
    }

    static void runAtExit(Runtime rt) {
        WeakrefModule.runAtExit(rt);
    }
}
