package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.CycleCollector;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.Signature;
import java.util.List;
import java.util.Map;

/** gc: the cycle collector's controls and views. */
public final class GcModule {
    private GcModule() {}

    public static Map<String, PyObject> contents() {
        Registry reg = Registry.module("gc");
        reg.function("collect", "generation=2", GcModule::collect);
        reg.function("disable", "", (rt, a) -> {
            rt.heap.gcEnabled = false;
            return PyRuntime.NONE;
        });
        reg.function("enable", "", (rt, a) -> {
            rt.heap.gcEnabled = true;
            return PyRuntime.NONE;
        });
        reg.function("isenabled", "", (rt, a) -> PyRuntime.bool(rt.heap.gcEnabled));
        reg.function("is_tracked", "obj, /", (rt, a) -> PyRuntime.bool(a.get("obj").isTracked()));
        reg.function("get_objects", "generation=None", GcModule::getObjects);
        // METH_VARARGS with _PyArg_NoKeywords("get_referents"): its plain name in the keyword complaint.
        reg.function("get_referents", Signature.parse("*objs").as(Signature.Convention.POSITIONAL)
                .named("get_referents", "get_referents"), GcModule::getReferents);
        reg.function("get_count", "", (rt, a) -> {
            Heap.Generation[] g = rt.heap.generations;
            return rt.newTuple(Modules.unknowable(rt, g[0].count), Modules.unknowable(rt, g[1].count),
                    Modules.unknowable(rt, g[2].count));
        });
        reg.function("get_threshold", "", (rt, a) -> {
            Heap.Generation[] g = rt.heap.generations;
            return rt.newTuple(rt.newInt(g[0].threshold), rt.newInt(g[1].threshold), rt.newInt(g[2].threshold));
        });
        return reg.contents();
    }

    static PyObject collect(PyRuntime rt, Args a) {
        long gen = a.index("generation");
        if (gen < 0 || gen >= Heap.GENERATIONS) throw rt.error(PyExc.VALUE_ERROR, "invalid generation");
        // 3.14: generation 1 means the young generation and one increment of the old (gc_collect_increment).
        if (gen == 1 && rt.rules.incrementalCollector) throw a.unsupported("gc.collect(1) on Python " + rt.rules.version);
        return rt.newInt(new CycleCollector(rt.heap).collect((int) gen));
    }

    /** gc.get_objects(): every tracked object; one generation's share is not modelled. */
    static PyObject getObjects(PyRuntime rt, Args a) {
        a.refuseUnlessNone("generation");
        List<PyObject> objs = CycleCollector.tracked(rt.heap);
        PyObject[] items = objs.toArray(new PyObject[0]);
        for (PyObject o : items) rt.heap.incref(o);
        PyList all = rt.newList(items, items.length);
        all.lengthUnknowable = true;
        return all;
    }

    static PyObject getReferents(PyRuntime rt, Args a) {
        PyList out = rt.newList();
        for (PyObject o : a.rest()) {
            if (!o.isGcType()) continue;
            o.traverse(r -> {
                if (!(o instanceof PyInstance) || r != ((PyInstance) o).cls || ((PyInstance) o).cls.heapType) out.appendOwned(rt.heap.newRef(r));
            });
        }
        return out;
    }
}
