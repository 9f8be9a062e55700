package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.BuiltinGetter;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.PyWeakMethod;
import dev.refgrade.runtime.objects.PyWeakRef;
import dev.refgrade.runtime.objects.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** weakref: ref, proxy, WeakMethod, getweakrefcount, getweakrefs and finalize; the weak containers are {@link WeakContainers}. */
public final class WeakrefModule {
    static final PyType FINALIZE = PyType.newLibraryClass("finalize", PyType.OBJECT);

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
        WeakMethods.installMembers();
    }

    private WeakrefModule() {}

    private static final PyType REF = PyType.WEAKREF;

    /** A function of Lib/weakref.py: Python's wording for a bad call, by its qualified name. */
    private static Signature python(String text, String qualname) {
        return Signature.parse(text).as(Signature.Convention.PYTHON).named(qualname, qualname);
    }

    static {
        Registry reg = Registry.module("weakref");
        // weakref___new__ unpacks (object, callback) with PyArg_UnpackTuple("__new__", 1, 2) and refuses keywords as ref().
        reg.constructor(REF, Signature.parse("object, callback=<unrepresentable>, /").as(Signature.Convention.POSITIONAL)
                .named("ref", "__new__"), (rt, t, a) -> PyWeakRef.newRef(rt, a.get("object"), a.get("callback")));
        reg.method(REF, "__call__", Signature.parse("").as(Signature.Convention.POSITIONAL).named("weakref", "weakref"),
                (PyRuntime rt, PyWeakRef self, Args a) -> {
                    PyObject r = self.referent();
                    return r == null ? PyRuntime.NONE : rt.heap.newRef(r);
                });
        // finalize.__call__(_=None): Lib/weakref.py ignores the argument itself.
        reg.method(FINALIZE, "__call__", python("_=None", "finalize.__call__"), (PyRuntime rt, Finalize self, Args a) -> {
            a.get("_");
            return fire(rt, self);
        });
        reg.constructor(PyWeakMethod.TYPE, Signature.parse("meth, callback=None").as(Signature.Convention.PYTHON_METHOD)
                .named("WeakMethod.__new__", "WeakMethod.__new__"), (rt, t, a) -> WeakMethods.create(rt, a));
        reg.method(PyWeakMethod.TYPE, "__call__", python("", "WeakMethod.__call__"),
                (PyRuntime rt, PyWeakMethod self, Args a) -> WeakMethods.call(rt, self));
        WeakContainers.install(reg);
    }

    public static Map<String, PyObject> contents() {
        Registry reg = Registry.module("weakref");
        reg.put("ref", REF);
        reg.put("ReferenceType", REF);
        // Defined in _weakref, which names it so in its complaints.
        reg.function("getweakrefcount", Signature.parse("object, /").named("_weakref.getweakrefcount", "getweakrefcount"), (rt, a) -> {
            PyObject o = a.get("object");
            return rt.newInt(rt.heap.weakrefCount(o));
        });
        // _weakref.proxy(object, callback=None, /): CallableProxyType when the object is callable then.
        reg.function("proxy", Signature.parse("object, callback=None, /").as(Signature.Convention.POSITIONAL).named("_weakref.proxy", "proxy"), (rt, a) -> {
            PyObject o = a.get("object");
            PyType type = Functions.isCallable(rt, o) ? PyType.CALLABLE_WEAKPROXY : PyType.WEAKPROXY;
            return PyWeakRef.make(rt, type, o, a.orNone("callback"));
        });
        // _weakref.getweakrefs: a new list of the references in the referent's list order.
        reg.function("getweakrefs", Signature.parse("object, /").named("_weakref.getweakrefs", "getweakrefs"), (rt, a) -> {
            PyObject o = a.get("object");
            List<PyWeakRef> refs = rt.heap.weakrefCount(o) == 0 ? List.of() : rt.heap.weakrefList(o).refs;
            PyObject[] items = refs.toArray(new PyObject[0]);
            for (PyObject r : items) rt.heap.incref(r);
            return rt.newList(items, items.length);
        });
        reg.put("ProxyType", PyType.WEAKPROXY);
        reg.put("WeakMethod", PyWeakMethod.TYPE);
        reg.put("CallableProxyType", PyType.CALLABLE_WEAKPROXY);
        reg.function("finalize", python("obj, func, /, *args, **kwargs", "finalize.__init__"), WeakrefModule::finalize);
        WeakContainers.contents(reg);
        return reg.contents();
    }

    /** weakref.ProxyTypes, a tuple of the module's own (a mortal object in CPython). */
    static void addState(PyRuntime rt, dev.refgrade.runtime.objects.PyDict dict) {
        dict.putOwned(rt, rt.name("ProxyTypes"), rt.newTuple(PyType.WEAKPROXY, PyType.CALLABLE_WEAKPROXY));
        WeakContainers.run(rt, dict);
    }

    /** The callback finalize hangs on its weak reference: it gets the dead reference and fires. */
    private static final Signature CALLBACK = Signature.parse("wr, /").named("finalize-callback", "finalize-callback");

    /** finalize(obj, func, *args): keyword arguments for func are not modelled. */
    private static PyObject finalize(PyRuntime rt, Args a) {
        PyObject obj = a.get("obj"), func = a.get("func");
        if (!a.extra().isEmpty()) throw a.refuse("kwargs");
        Finalize f = new Finalize();
        f.func = rt.heap.newRef(func);
        PyObject[] rest = a.rest().clone();
        for (PyObject o : rest) rt.heap.incref(o);
        f.args = rt.newTuple(rest);
        rt.heap.alloc(f);
        PyBuiltin callback = rt.heap.alloc(new PyBuiltin("weakref", "finalize-callback", CALLBACK, (r, s, args) -> {
            args.get("wr");
            return fire(r, f);
        }, null));
        f.ref = PyWeakRef.newRef(rt, obj, callback);
        rt.heap.decref(callback);
        rt.finalizers.add(f);
        rt.heap.incref(f);
        return f;
    }

    /** Calls the finalizer's function once; later calls return None. */
    static PyObject fire(PyRuntime rt, Finalize f) {
        if (f.func == null) return PyRuntime.NONE;
        PyObject func = rt.heap.newRef(f.func);
        PyTuple args = rt.heap.newRef(f.args);
        f.detach(rt.heap);
        try {
            return rt.ops.call(func, args.items, Kwargs.NONE);
        } finally {
            rt.heap.decref(func);
            rt.heap.decref(args);
            if (rt.finalizers.remove(f)) rt.heap.decref(f);
        }
    }

    /** finalize._exitfunc: finalizers still alive at exit run, newest first. */
    static void runAtExit(PyRuntime rt) {
        List<PyObject> pending = new ArrayList<>(rt.finalizers);
        rt.finalizers.clear();
        for (int i = pending.size() - 1; i >= 0; i--) {
            Finalize f = (Finalize) pending.get(i);
            if (f.func != null) {
                rt.finalizers.add(f);
                rt.heap.decref(fire(rt, f));
            } else {
                rt.heap.decref(f);
            }
        }
    }
}
