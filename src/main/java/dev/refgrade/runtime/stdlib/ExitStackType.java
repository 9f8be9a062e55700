package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyMethod;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;
import dev.refgrade.runtime.objects.Signature.Convention;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * contextlib.ExitStack as Lib/contextlib.py (3.11) writes it: a stack of (is_sync, callback)
 * tuples, each callback a bound __exit__ (MethodType(cm_exit, cm), which keeps the manager alive)
 * or a wrapper around a plain callback and its arguments; __exit__ pops them last first. A callback
 * that raises would show contextlib.py's frames in the traceback, so that run is refused.
 */
final class ExitStackType {
    static final PyType STACK = PyType.newLibraryClass("contextlib", "ExitStack", PyType.OBJECT);
    /** _create_cb_wrapper's _exit_wrapper: a Python function, as type() shows it. */
    static final PyType WRAPPER = PyType.newBuiltin("function", PyType.OBJECT);

    private ExitStackType() {}

    static final class Stack extends PyObject {
        /** _exit_callbacks: owned (True, callback) tuples, oldest first. */
        List<PyTuple> callbacks = new ArrayList<>();

        @Override
        public PyType type() {
            return STACK;
        }

        @Override
        public boolean isGcType() {
            return true;
        }

        @Override
        public int allocSize() {
            return 16 + 16 + 16 + 8;
        }

        @Override
        public void traverse(Consumer<PyObject> visit) {
            callbacks.forEach(visit);
        }

        @Override
        public void releaseReferences(Heap heap) {
            List<PyTuple> held = callbacks;
            callbacks = new ArrayList<>();
            held.forEach(heap::decref);
        }
    }

    /** _exit_wrapper: calls callback(*args, **kwds) whatever the exception details. */
    static final class Wrapper extends PyObject {
        PyObject callback, args, kwds;

        @Override
        public PyType type() {
            return WRAPPER;
        }

        @Override
        public boolean isGcType() {
            return true;
        }

        @Override
        public int allocSize() {
            return 16 + 144;
        }

        @Override
        public void traverse(Consumer<PyObject> visit) {
            for (PyObject o : new PyObject[] {callback, args, kwds}) if (o != null) visit.accept(o);
        }

        @Override
        public void releaseReferences(Heap heap) {
            PyObject[] held = {callback, args, kwds};
            callback = args = kwds = null;
            for (PyObject o : held) heap.xdecref(o);
        }
    }

    static void install(Registry reg) {
        reg.put("ExitStack", STACK);
        reg.constructor(STACK, Signature.parse("").as(Convention.PYTHON), (rt, t, a) -> rt.heap.alloc(new Stack()));
        reg.method(STACK, "__enter__", Signature.parse("").as(Convention.PYTHON), (PyRuntime rt, Stack s, Args a) -> rt.heap.newRef(s));
        reg.method(STACK, "__exit__", Signature.parse("*exc_details").as(Convention.PYTHON), ExitStackType::exit);
        reg.method(STACK, "close", Signature.parse("").as(Convention.PYTHON), (PyRuntime rt, Stack s, Args a) -> {
            rt.heap.decref(exitWith(rt, s, new PyObject[] {PyRuntime.NONE, PyRuntime.NONE, PyRuntime.NONE}, a));
            return PyRuntime.NONE;
        });
        reg.method(STACK, "enter_context", Signature.parse("cm").as(Convention.PYTHON), ExitStackType::enterContext);
        reg.method(STACK, "push", Signature.parse("exit").as(Convention.PYTHON), ExitStackType::push);
        reg.method(STACK, "callback", Signature.parse("callback, /, *args, **kwds").as(Convention.PYTHON), ExitStackType::callback);
        reg.method(STACK, "pop_all", Signature.parse("").as(Convention.PYTHON), (PyRuntime rt, Stack s, Args a) -> {
            Stack fresh = rt.heap.alloc(new Stack());
            fresh.callbacks = s.callbacks;
            s.callbacks = new ArrayList<>();
            return fresh;
        });
        reg.method(WRAPPER, "__call__", "*args, **kwargs", (PyRuntime rt, Wrapper w, Args a) -> {
            a.rest();
            a.extra();
            PyObject[] args = ((PyTuple) w.args).items;
            PyDict kwds = (PyDict) w.kwds;
            List<dev.refgrade.runtime.objects.PyStr> names = new ArrayList<>();
            List<PyObject> values = new ArrayList<>();
            for (int i = kwds.nextEntry(0); i < kwds.entries; i = kwds.nextEntry(i + 1)) {
                names.add((dev.refgrade.runtime.objects.PyStr) kwds.keys[i]);
                values.add(kwds.values[i]);
            }
            rt.heap.decref(rt.interp.callBorrowed(w.callback, args, new Kwargs(names, values)));
            return PyRuntime.NONE;
        });
    }

    /** _push_exit_callback: (True, callback) goes on the stack. */
    private static void pushCallback(PyRuntime rt, Stack s, PyObject owned) {
        s.callbacks.add(rt.newTuple(PyRuntime.TRUE, owned));
    }

    /** enter_context: the type's __enter__ and __exit__, the first called now, the second bound to cm and stacked. */
    static PyObject enterContext(PyRuntime rt, Stack s, Args a) {
        PyObject cm = a.get("cm");
        PyType cls = cm.type();
        PyObject enter = cls.lookup(rt, "__enter__"), exit = cls.lookup(rt, "__exit__");
        if (enter == null || exit == null) {
            String module = cls.isHeapType() ? "__main__" : "builtins";
            throw rt.typeError("'" + module + "." + cls.name + "' object does not support the context manager protocol");
        }
        PyObject result = rt.interp.callBorrowed(enter, new PyObject[] {cm}, Kwargs.NONE);
        pushCallback(rt, s, rt.heap.alloc(new PyMethod(rt.heap.newRef(exit), rt.heap.newRef(cm))));
        return result;
    }

    /** push: a context manager's __exit__ bound to it, else the callable itself; returned for use as a decorator. */
    static PyObject push(PyRuntime rt, Stack s, Args a) {
        PyObject exit = a.get("exit");
        PyObject method = exit.type().lookup(rt, "__exit__");
        if (method == null) pushCallback(rt, s, rt.heap.newRef(exit));
        else pushCallback(rt, s, rt.heap.alloc(new PyMethod(rt.heap.newRef(method), rt.heap.newRef(exit))));
        return rt.heap.newRef(exit);
    }

    /** callback: a wrapper holding the callback and its arguments is stacked; the callback is returned. */
    static PyObject callback(PyRuntime rt, Stack s, Args a) {
        Heap heap = rt.heap;
        PyObject cb = a.get("callback");
        PyObject[] args = a.rest().clone();
        for (PyObject o : args) heap.incref(o);
        Kwargs kw = a.extra();
        PyTuple argTuple = rt.newTuple(args);
        PyDict kwds = rt.newDict();
        for (int i = 0; i < kw.names().size(); i++) kwds.put(rt, kw.names().get(i), kw.values().get(i));
        Wrapper w = heap.alloc(new Wrapper());
        w.callback = heap.newRef(cb);
        w.args = argTuple;
        w.kwds = kwds;
        pushCallback(rt, s, w);
        return heap.newRef(cb);
    }

    static PyObject exit(PyRuntime rt, Stack s, Args a) {
        return exitWith(rt, s, a.rest(), a);
    }

    /**
     * ExitStack.__exit__: callbacks popped last first, each given the exception details until one
     * returns true, which suppresses the exception (later ones then get None). Each popped tuple is
     * dropped at once; its callback when the next one is popped, or at the end.
     */
    private static PyObject exitWith(PyRuntime rt, Stack s, PyObject[] details, Args a) {
        Heap heap = rt.heap;
        boolean received = details.length > 0 && details[0] != PyRuntime.NONE;
        PyObject[] exc = details.clone();
        boolean suppressed = false;
        PyObject cb = null;
        try {
            while (!s.callbacks.isEmpty()) {
                PyTuple entry = s.callbacks.remove(s.callbacks.size() - 1);
                PyObject next = heap.newRef(entry.items[1]);
                heap.decref(entry);
                heap.xdecref(cb);
                cb = next;
                PyObject r;
                try {
                    r = rt.interp.callBorrowed(cb, exc, Kwargs.NONE);
                } catch (PyException e) {
                    e.discard(heap);
                    throw a.unsupported("an exception raised by an ExitStack callback (its traceback runs through contextlib.py)");
                }
                boolean truth;
                try {
                    truth = rt.ops.truthy(r);
                } finally {
                    heap.decref(r);
                }
                if (truth) {
                    suppressed = true;
                    exc = new PyObject[] {PyRuntime.NONE, PyRuntime.NONE, PyRuntime.NONE};
                }
            }
        } finally {
            heap.xdecref(cb);
        }
        return PyRuntime.bool(received && suppressed);
    }
}
