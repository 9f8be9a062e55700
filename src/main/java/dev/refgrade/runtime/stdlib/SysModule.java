package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.Variation;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import java.util.Map;

/** sys: getrefcount, intern and the recursion limit. */
public final class SysModule {
    private SysModule() {}

    public static Map<String, PyObject> contents() {
        Registry reg = Registry.module("sys");
        reg.function("getrefcount", "object, /", SysModule::getrefcount);
        reg.function("intern", "string, /", SysModule::intern);
        reg.function("getsizeof", "object, default=<unrepresentable>", SizeOf::getsizeof);
        reg.function("getrecursionlimit", "", (rt, a) -> rt.newInt(rt.limits.maxDepth()));
        return reg.contents();
    }

    static PyObject getrefcount(PyRuntime rt, Args a) {
        PyObject o = a.get("object");
        // The argument's own reference is counted: the caller still holds it while the call runs.
        if (rt.varies(Variation.GETREFCOUNT_OMITS_ARGUMENT) && o.refcountKnowable() && o.refcnt < Heap.IMMORTAL) {
            return rt.newInt(o.refcnt - 1);
        }
        return Modules.countOf(rt, o);
    }

    static PyObject intern(PyRuntime rt, Args a) {
        if (!(a.get("string") instanceof PyStr s)) throw rt.typeError("intern() argument must be str, not " + a.get("string").type().name);
        rt.heap.incref(s);
        return rt.intern(s);
    }
}
