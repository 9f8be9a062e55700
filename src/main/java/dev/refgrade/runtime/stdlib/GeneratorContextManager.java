package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.Unsupported;
import dev.refgrade.runtime.eval.Generators;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.BuiltinGetter;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyBaseExc;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyGenerator;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyTraceback;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;
import dev.refgrade.runtime.objects.Signature.Convention;
import java.util.function.Consumer;

/**
 * contextlib.contextmanager as Lib/contextlib.py (3.11) writes it: the decorator returns a helper
 * function; calling it makes a _GeneratorContextManager that holds the generator (and, until
 * __enter__ deletes them, the function and its arguments); __enter__ runs the generator to its
 * yield, __exit__ runs it on to its end or throws the with-block's exception in. Where contextlib's
 * own frames would show in a traceback (a generator that does not yield, does not stop, or raises
 * something else), the run is refused rather than shown without them.
 */
final class GeneratorContextManager {
    /** helper's type: a Python function's, as type(managed) shows it. */
    static final PyType HELPER = PyType.newBuiltin("function", PyType.OBJECT);
    static final PyType MANAGER = PyType.newLibraryClass("contextlib", "_GeneratorContextManager", PyType.OBJECT);

    private GeneratorContextManager() {}

    /** The function @contextmanager returns: it keeps the decorated function (in its closure and __wrapped__). */
    static final class Helper extends PyObject {
        PyObject func;

        Helper(PyObject func) {
            this.func = func;
        }

        @Override
        public PyType type() {
            return HELPER;
        }

        @Override
        public boolean isGcType() {
            return true;
        }

        /** As a Python function: GC header and PyFunctionObject. */
        @Override
        public int allocSize() {
            return 16 + 144;
        }

        @Override
        public void traverse(Consumer<PyObject> visit) {
            if (func != null) visit.accept(func);
        }

        @Override
        public void releaseReferences(Heap heap) {
            PyObject f = func;
            func = null;
            heap.xdecref(f);
        }
    }

    /** A _GeneratorContextManager instance: self.gen, and self.func/args/kwds until __enter__. */
    static final class Manager extends PyObject {
        PyObject gen, func, args, kwds;

        @Override
        public PyType type() {
            return MANAGER;
        }

        @Override
        public boolean isGcType() {
            return true;
        }

        /** As an instance of a Python class: GC header, managed-dict pre-header, object header, weaklist. */
        @Override
        public int allocSize() {
            return 16 + 16 + 16 + 8;
        }

        @Override
        public void traverse(Consumer<PyObject> visit) {
            for (PyObject o : new PyObject[] {gen, func, args, kwds}) if (o != null) visit.accept(o);
        }

        @Override
        public void releaseReferences(Heap heap) {
            PyObject[] held = {gen, func, args, kwds};
            gen = func = args = kwds = null;
            for (PyObject o : held) heap.xdecref(o);
        }
    }

    static void install(Registry reg) {
        reg.function("contextmanager", Signature.parse("func").as(Convention.PYTHON),
                (rt, a) -> rt.heap.alloc(new Helper(rt.heap.newRef(a.get("func")))));
        reg.method(HELPER, "__call__", "*args, **kwds", GeneratorContextManager::call);
        HELPER.install("__name__", new BuiltinGetter((rt, self) -> rt.ops.getAttr(((Helper) self).func, rt.name("__name__"))));
        HELPER.install("__qualname__", new BuiltinGetter((rt, self) -> rt.ops.getAttr(((Helper) self).func, rt.name("__qualname__"))));
        HELPER.install("__wrapped__", new BuiltinGetter((rt, self) -> rt.heap.newRef(((Helper) self).func)));
        reg.method(MANAGER, "__enter__", "", GeneratorContextManager::enter);
        reg.method(MANAGER, "__exit__", "typ, value, traceback", GeneratorContextManager::exit);
        reg.method(MANAGER, "__call__", "*args, **kwds", (PyRuntime rt, Manager self, Args a) -> {
            throw a.unsupported("a @contextmanager object used as a decorator (ContextDecorator)");
        });
    }

    /** helper(*args, **kwds): _GeneratorContextManager(func, args, kwds), whose __init__ calls func at once. */
    static PyObject call(PyRuntime rt, Helper h, Args a) {
        Heap heap = rt.heap;
        PyObject[] args = a.rest();
        Kwargs kw = a.extra();
        PyTuple argTuple = rt.newTuple(java.util.Arrays.stream(args).map(heap::newRef).toArray(PyObject[]::new));
        PyDict kwds = rt.newDict();
        for (int i = 0; i < kw.names().size(); i++) kwds.put(rt, kw.names().get(i), kw.values().get(i));
        Manager m = heap.alloc(new Manager());
        m.args = argTuple;
        m.kwds = kwds;
        try {
            m.gen = rt.interp.callBorrowed(h.func, args, kw);
        } catch (RuntimeException e) {
            heap.decref(m);
            throw e;
        }
        m.func = heap.newRef(h.func);
        return m;
    }

    /** __enter__: `del self.args, self.kwds, self.func`, then the generator runs to its first yield. */
    static PyObject enter(PyRuntime rt, Manager self, Args a) {
        Heap heap = rt.heap;
        if (self.func == null) throw rt.error(PyExc.ATTRIBUTE_ERROR, "args");
        PyObject args = self.args, kwds = self.kwds, func = self.func;
        self.args = null;
        heap.decref(args);
        self.kwds = null;
        heap.decref(kwds);
        self.func = null;
        heap.decref(func);
        PyGenerator g = generator(a, self);
        try {
            return Generators.send(rt, g, PyRuntime.NONE);
        } catch (PyException e) {
            e.discard(heap);
            throw through(a, e.matches(PyExc.STOP_ITERATION) ? "a @contextmanager generator that did not yield"
                    : "an exception raised by a @contextmanager generator before its yield");
        }
    }

    /**
     * __exit__: without an exception the generator must finish; with one, it is thrown in at the
     * yield, and the generator either swallows it (StopIteration: suppressed) or lets it out again,
     * which is reported as False after its traceback is put back as it was.
     */
    static PyObject exit(PyRuntime rt, Manager self, Args a) {
        Heap heap = rt.heap;
        PyObject typ = a.get("typ"), value = a.get("value"), tb = a.get("traceback");
        PyGenerator g = generator(a, self);
        if (typ == PyRuntime.NONE) {
            PyObject y;
            try {
                y = g.state == PyGenerator.State.CLEARED ? null : Generators.send(rt, g, PyRuntime.NONE);
            } catch (PyException e) {
                if (!e.matches(PyExc.STOP_ITERATION)) {
                    e.discard(heap);
                    throw through(a, "an exception raised by a @contextmanager generator after its yield");
                }
                e.discard(heap);
                return PyRuntime.FALSE;
            }
            if (y == null) return PyRuntime.FALSE;
            heap.decref(y);
            throw through(a, "a @contextmanager generator that did not stop");
        }
        if (!(value instanceof PyBaseExc v)) throw a.unsupported("__exit__ of a @contextmanager object without an exception instance");
        PyException thrown = new PyException(heap.newRef(v), tb instanceof PyTraceback t ? heap.newRef(t) : null);
        PyObject y;
        try {
            y = Generators.throwInto(rt, g, thrown);
        } catch (PyException e) {
            PyBaseExc exc = rt.interp.exc.caught(e);
            try {
                if (exc.cls.isSubtypeOf(PyExc.STOP_ITERATION)) return PyRuntime.bool(exc != v);
                if (exc == v) {
                    setTraceback(heap, exc, tb);
                    return PyRuntime.FALSE;
                }
                if (exc.cls.isSubtypeOf(PyExc.RUNTIME_ERROR) && v.cls.isSubtypeOf(PyExc.STOP_ITERATION) && exc.cause == v) {
                    setTraceback(heap, v, tb);
                    return PyRuntime.FALSE;
                }
            } finally {
                heap.decref(exc);
            }
            throw through(a, "an exception a @contextmanager generator raised instead of the one thrown in");
        }
        heap.decref(y);
        throw through(a, "a @contextmanager generator that did not stop after throw()");
    }

    /** `exc.__traceback__ = traceback`: the one the with-block's exception had when __exit__ was called. */
    private static void setTraceback(Heap heap, PyBaseExc exc, PyObject tb) {
        PyObject old = exc.traceback;
        exc.traceback = tb instanceof PyTraceback t ? heap.newRef(t) : null;
        heap.xdecref(old);
    }

    private static PyGenerator generator(Args a, Manager self) {
        if (self.gen instanceof PyGenerator g) return g;
        throw a.unsupported("@contextmanager on a function that does not return a generator");
    }

    /** What contextlib raises from its own frames, whose traceback entries the simulator does not make. */
    private static Unsupported through(Args a, String what) {
        return a.unsupported(what + " (its traceback runs through contextlib.py)");
    }
}
