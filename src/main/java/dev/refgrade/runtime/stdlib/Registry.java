package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.StaticObjects;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyFuncWrapper;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where every builtin function, type method and module function is declared: a named Java method
 * with CPython's text signature, installed by name. The signature binds the call (and words its
 * TypeErrors as CPython's parser does); an argument given and never read refuses the run.
 *
 * <pre>
 * reg.function("len", "obj, /", Functions::len);
 * reg.method(PyType.LIST, "index", "value, start=0, stop=sys.maxsize, /", ListMethods::index);
 * </pre>
 */
public final class Registry {
    /** A builtin function or module function: its bound arguments -> a new reference. */
    public interface Function {
        PyObject call(PyRuntime rt, Args a);
    }

    /** A method of a builtin type, given its receiver as the type's own class. */
    public interface Method<S extends PyObject> {
        PyObject call(PyRuntime rt, S self, Args a);
    }

    private final String module;
    private final Map<String, PyObject> names;

    Registry(String module, Map<String, PyObject> names) {
        this.module = module;
        this.names = names;
    }

    /** The declarations of module {@code name}, read back with {@link #contents}. */
    public static Registry module(String name) {
        return new Registry(name, new LinkedHashMap<>());
    }

    public Map<String, PyObject> contents() {
        return names;
    }

    /** A name of the module that is not a function (a type, a constant). */
    public void put(String name, PyObject value) {
        names.put(name, value);
    }

    public PyBuiltin function(String name, String signature, Function f) {
        return function(name, Signature.parse(signature), f);
    }

    public PyBuiltin function(String name, Signature sig, Function f) {
        // Builtins print their bare name ("id() takes ..."), module functions their module's ("sys.intern()").
        String qualname = module.equals("builtins") ? name : module + "." + name;
        PyBuiltin b = StaticObjects.place(new PyBuiltin(module, name, sig.named(qualname, name), (rt, self, a) -> f.call(rt, a), null));
        names.put(name, b);
        return b;
    }

    public <S extends PyObject> void method(PyType t, String name, String signature, Method<S> m) {
        method(t, name, Signature.parse(signature), m);
    }

    @SuppressWarnings("unchecked")
    public <S extends PyObject> void method(PyType t, String name, Signature sig, Method<S> m) {
        // A method's __qualname__ starts with its type's: a static type's is tp_name after its last dot ("deque.append").
        String owner = t.heapType ? t.name : t.name.substring(t.name.lastIndexOf('.') + 1);
        t.install(name, PyBuiltin.method(t, name, sig.named(owner + "." + name, name), (rt, self, a) -> m.call(rt, (S) self, a)));
    }

    /** A classmethod of builtin type {@code t} (dict.fromkeys): its code gets the class it was looked up through. */
    public void classMethod(PyType t, String name, Signature sig, Method<PyType> m) {
        String owner = t.heapType ? t.name : t.name.substring(t.name.lastIndexOf('.') + 1);
        t.install(name, PyBuiltin.classMethod(t, name, sig.named(owner + "." + name, name), (rt, self, a) -> m.call(rt, (PyType) self, a)));
    }

    /** A staticmethod of builtin type {@code t} (bytes.maketrans): type_add_method wraps the builtin in a staticmethod. */
    public void staticMethod(PyType t, String name, Signature sig, Function f) {
        String owner = t.heapType ? t.name : t.name.substring(t.name.lastIndexOf('.') + 1);
        PyBuiltin b = PyBuiltin.staticMethod(t, name, sig.named(owner + "." + name, name), (rt, self, a) -> f.call(rt, a));
        t.install(name, StaticObjects.place(new PyFuncWrapper(PyFuncWrapper.Kind.STATIC, b)));
    }

    /** What calling builtin type {@code t} does, with the signature of its tp_new. */
    public void constructor(PyType t, String signature, PyType.New make) {
        // tp_new parses with _PyArg_CheckPositional even for one argument: "reversed expected 1 argument, got 0".
        Signature sig = Signature.parse(signature);
        constructor(t, sig.convention() == Signature.Convention.O ? sig.as(Signature.Convention.POSITIONAL) : sig, make);
    }

    public void constructor(PyType t, Signature sig, PyType.New make) {
        // Argument errors name the type as its format string does, without the module: "deque() takes ...".
        String name = t.name.substring(t.name.lastIndexOf('.') + 1);
        t.constructor = new PyType.Constructor(sig.named(name, name), make);
    }
}
