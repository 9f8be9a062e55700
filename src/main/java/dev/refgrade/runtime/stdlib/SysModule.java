package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.Variation;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyBaseExc;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import java.util.LinkedHashMap;
import java.util.Map;

/** sys: getrefcount, intern and the recursion limit. */
public final class SysModule {
    private SysModule() {}

    public static Map<String, PyObject> contents() {
        Map<String, PyObject> m = new LinkedHashMap<>();
        m.put("getrefcount", PyBuiltin.of("sys", "getrefcount", (rt, self, args, kw) -> {
            Builtins.arity(rt, "getrefcount", args, 1, 1);
            PyObject o = args[0];
            // The argument's own reference is counted: the caller still holds it while the call runs.
            if (rt.varies(Variation.GETREFCOUNT_OMITS_ARGUMENT) && o.refcountKnowable() && o.refcnt < Heap.IMMORTAL) {
                return rt.newInt(o.refcnt - 1);
            }
            return Modules.countOf(rt, o);
        }));
        m.put("intern", PyBuiltin.of("sys", "intern", (rt, self, args, kw) -> {
            Builtins.arity(rt, "intern", args, 1, 1);
            if (!(args[0] instanceof PyStr s)) throw rt.typeError("intern() argument must be str, not " + args[0].type().name);
            rt.heap.incref(s);
            return rt.intern(s);
        }));
        m.put("exc_info", PyBuiltin.of("sys", "exc_info", (rt, self, args, kw) -> {
            Builtins.arity(rt, "exc_info", args, 0, 0);
            // (type, value, traceback) of the exception being handled, the traceback read off the instance.
            PyBaseExc v = rt.interp.exc.topmost();
            if (v == null) return rt.newTuple(PyRuntime.NONE, PyRuntime.NONE, PyRuntime.NONE);
            PyObject tb = v.traceback == null ? PyRuntime.NONE : rt.heap.newRef(v.traceback);
            return rt.newTuple(rt.heap.newRef(v.cls), rt.heap.newRef(v), tb);
        }));
        m.put("exception", PyBuiltin.of("sys", "exception", (rt, self, args, kw) -> {
            Builtins.arity(rt, "exception", args, 0, 0);
            PyBaseExc v = rt.interp.exc.topmost();
            return v == null ? PyRuntime.NONE : rt.heap.newRef(v);
        }));
        m.put("getrecursionlimit", PyBuiltin.of("sys", "getrecursionlimit", (rt, self, args, kw) -> rt.newInt(rt.limits.maxDepth())));
        return m;
    }
}
