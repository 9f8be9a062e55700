package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.Variation;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyBaseExc;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.protocol.Arith;
import dev.refgrade.runtime.protocol.IntDigits;
import dev.refgrade.runtime.PythonVersion;
import dev.refgrade.runtime.memory.StaticObjects;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyModule;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** sys: getrefcount, intern, the recursion limit, and the exception being handled. */
public final class SysModule {
    private SysModule() {}

    /**
     * The names of sys the interpreter itself reads as it runs (sys.excepthook for an uncaught
     * exception, sys.stdout for print, sys.modules for import): the simulator's interpreter does not
     * read them back from the module, so a program that sets or deletes one is refused.
     */
    private static final Set<String> CONSULTED = Set.of("excepthook", "unraisablehook", "breakpointhook",
            "stdout", "stderr", "stdin", "__stdout__", "__stderr__", "__stdin__", "tracebacklimit", "modules", "path",
            "meta_path", "path_hooks", "path_importer_cache");

    /** Refuses setting or deleting a name of sys the interpreter consults (see {@link #CONSULTED}). */
    public static void checkChange(PyRuntime rt, PyModule m, String name) {
        if (m.name.equals("sys") && CONSULTED.contains(name)) throw rt.refusal("changing sys." + name + " (the interpreter reads it)");
    }

    public static Map<String, PyObject> contents() {
        Registry reg = Registry.module("sys");
        reg.function("getrefcount", "object, /", SysModule::getrefcount);
        reg.function("intern", "string, /", SysModule::intern);
        reg.function("exc_info", "", SysModule::excInfo);
        reg.function("exception", "", (rt, a) -> {
            PyBaseExc v = rt.interp.exc.topmost();
            return v == null ? PyRuntime.NONE : rt.heap.newRef(v);
        });
        reg.function("getsizeof", "object, default=<unrepresentable>", SizeOf::getsizeof);
        reg.function("getrecursionlimit", "", (rt, a) -> rt.newInt(rt.limits.maxDepth()));
        reg.function("get_int_max_str_digits", "", (rt, a) -> rt.newInt(rt.intMaxStrDigits));
        reg.function("set_int_max_str_digits", "maxdigits", SysModule::setIntMaxStrDigits);
        reg.function("_getframe", "depth=0, /", SysModule::getframe);
        reg.function("exit", "status=None, /", SysModule::exit);
        reg.put("maxsize", StaticObjects.place(new PyInt(Long.MAX_VALUE))); // PY_SSIZE_T_MAX on 64-bit builds
        reg.put("byteorder", StaticObjects.place(new PyStr("little")));
        return reg.contents();
    }

    /** sys.version_info, a struct sequence (make_version_info): the interpreter's own object, one per modelled release. */
    private static final PyType VERSION_INFO = NamedFields.install(PyType.newBuiltin("sys.version_info", PyType.TUPLE),
            "sys.version_info", "major", "minor", "micro", "releaselevel", "serial");
    private static final Map<PythonVersion, PyTuple> VERSION_INFOS = new EnumMap<>(PythonVersion.class);

    static {
        PyStr finalLevel = StaticObjects.place(new PyStr("final"));
        for (PythonVersion v : PythonVersion.values()) {
            VERSION_INFOS.put(v, StaticObjects.place(new PyTuple(new PyObject[] {PyRuntime.smallInt(3), PyRuntime.smallInt(v.minor),
                    PyRuntime.smallInt(v.micro), finalLevel, PyRuntime.smallInt(0)}, VERSION_INFO)));
        }
    }

    /** What sys holds that depends on the version a run models. */
    static void addState(PyRuntime rt, PyDict dict) {
        dict.put(rt, rt.name("version_info"), VERSION_INFOS.get(rt.rules.version));
    }

    /** sys__getframe_impl: the frame object (made now if need be) depth calls up from the running one. */
    static PyObject getframe(PyRuntime rt, Args a) {
        long depth = a.index("depth");
        dev.refgrade.runtime.eval.Frame f = rt.interp.currentFrame();
        for (long i = 0; i < depth && f != null; i++) f = f.back;
        if (f == null) throw rt.error(dev.refgrade.runtime.objects.PyExc.VALUE_ERROR, "call stack is not deep enough");
        return rt.heap.newRef(rt.interp.exc.frameObject(f));
    }

    static PyObject getrefcount(PyRuntime rt, Args a) {
        PyObject o = a.get("object");
        // The argument's own reference is counted: the caller still holds it while the call runs.
        if (rt.varies(Variation.GETREFCOUNT_OMITS_ARGUMENT) && o.refcountKnowable() && o.refcnt < Heap.IMMORTAL) {
            return rt.newInt(o.refcnt - 1);
        }
        return Modules.countOf(rt, o);
    }

    /** sys.set_int_max_str_digits: 0 (no limit) or at least 640, for this interpreter only. */
    static PyObject setIntMaxStrDigits(PyRuntime rt, Args a) {
        long n = Arith.toIndex(rt, a.get("maxdigits"));
        if (n != 0 && n < IntDigits.THRESHOLD || n > Integer.MAX_VALUE) {
            throw rt.error(PyExc.VALUE_ERROR, "maxdigits must be 0 or larger than " + IntDigits.THRESHOLD);
        }
        rt.intMaxStrDigits = (int) n;
        return PyRuntime.NONE;
    }

    /** (type, value, traceback) of the exception being handled, the traceback read off the instance. */
    static PyObject excInfo(PyRuntime rt, Args a) {
        PyBaseExc v = rt.interp.exc.topmost();
        if (v == null) return rt.newTuple(PyRuntime.NONE, PyRuntime.NONE, PyRuntime.NONE);
        PyObject tb = v.traceback == null ? PyRuntime.NONE : rt.heap.newRef(v.traceback);
        return rt.newTuple(rt.heap.newRef(v.cls), rt.heap.newRef(v), tb);
    }

    /** sys_exit_impl: PyErr_SetObject(PyExc_SystemExit, status), a tuple status being the exception's args. */
    static PyObject exit(PyRuntime rt, Args a) {
        PyObject status = a.get("status");
        PyObject[] args = status == null || status == PyRuntime.NONE ? new PyObject[0]
                : status instanceof dev.refgrade.runtime.objects.PyTuple t ? t.items : new PyObject[] {status};
        throw new dev.refgrade.runtime.objects.PyException((dev.refgrade.runtime.objects.PyBaseExc) rt.ops.call(PyExc.SYSTEM_EXIT, args), null);
    }

    static PyObject intern(PyRuntime rt, Args a) {
        if (!(a.get("string") instanceof PyStr s)) throw rt.typeError("intern() argument must be str, not " + a.get("string").type().name);
        rt.heap.incref(s);
        return rt.intern(s);
    }
}
