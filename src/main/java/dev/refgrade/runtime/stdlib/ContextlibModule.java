package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.Unsupported;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * contextlib's plain context managers: nullcontext, closing and suppress, each an instance that
 * holds one value as contextlib.py's classes hold it in their __dict__. The rest is refused by name.
 */
public final class ContextlibModule {
    static final PyType NULLCONTEXT = PyType.newBuiltin("contextlib.nullcontext", PyType.OBJECT);
    static final PyType CLOSING = PyType.newBuiltin("contextlib.closing", PyType.OBJECT);
    static final PyType SUPPRESS = PyType.newBuiltin("contextlib.suppress", PyType.OBJECT);

    /** An instance of one of the three classes and the value it keeps (enter_result, thing, exceptions). */
    static final class Manager extends PyObject {
        final PyType cls;
        PyObject value;

        Manager(PyType cls, PyObject value) {
            this.cls = cls;
            this.value = value;
        }

        @Override
        public PyType type() {
            return cls;
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
            if (value != null) visit.accept(value);
        }

        @Override
        public void releaseReferences(Heap heap) {
            PyObject v = value;
            value = null;
            heap.xdecref(v);
        }
    }

    static {
        NULLCONTEXT.constructor = (rt, t, args, kw) -> {
            noKeywords(rt, "nullcontext", kw);
            if (args.length > 1) throw rt.typeError("nullcontext.__init__() takes from 1 to 2 positional arguments but " + (args.length + 1) + " were given");
            return rt.heap.alloc(new Manager(t, rt.heap.newRef(args.length == 0 ? PyRuntime.NONE : args[0])));
        };
        CLOSING.constructor = (rt, t, args, kw) -> {
            noKeywords(rt, "closing", kw);
            if (args.length != 1) throw rt.typeError("closing.__init__() missing 1 required positional argument: 'thing'");
            return rt.heap.alloc(new Manager(t, rt.heap.newRef(args[0])));
        };
        SUPPRESS.constructor = (rt, t, args, kw) -> {
            noKeywords(rt, "suppress", kw);
            for (PyObject a : args) rt.heap.incref(a);
            return rt.heap.alloc(new Manager(t, rt.newTuple(args.clone())));
        };
        for (PyType t : List.of(NULLCONTEXT, CLOSING, SUPPRESS)) {
            t.install("__enter__", PyBuiltin.method(t, "__enter__", (rt, self, args, kw) ->
                    t == SUPPRESS ? PyRuntime.NONE : rt.heap.newRef(((Manager) self).value)));
        }
        NULLCONTEXT.install("__exit__", PyBuiltin.method(NULLCONTEXT, "__exit__", (rt, self, args, kw) -> PyRuntime.NONE));
        CLOSING.install("__exit__", PyBuiltin.method(CLOSING, "__exit__", (rt, self, args, kw) -> {
            PyObject thing = ((Manager) self).value;
            PyObject close = rt.ops.getAttr(thing, rt.name("close"));
            rt.heap.decref(rt.interp.callOwned(close, new PyObject[0], Kwargs.NONE));
            return PyRuntime.NONE;
        }));
        SUPPRESS.install("__exit__", PyBuiltin.method(SUPPRESS, "__exit__", (rt, self, args, kw) -> {
            Builtins.arity(rt, "__exit__", args, 3, 3);
            if (args[0] == PyRuntime.NONE) return PyRuntime.NONE;
            // issubclass(exctype, self._exceptions)
            for (PyObject e : ((PyTuple) ((Manager) self).value).items) {
                if (!(e instanceof PyType et)) throw rt.typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
                if (((PyType) args[0]).isSubtypeOf(et)) return PyRuntime.TRUE;
            }
            return PyRuntime.FALSE;
        }));
    }

    private ContextlibModule() {}

    private static void noKeywords(PyRuntime rt, String name, Kwargs kw) {
        if (!kw.isEmpty()) throw rt.typeError(name + "() got an unexpected keyword argument '" + kw.names().get(0).value + "'");
    }

    public static Map<String, PyObject> contents() {
        Map<String, PyObject> m = new LinkedHashMap<>();
        m.put("nullcontext", NULLCONTEXT);
        m.put("closing", CLOSING);
        m.put("suppress", SUPPRESS);
        for (String refused : List.of("contextmanager", "ExitStack", "AbstractContextManager", "ContextDecorator",
                "redirect_stdout", "redirect_stderr", "chdir", "asynccontextmanager", "AsyncExitStack", "aclosing")) {
            m.put(refused, PyBuiltin.of("contextlib", refused, (rt, self, args, kw) -> {
                int line = rt.interp.currentFrame() == null ? 0 : rt.interp.currentFrame().line;
                throw new Unsupported("contextlib." + refused, line);
            }));
        }
        return m;
    }
}
