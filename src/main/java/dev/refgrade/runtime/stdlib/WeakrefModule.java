package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.memory.WeakRefList;
import dev.refgrade.runtime.objects.BuiltinGetter;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.PyWeakContainer;
import dev.refgrade.runtime.objects.PyWeakRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** weakref: ref, getweakrefcount and finalize. */
public final class WeakrefModule {
    static final PyType FINALIZE = PyType.newBuiltin("finalize", PyType.OBJECT);

    /** weakref.finalize: calls func(*args) once, when the object dies, when called, or at exit. */
    static final class Finalize extends PyObject {
        PyObject func;
        PyTuple args;
        PyWeakRef ref;

        @Override
        public PyType type() {
            return FINALIZE;
        }

        @Override
        public int allocSize() {
            return 16 + 48;
        }

        @Override
        public void releaseReferences(Heap heap) {
            detach(heap);
        }

        void detach(Heap heap) {
            PyObject f = func;
            PyTuple a = args;
            PyWeakRef r = ref;
            func = null;
            args = null;
            ref = null;
            heap.xdecref(f);
            heap.xdecref(a);
            heap.xdecref(r);
        }
    }

    static {
        FINALIZE.install("alive", new BuiltinGetter((rt, self) -> PyRuntime.bool(((Finalize) self).func != null)));
        FINALIZE.constructor = null;
    }

    private WeakrefModule() {}

    private static final PyType REF = PyType.WEAKREF;

    static {
        REF.constructor = (rt, t, args, kw) -> newRef(rt, Builtins.arg(rt, "ref", args, 0), args.length > 1 ? args[1] : null);
        REF.install("__call__", PyBuiltin.of("weakref", "__call__", (rt, self, args, kw) -> {
            PyObject r = ((PyWeakRef) self).referent();
            return r == null ? PyRuntime.NONE : rt.heap.newRef(r);
        }));
    }

    public static PyObject newRef(PyRuntime rt, PyObject obj, PyObject callback) {
        if (callback == PyRuntime.NONE) callback = null;
        if (!obj.weaklyReferenceable()) {
            throw rt.typeError("cannot create weak reference to '" + obj.type().name + "' object");
        }
        if (obj.weakrefs == null) obj.weakrefs = new WeakRefList();
        if (callback == null) {
            PyWeakRef basic = obj.weakrefs.basic();
            if (basic != null) return rt.heap.newRef(basic);
        }
        PyWeakRef ref = rt.heap.alloc(new PyWeakRef(REF, obj, callback == null ? null : rt.heap.newRef(callback), callback == null));
        obj.weakrefs.add(ref);
        return ref;
    }

    public static Map<String, PyObject> contents() {
        Map<String, PyObject> m = new LinkedHashMap<>();
        m.put("ref", REF);
        m.put("ReferenceType", REF);
        m.put("getweakrefcount", PyBuiltin.of("weakref", "getweakrefcount", (rt, self, args, kw) -> {
            PyObject o = Builtins.arg(rt, "getweakrefcount", args, 0);
            return rt.newInt(o.weakrefs == null ? 0 : o.weakrefs.refs.size());
        }));
        m.put("finalize", PyBuiltin.of("weakref", "finalize", WeakrefModule::finalize));
        m.put("WeakValueDictionary", PyWeakContainer.WEAK_VALUE_DICTIONARY);
        m.put("WeakKeyDictionary", PyWeakContainer.WEAK_KEY_DICTIONARY);
        m.put("WeakSet", PyWeakContainer.WEAK_SET);
        return m;
    }

    /** The finalizers still waiting, owned by the registry as weakref.finalize's class registry owns them. */
    private static final Map<PyRuntime, List<Finalize>> REGISTRY = new java.util.WeakHashMap<>();

    private static PyObject finalize(PyRuntime rt, PyObject self, PyObject[] args, Kwargs kw) {
        if (args.length < 2) throw rt.typeError("finalize expected at least 2 arguments");
        Finalize f = new Finalize();
        f.func = rt.heap.newRef(args[1]);
        PyObject[] rest = new PyObject[args.length - 2];
        for (int i = 2; i < args.length; i++) rest[i - 2] = rt.heap.newRef(args[i]);
        f.args = rt.newTuple(rest);
        rt.heap.alloc(f);
        PyBuiltin callback = rt.heap.alloc(new PyBuiltin("weakref", "finalize-callback", (r, s, a, k) -> fire(r, f), null));
        f.ref = (PyWeakRef) newRef(rt, args[0], callback);
        rt.heap.decref(callback);
        synchronized (REGISTRY) {
            REGISTRY.computeIfAbsent(rt, k -> new ArrayList<>()).add(f);
        }
        rt.heap.incref(f);
        return f;
    }

    /** Calls the finalizer's function once; later calls return None. */
    static PyObject fire(PyRuntime rt, Finalize f) {
        if (f.func == null) return PyRuntime.NONE;
        PyObject func = rt.heap.newRef(f.func);
        PyTuple args = rt.heap.newRef(f.args);
        f.detach(rt.heap);
        List<Finalize> pending;
        synchronized (REGISTRY) {
            pending = REGISTRY.get(rt);
        }
        try {
            return rt.ops.call(func, args.items, Kwargs.NONE);
        } finally {
            rt.heap.decref(func);
            rt.heap.decref(args);
            if (pending != null && pending.remove(f)) rt.heap.decref(f);
        }
    }

    static {
        FINALIZE.install("__call__", PyBuiltin.of("finalize", "__call__", (rt, self, args, kw) -> fire(rt, (Finalize) self)));
    }

    /** finalize._exitfunc: finalizers still alive at exit run, newest first. */
    static void runAtExit(PyRuntime rt) {
        List<Finalize> pending;
        synchronized (REGISTRY) {
            pending = REGISTRY.remove(rt);
        }
        if (pending == null) return;
        for (int i = pending.size() - 1; i >= 0; i--) {
            Finalize f = pending.get(i);
            if (f.func != null) {
                synchronized (REGISTRY) {
                    REGISTRY.computeIfAbsent(rt, k -> new ArrayList<>()).add(f);
                }
                rt.heap.decref(fire(rt, f));
            } else {
                rt.heap.decref(f);
            }
        }
    }
}
