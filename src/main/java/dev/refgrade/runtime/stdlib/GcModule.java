package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.CycleCollector;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.protocol.Arith;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** gc: the cycle collector's controls and views. */
public final class GcModule {
    private GcModule() {}

    public static Map<String, PyObject> contents() {
        Map<String, PyObject> m = new LinkedHashMap<>();
        m.put("collect", PyBuiltin.of("gc", "collect", (rt, self, args, kw) -> {
            long gen = args.length > 0 ? Arith.toLong(rt, args[0]) : Heap.GENERATIONS - 1;
            if (gen < 0 || gen >= Heap.GENERATIONS) throw rt.error(PyExc.VALUE_ERROR, "invalid generation");
            return rt.newInt(new CycleCollector(rt.heap).collect((int) gen));
        }));
        m.put("disable", PyBuiltin.of("gc", "disable", (rt, self, args, kw) -> {
            rt.heap.gcEnabled = false;
            return PyRuntime.NONE;
        }));
        m.put("enable", PyBuiltin.of("gc", "enable", (rt, self, args, kw) -> {
            rt.heap.gcEnabled = true;
            return PyRuntime.NONE;
        }));
        m.put("isenabled", PyBuiltin.of("gc", "isenabled", (rt, self, args, kw) -> PyRuntime.bool(rt.heap.gcEnabled)));
        m.put("is_tracked", PyBuiltin.of("gc", "is_tracked", (rt, self, args, kw) -> {
            Builtins.arity(rt, "is_tracked", args, 1, 1);
            return PyRuntime.bool(args[0].isTracked());
        }));
        m.put("get_objects", PyBuiltin.of("gc", "get_objects", (rt, self, args, kw) -> {
            List<PyObject> objs = CycleCollector.tracked(rt.heap);
            PyObject[] items = objs.toArray(new PyObject[0]);
            for (PyObject o : items) rt.heap.incref(o);
            return rt.newList(items, items.length);
        }));
        m.put("get_referents", PyBuiltin.of("gc", "get_referents", (rt, self, args, kw) -> {
            PyList out = rt.newList();
            for (PyObject o : args) {
                if (!o.isGcType()) continue;
                o.traverse(r -> {
                    if (!(o instanceof PyInstance) || r != ((PyInstance) o).cls || ((PyInstance) o).cls.heapType) out.appendOwned(rt.heap.newRef(r));
                });
            }
            return out;
        }));
        m.put("get_count", PyBuiltin.of("gc", "get_count", (rt, self, args, kw) -> {
            Heap.Generation[] g = rt.heap.generations;
            return rt.newTuple(Modules.unknowable(rt, g[0].count), Modules.unknowable(rt, g[1].count),
                    Modules.unknowable(rt, g[2].count));
        }));
        m.put("get_threshold", PyBuiltin.of("gc", "get_threshold", (rt, self, args, kw) -> {
            Heap.Generation[] g = rt.heap.generations;
            return rt.newTuple(rt.newInt(g[0].threshold), rt.newInt(g[1].threshold), rt.newInt(g[2].threshold));
        }));
        return m;
    }
}
