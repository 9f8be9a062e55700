package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.CycleCollector;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.protocol.Repr;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyFunction;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.Signature;
import java.util.IdentityHashMap;
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
        reg.function("get_stats", "", GcModule::getStats);
        reg.function("set_debug", "flags, /", GcModule::setDebug);
        reg.function("get_debug", "", (rt, a) -> rt.newInt(rt.heap.gcDebug));
        reg.put("DEBUG_STATS", PyRuntime.smallInt(DEBUG_STATS));
        reg.put("DEBUG_COLLECTABLE", PyRuntime.smallInt(Heap.DEBUG_COLLECTABLE));
        reg.put("DEBUG_UNCOLLECTABLE", PyRuntime.smallInt(DEBUG_UNCOLLECTABLE));
        reg.put("DEBUG_SAVEALL", PyRuntime.smallInt(Heap.DEBUG_SAVEALL));
        reg.put("DEBUG_LEAK", PyRuntime.smallInt(Heap.DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | Heap.DEBUG_SAVEALL));
        // METH_VARARGS, as get_referents.
        reg.function("get_referrers", Signature.parse("*objs").as(Signature.Convention.POSITIONAL)
                .named("get_referrers", "get_referrers"), GcModule::getReferrers);
        reg.function("is_finalized", "obj, /", (rt, a) -> PyRuntime.bool(a.get("obj").isGcType() && a.get("obj").finalized));
        reg.function("freeze", "", (rt, a) -> {
            rt.heap.freeze();
            return PyRuntime.NONE;
        });
        reg.function("unfreeze", "", (rt, a) -> {
            rt.heap.unfreeze();
            return PyRuntime.NONE;
        });
        // Everything the interpreter made before the program and froze with it counts too.
        reg.function("get_freeze_count", "", (rt, a) -> Modules.unknowable(rt, rt.heap.frozen()));
        // gc_set_threshold: PyArg_ParseTuple(args, "i|ii:set_threshold", ...) into the generations' thresholds.
        reg.function("set_threshold", Signature.parse("threshold0, threshold1=<unrepresentable>, threshold2=<unrepresentable>, /")
                .as(Signature.Convention.PARSE_TUPLE).named("set_threshold", "set_threshold"), GcModule::setThreshold);
        reg.function("get_threshold", "", (rt, a) -> {
            Heap.Generation[] g = rt.heap.generations;
            return rt.newTuple(rt.newInt(g[0].threshold), rt.newInt(g[1].threshold), rt.newInt(g[2].threshold));
        });
        return reg.contents();
    }

    private static final int DEBUG_STATS = 1, DEBUG_UNCOLLECTABLE = 4;

    /**
     * gc.garbage and gc.callbacks, lists made once per interpreter when it starts (_PyGC_Init), and
     * the collector's debug output: "gc: collectable <type address>" on stderr (the address is the
     * simulator's, noted as such), and DEBUG_SAVEALL's appends to gc.garbage.
     */
    public static void startup(PyRuntime rt) {
        PyList garbage = rt.heap.allocAtStartup(new PyList(new PyObject[0], 0)).allocatedExactly();
        PyList callbacks = rt.heap.allocAtStartup(new PyList(new PyObject[0], 0)).allocatedExactly();
        rt.heap.gcDebugSink = new Sink(rt, garbage, callbacks);
    }

    private record Sink(PyRuntime rt, PyList garbage, PyList callbacks) implements Heap.GcDebug {
        @Override
        public void collectable(PyObject obj) {
            rt.interp.stderr("gc: collectable <" + obj.type().name + " " + Repr.hex(rt.address(obj.addr)) + ">\n");
            rt.interp.noteUnknowable(PyInt.Taint.ADDRESS);
        }

        @Override
        public void save(PyObject obj) {
            garbage.appendOwned(rt.heap.newRef(obj));
        }

        /**
         * invoke_gc_callback: the info dict as Py_BuildValue("{sisnsn}") builds it (new key strings,
         * then each value), the phase a new str, each callback called with both (a callback the list
         * still holds, kept alive by the call) and an exception it raises reported as unraisable.
         */
        @Override
        public void callbacks(String phase, int generation, int collected) {
            // The phase string is made and dropped even with no callbacks: no object outlives it.
            if (callbacks.size == 0) return;
            PyDict info = rt.newDict();
            info.putOwned(rt, rt.newStr("generation"), rt.newInt(generation));
            info.putOwned(rt, rt.newStr("collected"), rt.newInt(collected));
            info.putOwned(rt, rt.newStr("uncollectable"), rt.newInt(0));
            PyObject phaseStr = rt.newStr(phase);
            for (int i = 0; i < callbacks.size; i++) {
                PyObject cb = rt.heap.newRef(callbacks.items[i]);
                try {
                    rt.heap.decref(rt.interp.callBorrowed(cb, new PyObject[] {phaseStr, info}, Kwargs.NONE));
                } catch (PyException e) {
                    rt.interp.reportIgnored(cb, "calling GC callback", e);
                } finally {
                    rt.heap.decref(cb);
                }
            }
            rt.heap.decref(phaseStr);
            rt.heap.decref(info);
        }
    }

    /** The module's garbage and callbacks attributes: the interpreter's lists. */
    static void addState(PyRuntime rt, PyDict dict) {
        Sink sink = (Sink) rt.heap.gcDebugSink;
        dict.put(rt, rt.name("garbage"), sink.garbage());
        dict.put(rt, rt.name("callbacks"), sink.callbacks());
    }

    /** gc.set_debug: DEBUG_STATS prints the collector's timings, which no run repeats: refused. */
    static PyObject setDebug(PyRuntime rt, Args a) {
        long flags = a.index("flags");
        if ((flags & DEBUG_STATS) != 0) throw a.unsupported("gc.set_debug(gc.DEBUG_STATS) (it prints timings)");
        rt.heap.gcDebug = (int) flags;
        return PyRuntime.NONE;
    }

    static PyObject collect(PyRuntime rt, Args a) {
        long gen = a.index("generation");
        if (gen < 0 || gen >= Heap.GENERATIONS) throw rt.error(PyExc.VALUE_ERROR, "invalid generation");
        // 3.14: generation 1 means the young generation and one increment of the old (gc_collect_increment).
        if (gen == 1 && rt.rules.incrementalCollector) throw a.unsupported("gc.collect(1) on Python " + rt.rules.version);
        CycleCollector collector = new CycleCollector(rt.heap);
        int collected = collector.collect((int) gen);
        // The member descriptors of a class's __slots__ are not modelled: a count that should include them is not claimed.
        return collector.countIncomplete ? Modules.unknowable(rt, collected) : rt.newInt(collected);
    }

    /**
     * gc_get_stats_impl: a dict per generation of its collections, collected and uncollectable
     * counts. The first two also count the collections the interpreter made while starting, which
     * depend on its installation (3.11 on Linux: 22 young and 2 middle ones), so they are marked
     * unknowable; what a program's own collections add to them is exact.
     */
    static PyObject getStats(PyRuntime rt, Args a) {
        // 3.14's incremental collector counts its young and old increments its own way: not modelled.
        if (rt.rules.incrementalCollector) throw a.unsupported("gc.get_stats() on Python " + rt.rules.version);
        // A snapshot first, as CPython takes one: building the result may start a collection.
        long[][] stats = new long[Heap.GENERATIONS][];
        for (int g = 0; g < stats.length; g++) stats[g] = new long[] {rt.heap.generations[g].collections, rt.heap.generations[g].collected};
        PyObject[] dicts = new PyObject[Heap.GENERATIONS];
        for (int g = 0; g < dicts.length; g++) {
            PyDict d = rt.newDict().modelled();
            d.putOwned(rt, rt.name("collections"), Modules.unknowable(rt, stats[g][0]));
            d.putOwned(rt, rt.name("collected"), Modules.unknowable(rt, stats[g][1]));
            d.putOwned(rt, rt.name("uncollectable"), rt.newInt(0));
            dicts[g] = d;
        }
        // PyList_New(0), then PyList_Append of each dict.
        return PyList.grownByAppends(rt.newList(dicts, dicts.length));
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

    static PyObject setThreshold(PyRuntime rt, Args a) {
        // 3.14's incremental collector keeps its own thresholds (the oldest is always 0): not modelled.
        if (rt.rules.incrementalCollector) throw a.unsupported("gc.set_threshold() on Python " + rt.rules.version);
        Heap.Generation[] g = rt.heap.generations;
        String[] names = {"threshold0", "threshold1", "threshold2"};
        int[] values = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            if (a.get(names[i]) == null) {
                values[i] = g[i].threshold;
                continue;
            }
            long v = a.index(names[i]); // the "i" format: __index__, then a C int
            if (v > Integer.MAX_VALUE) throw rt.error(PyExc.OVERFLOW_ERROR, "signed integer is greater than maximum");
            if (v < Integer.MIN_VALUE) throw rt.error(PyExc.OVERFLOW_ERROR, "signed integer is less than minimum");
            values[i] = (int) v;
        }
        for (int i = 0; i < names.length; i++) g[i].threshold = values[i];
        return PyRuntime.NONE;
    }

    /**
     * gc_get_referrers: every object on the generations' lists, youngest generation first and each
     * in its list's order, whose tp_traverse visits one of {@code objs} (the call's own argument
     * tuple and result list left out). An object the interpreter shares, or a constant the parse
     * tree's arena holds, has referrers the simulator does not model (the arena's list of every
     * token and literal): refused.
     */
    static PyObject getReferrers(PyRuntime rt, Args a) {
        if (rt.rules.incrementalCollector) {
            throw a.unsupported("gc.get_referrers() on Python " + rt.rules.version + " (the incremental collector's lists are not modelled)");
        }
        Map<PyObject, Boolean> targets = new IdentityHashMap<>();
        for (PyObject o : a.rest()) {
            if (!o.refcountKnowable() || rt.rules.immortal(o) || o.refcnt >= Heap.IMMORTAL) {
                throw a.unsupported("gc.get_referrers() of a '" + o.type().name + "' object the interpreter itself shares");
            }
            for (PyObject c : rt.interp.arena) {
                if (c == o) throw a.unsupported("gc.get_referrers() of a constant the parse tree holds (its arena's list is not modelled)");
            }
            targets.put(o, true);
        }
        PyList out = rt.newList();
        for (PyObject o : CycleCollector.tracked(rt.heap)) {
            if (o == out) continue;
            boolean[] refers = {false};
            o.traverse(r -> refers[0] |= targets.containsKey(r));
            if (refers[0]) out.appendOwned(rt.heap.newRef(o));
        }
        return out;
    }

    static PyObject getReferents(PyRuntime rt, Args a) {
        PyList out = rt.newList();
        for (PyObject o : a.rest()) {
            if (!o.isGcType()) continue;
            // func_traverse visits func_builtins, meth_traverse a builtin function's module: neither is an object here.
            if (o instanceof PyFunction) throw a.unsupported("gc.get_referents() of a function (its __builtins__ dict is not modelled)");
            if (o instanceof PyBuiltin b && b.self == null) throw a.unsupported("gc.get_referents() of a builtin function (its module is not modelled)");
            if (o instanceof PyType t && t.isHeapType() && !t.layoutModelled()) {
                throw a.unsupported("gc.get_referents() of a class with __slots__ (its member descriptors are not modelled)");
            }
            o.traverse(r -> {
                // subtype_traverse visits the class of an instance of a heap type (a library's Python class is one).
                if (!(o instanceof PyInstance i) || r != i.cls || i.cls.heapType || i.cls.isLibraryClass()) out.appendOwned(rt.heap.newRef(r));
            });
        }
        return out;
    }
}
