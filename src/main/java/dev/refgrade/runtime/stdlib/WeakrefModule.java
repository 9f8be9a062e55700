package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.PyWeakMethod;
import dev.refgrade.runtime.objects.PyWeakRef;
import dev.refgrade.runtime.objects.Signature;
import java.util.List;
import java.util.Map;

/** weakref: ref, proxy, WeakMethod, getweakrefcount and getweakrefs; the weak containers and finalize are {@link WeakContainers}. */
public final class WeakrefModule {
    static {
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
        WeakContainers.contents(reg);
        return reg.contents();
    }

    /** weakref.ProxyTypes, a tuple of the module's own (a mortal object in CPython). */
    static void addState(PyRuntime rt, dev.refgrade.runtime.objects.PyDict dict) {
        dict.putOwned(rt, rt.name("ProxyTypes"), rt.newTuple(PyType.WEAKPROXY, PyType.CALLABLE_WEAKPROXY));
        WeakContainers.run(rt, dict);
    }

    /**
     * atexit's run at exit: the functions registered (finalize._exitfunc, the one registrant),
     * last registered first, each dropped after its call.
     */
    static void runAtExit(PyRuntime rt) {
        while (!rt.finalizers.isEmpty()) {
            PyObject f = rt.finalizers.remove(rt.finalizers.size() - 1);
            try {
                rt.heap.decref(rt.ops.call(f));
            } catch (dev.refgrade.runtime.objects.PyException e) {
                e.discard(rt.heap);
                // atexit_callfuncs reports it as "Exception ignored in atexit callback", through Lib/weakref.py's frames.
                throw new dev.refgrade.runtime.Unsupported("an exception raised by a function atexit calls at exit", 0);
            } finally {
                rt.heap.decref(f);
            }
        }
    }
}
