package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyModule;
import dev.refgrade.runtime.objects.PyObject;
import java.util.Map;
import java.util.Set;

/** The modules a program may import: sys, gc, ctypes, copy, weakref, contextlib. */
public final class Modules {
    private static final Set<String> NAMES = Set.of("sys", "gc", "ctypes", "copy", "weakref", "contextlib");
    private static final Map<String, Map<String, PyObject>> CONTENTS = Map.of(
            "sys", SysModule.contents(), "gc", GcModule.contents(), "ctypes", CtypesModule.contents(),
            "copy", CopyModule.contents(), "weakref", WeakrefModule.contents(),
            "contextlib", ContextlibModule.contents());

    private Modules() {}

    public static boolean exists(String name) {
        return NAMES.contains(name);
    }

    public static PyModule create(PyRuntime rt, String name) {
        Map<String, PyObject> contents = CONTENTS.get(name);
        if (contents == null) return null;
        PyDict dict = rt.newDict();
        dict.putOwned(rt, rt.name("__name__"), rt.name(name));
        for (var e : contents.entrySet()) dict.putOwned(rt, rt.name(e.getKey()), e.getValue());
        return rt.heap.alloc(new PyModule(name, dict));
    }

    /** An int carrying the mark of a value CPython does not fix; never a shared small int. */
    static PyInt unknowable(PyRuntime rt, long v) {
        v = rt.world.unknownCount(v);
        PyInt r = rt.newInt(v);
        if (r.refcnt >= Heap.IMMORTAL) r = rt.heap.alloc(new PyInt(v));
        r.taint = PyInt.Taint.UNKNOWABLE;
        return r;
    }

    /**
     * An object's true count as an int, marked unknowable where CPython's internals share the object;
     * from 3.12 an immortal object's is the version's fixed immortal count (PEP 683).
     */
    public static PyInt countOf(PyRuntime rt, PyObject o) {
        if (rt.rules.immortal(o)) return rt.newInt(rt.rules.immortalRefcount);
        return o.refcountKnowable() && o.refcnt < Heap.IMMORTAL ? rt.newInt(o.refcnt) : unknowable(rt, o.refcnt % 1000000);
    }

    public static void runAtExit(PyRuntime rt) {
        WeakrefModule.runAtExit(rt);
    }
}
