package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * contextlib's plain context managers: nullcontext, closing and suppress, and contextmanager ({@link GeneratorContextManager}), each an instance that
 * holds one value as contextlib.py's classes hold it in their __dict__. The rest is refused by name.
 */
public final class ContextlibModule {
    static final PyType NULLCONTEXT = PyType.newLibraryClass("contextlib.nullcontext", PyType.OBJECT);
    static final PyType CLOSING = PyType.newLibraryClass("contextlib.closing", PyType.OBJECT);
    static final PyType SUPPRESS = PyType.newLibraryClass("contextlib.suppress", PyType.OBJECT);

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
        Registry reg = Registry.module("contextlib");
        reg.constructor(NULLCONTEXT, "enter_result=None", (rt, t, a) ->
                rt.heap.alloc(new Manager(t, rt.heap.newRef(a.or("enter_result", PyRuntime.NONE)))));
        reg.constructor(CLOSING, "thing", (rt, t, a) -> rt.heap.alloc(new Manager(t, rt.heap.newRef(a.get("thing")))));
        reg.constructor(SUPPRESS, "*exceptions", (rt, t, a) -> {
            PyObject[] exceptions = a.rest().clone();
            for (PyObject e : exceptions) rt.heap.incref(e);
            return rt.heap.alloc(new Manager(t, rt.newTuple(exceptions)));
        });
        for (PyType t : List.of(NULLCONTEXT, CLOSING, SUPPRESS)) {
            reg.method(t, "__enter__", "", (PyRuntime rt, Manager self, Args a) ->
                    t == SUPPRESS ? PyRuntime.NONE : rt.heap.newRef(self.value));
        }
        reg.method(NULLCONTEXT, "__exit__", "*excinfo", (PyRuntime rt, Manager self, Args a) -> PyRuntime.NONE);
        reg.method(CLOSING, "__exit__", "*exc_info", (PyRuntime rt, Manager self, Args a) -> {
            PyObject close = rt.ops.getAttr(self.value, rt.name("close"));
            rt.heap.decref(rt.interp.callOwned(close, new PyObject[0], Kwargs.NONE));
            return PyRuntime.NONE;
        });
        reg.method(SUPPRESS, "__exit__", "exctype, excinst, exctb", (PyRuntime rt, Manager self, Args a) -> {
            PyObject exctype = a.get("exctype");
            a.get("excinst");
            a.get("exctb");
            if (exctype == PyRuntime.NONE) return PyRuntime.NONE;
            // issubclass(exctype, self._exceptions)
            for (PyObject e : ((PyTuple) self.value).items) {
                if (!(e instanceof PyType et)) throw rt.typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
                if (((PyType) exctype).isSubtypeOf(et)) return PyRuntime.TRUE;
            }
            return PyRuntime.FALSE;
        });
    }

    private ContextlibModule() {}

    public static Map<String, PyObject> contents() {
        Registry reg = Registry.module("contextlib");
        reg.put("nullcontext", NULLCONTEXT);
        reg.put("closing", CLOSING);
        reg.put("suppress", SUPPRESS);
        GeneratorContextManager.install(reg);
        ExitStackType.install(reg);
        for (String refused : List.of("AbstractContextManager", "ContextDecorator",
                "redirect_stdout", "redirect_stderr", "chdir", "asynccontextmanager", "AsyncExitStack", "aclosing")) {
            reg.function(refused, "*args, **kwargs", (rt, a) -> {
                throw a.unsupported("contextlib." + refused);
            });
        }
        return reg.contents();
    }
}
