package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.Unsupported;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.BuiltinGetter;
import dev.refgrade.runtime.objects.PyCode;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyKeyedRef;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyWeakRef;
import dev.refgrade.runtime.objects.Signature;
import dev.refgrade.runtime.objects.Signature.Convention;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * WeakValueDictionary, WeakKeyDictionary, WeakSet and finalize: the Python of Lib/weakref.py and
 * _weakrefset.py (weakref_module.py), run in the module's namespace at `import weakref`, with what
 * CPython writes in C for them: KeyedRef's object (a ref with a key slot) and
 * _weakref._remove_dead_weakref. CPython imports weakref at startup, so what the import makes
 * is made as at startup: it does not count toward a collection, and it is old.
 */
final class WeakContainers {
    private WeakContainers() {}

    /** The file name the Python part's code carries: a traceback through it is refused (TracebackText). */
    static final String FILE = "Lib/weakref.py";

    /**
     * The Python texts, read from the jar at the first import of weakref rather than when this class
     * is first touched: opening the jar's resources costs a cold start about 15 ms. finalize, the same
     * in every version, follows each version's containers.
     */
    private static final class Text {
        static final String V311 = load("weakref_module.py") + "\n\n" + load("weakref_finalize.py");
        /** 3.14's text, whose containers iterate over copies (gh-89967, gh-123089). */
        static final String V314 = load("weakref_module_314.py") + "\n\n" + load("weakref_finalize.py");
    }

    private static String load(String name) {
        try (InputStream in = WeakContainers.class.getResourceAsStream("/dev/refgrade/runtime/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** KeyedRef's constructor and key slot. */
    static void install(Registry reg) {
        // KeyedRef.__new__(type, ob, callback, key): ref.__new__(type, ob, callback), then self.key = key.
        reg.constructor(PyKeyedRef.TYPE, Signature.parse("ob, callback, key").as(Convention.PYTHON_METHOD)
                .named("KeyedRef.__new__", "KeyedRef.__new__"), (rt, t, a) -> {
                    PyObject ob = a.get("ob"), callback = a.get("callback"), key = a.get("key");
                    PyWeakRef.checkReferenceable(rt, ob);
                    return PyWeakRef.link(rt, new PyKeyedRef(ob, callback == PyRuntime.NONE ? null : rt.heap.newRef(callback),
                            rt.heap.newRef(key)));
                });
        PyKeyedRef.TYPE.install("key", new BuiltinGetter((rt, self) -> rt.heap.newRef(((PyKeyedRef) self).key), (rt, self, v) -> {
            throw refused(rt, "assigning to a KeyedRef's key");
        }));
    }

    static void contents(Registry reg) {
        reg.put("KeyedRef", PyKeyedRef.TYPE);
        reg.function("_remove_dead_weakref", Signature.parse("dct, key, /").named("_remove_dead_weakref", "_remove_dead_weakref"),
                WeakContainers::removeDeadWeakref);
        // atexit.register(self._exitfunc), which finalize's first instance does: kept until exit.
        reg.function("_register_atexit", Signature.parse("func, /").as(Convention.POSITIONAL), (rt, a) -> {
            if (!Functions.isCallable(rt, a.get("func"))) throw rt.typeError("the first argument must be callable");
            rt.finalizers.add(rt.heap.newRef(a.get("func")));
            return PyRuntime.NONE;
        });
        reg.function("_unmodelled", Signature.parse("what, /").as(Convention.POSITIONAL),
                (rt, a) -> { throw refused(rt, rt.ops.str(a.get("what"))); });
    }

    /** _weakref._remove_dead_weakref(dct, key): the entry goes when its value is a dead weak reference; a missing key is no error. */
    private static PyObject removeDeadWeakref(PyRuntime rt, Args a) {
        if (!(a.get("dct") instanceof PyDict d)) throw rt.typeError("_remove_dead_weakref() argument 1 must be dict, not " + a.get("dct").type().name);
        PyObject key = a.get("key");
        PyObject v = d.getBorrowed(rt, key);
        if (v == null) return PyRuntime.NONE;
        if (!(v instanceof PyWeakRef w)) throw rt.typeError("not a weakref");
        if (w.referent() == null) rt.heap.decref(d.pop(rt, key));
        return PyRuntime.NONE;
    }

    /** The Python part, run in the module's namespace as the startup import of Lib/weakref.py ran it. */
    static void run(PyRuntime rt, PyDict globals) {
        rt.heap.asAtStartup(() -> {
            PyCode code = DataclassBuild.compile(rt, FILE, rt.rules.weakContainersIterateCopies ? Text.V314 : Text.V311);
            try {
                rt.interp.exec(code, globals, globals);
            } finally {
                rt.heap.decref(code);
            }
        });
    }

    /** isinstance(x, collections.abc.Mapping) for the weak dictionaries: instances of this run's classes of that name. */
    static boolean isWeakMapping(PyRuntime rt, PyObject x) {
        if (!(x instanceof PyInstance inst) || !inst.cls.heapType) return false;
        String name = inst.cls.name;
        return (name.equals("WeakValueDictionary") || name.equals("WeakKeyDictionary"))
                && inst.cls.dict.getBorrowed(rt, rt.name("__module__")) instanceof PyStr m && m.value.equals("weakref");
    }

    /** A refusal at the program's line: the frames of the Python part are passed over. */
    static Unsupported refused(PyRuntime rt, String what) {
        var frame = rt.interp.currentFrame();
        while (frame != null && frame.code.file.equals(FILE)) frame = frame.back;
        return new Unsupported(what + " (not modelled)", frame == null ? 0 : frame.line);
    }
}
