package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyModule;
import dev.refgrade.runtime.objects.PyObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/** The modules a program may import, each with its contents. */
public final class Modules {
    /**
     * How each module's contents are made, built at its first import: a run pays only for the modules
     * it imports (each one's functions, types and signatures), not for all of them at start-up.
     */
    private static final Map<String, Supplier<Map<String, PyObject>>> MAKERS = Map.ofEntries(
            Map.entry("sys", SysModule::contents), Map.entry("gc", GcModule::contents),
            Map.entry("ctypes", CtypesModule::contents), Map.entry("copy", CopyModule::contents),
            Map.entry("weakref", WeakrefModule::contents), Map.entry("contextlib", ContextlibModule::contents),
            Map.entry("pprint", PprintModule::contents), Map.entry("itertools", ItertoolsModule::contents),
            Map.entry("math", MathModule::contents), Map.entry("string", StringModule::contents),
            Map.entry("operator", OperatorModule::contents), Map.entry("functools", FunctoolsModule::contents),
            Map.entry("collections", CollectionsModule::contents), Map.entry("types", TypesModule::contents),
            Map.entry("array", ArrayModule::contents), Map.entry("dataclasses", DataclassesModule::contents),
            Map.entry("enum", EnumModule::contents));
    /** What a module holds per run rather than per JVM: gc's lists, and values that depend on the version a run models. */
    private static final Map<String, BiConsumer<PyRuntime, PyDict>> RUN_STATE = Map.of(
            "gc", GcModule::addState, "weakref", WeakrefModule::addState, "array", ArrayModule::addState, "sys", SysModule::addState,
            "dataclasses", DataclassesLibrary::addState, "enum", EnumModule::addState);
    /** The contents made so far: made once per JVM, shared by every run, as the eager table was. */
    private static final Map<String, Map<String, PyObject>> MADE = new HashMap<>();

    private Modules() {}

    public static boolean exists(String name) {
        return MAKERS.containsKey(name);
    }

    private static final String CLOCK = "its results depend on the clock, which differs from run to run";
    private static final String SYSTEM = "it reaches the machine's files, processes or network, which a graded run does not have";
    private static final String THREADS = "threads interleave in an order no run fixes";
    private static final Map<String, String> WHY_NOT = Map.ofEntries(
            Map.entry("time", CLOCK), Map.entry("datetime", CLOCK), Map.entry("timeit", CLOCK),
            Map.entry("random", "its values differ from run to run unless seeded, and seeding is not modelled"),
            Map.entry("secrets", "its values are random by design"), Map.entry("uuid", "its values are random or read from the machine"),
            Map.entry("os", SYSTEM), Map.entry("pathlib", SYSTEM), Map.entry("io", SYSTEM), Map.entry("shutil", SYSTEM),
            Map.entry("tempfile", SYSTEM), Map.entry("glob", SYSTEM), Map.entry("subprocess", SYSTEM),
            Map.entry("socket", SYSTEM), Map.entry("urllib", SYSTEM), Map.entry("http", SYSTEM), Map.entry("platform", SYSTEM),
            Map.entry("threading", THREADS), Map.entry("multiprocessing", THREADS), Map.entry("concurrent", THREADS),
            Map.entry("asyncio", THREADS), Map.entry("tracemalloc", "it measures the real interpreter's own allocations"),
            Map.entry("resource", SYSTEM), Map.entry("psutil", SYSTEM));

    /** Why module {@code name} is refused, where a reason is known (it cannot be deterministic, or what it needs is missing). */
    public static String whyNot(String name) {
        int dot = name.indexOf('.');
        return WHY_NOT.get(dot < 0 ? name : name.substring(0, dot));
    }

    /** Whether the module is compiled into CPython's interpreter (sys.builtin_module_names), so it has no file. */
    public static boolean builtIn(String module) {
        return Set.of("sys", "gc", "itertools", "builtins", "time", "atexit", "errno").contains(module);
    }

    /** Whether CPython 3.11's module has {@code name} (for modules whose names are listed). */
    public static boolean cpythonHas(String module, String name) {
        return CPythonNames.moduleHas(module, name);
    }

    /** The modules the simulator builds in. */
    static Set<String> builtInModules() {
        return MAKERS.keySet();
    }

    public static PyModule create(PyRuntime rt, String name) {
        Map<String, PyObject> contents = contents(name);
        if (contents == null) return null;
        PyDict dict = rt.newDict();
        dict.putOwned(rt, rt.name("__name__"), rt.name(name));
        for (var e : contents.entrySet()) dict.putOwned(rt, rt.name(e.getKey()), e.getValue());
        BiConsumer<PyRuntime, PyDict> state = RUN_STATE.get(name);
        if (state != null) state.accept(rt, dict);
        return rt.heap.alloc(new PyModule(name, dict));
    }

    /**
     * Module {@code name}'s contents, made at the first call. Synchronized, not computeIfAbsent: runs on
     * the server's threads import at once, and the contents' objects must be made once (their static
     * addresses are handed out in order).
     */
    static synchronized Map<String, PyObject> contents(String name) {
        Map<String, PyObject> made = MADE.get(name);
        if (made == null && MAKERS.containsKey(name)) {
            made = MAKERS.get(name).get();
            MADE.put(name, made);
        }
        return made;
    }

    /** An int carrying the mark of a value CPython does not fix; never a shared small int. */
    static PyInt unknowable(PyRuntime rt, long v) {
        v = rt.unknownCount(v);
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
        // Only weakref.finalize registers, and initialising WeakrefModule installs its types' methods.
        if (!rt.finalizers.isEmpty()) WeakrefModule.runAtExit(rt);
    }
}
