package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.memory.StaticObjects;
import java.util.function.Consumer;

/**
 * A function written in C in CPython (builtin_function_or_method). Module-level ones are static;
 * `obj.method` of a builtin type makes a bound one holding {@code self}.
 */
public final class PyBuiltin extends PyObject {
    /** The code behind a builtin: its arguments bound to its signature and borrowed, the result a new reference. */
    public interface Impl {
        PyObject call(PyRuntime rt, PyObject self, Args a);
    }

    public final String name;
    public final Signature sig;
    final Impl impl;
    public final PyObject self;
    /** The module or type it belongs to, for its repr. */
    final String owner;
    /** For a method of a builtin type, that type: taken from the type unbound, it checks its first argument. */
    public final PyType methodOf;
    /** A classmethod_descriptor (dict.fromkeys): bound to the class it is looked up through, not to an instance. */
    public final boolean classMethod;
    /** A METH_STATIC method (bytes.maketrans): kept in a staticmethod, its m_self the type yet its __self__ None. */
    public final boolean staticMethod;

    /** A function of module {@code owner}, or one bound to {@code self} (which may be null). */
    public PyBuiltin(String owner, String name, Signature sig, Impl impl, PyObject self) {
        this(owner, name, sig, impl, self, null);
    }

    private PyBuiltin(String owner, String name, Signature sig, Impl impl, PyObject self, PyType methodOf) {
        this(owner, name, sig, impl, self, methodOf, false);
    }

    private PyBuiltin(String owner, String name, Signature sig, Impl impl, PyObject self, PyType methodOf, boolean classMethod) {
        this(owner, name, sig, impl, self, methodOf, classMethod, false);
    }

    private PyBuiltin(String owner, String name, Signature sig, Impl impl, PyObject self, PyType methodOf, boolean classMethod,
            boolean staticMethod) {
        this.classMethod = classMethod;
        this.staticMethod = staticMethod;
        this.owner = owner;
        this.name = name;
        this.sig = sig;
        this.impl = impl;
        this.self = self;
        this.methodOf = methodOf;
    }

    /** The module a module-level builtin belongs to (its __module__, m_module). */
    public String module() {
        return owner;
    }

    /** A method of builtin type {@code t} (a method_descriptor in CPython). */
    public static PyBuiltin method(PyType t, String name, Signature sig, Impl impl) {
        return StaticObjects.place(new PyBuiltin(t.name, name, sig, impl, null, t));
    }

    /** A classmethod of builtin type {@code t} (a classmethod_descriptor): its code gets the class as self. */
    public static PyBuiltin classMethod(PyType t, String name, Signature sig, Impl impl) {
        return StaticObjects.place(new PyBuiltin(t.name, name, sig, impl, null, t, true));
    }

    /** A static method of builtin type {@code t} (type_add_method with METH_STATIC): the builtin bound to the type. */
    public static PyBuiltin staticMethod(PyType t, String name, Signature sig, Impl impl) {
        return StaticObjects.place(new PyBuiltin(t.name, name, sig, impl, t, t, false, true));
    }

    public PyBuiltin bind(PyObject to) {
        // meth_get__qualname__: a classmethod bound to a subclass is named by it ("defaultdict.fromkeys"), and so
        // is a method of type bound to a class ("int.mro").
        Signature s = (classMethod || methodOf == PyType.TYPE) && to != methodOf && to instanceof PyType c
                ? sig.requalified(qualifiedName(c) + "." + name) : sig;
        return new PyBuiltin(owner, name, s, impl, to, methodOf, classMethod);
    }

    /** A type's __qualname__: a class statement's, or a builtin type's tp_name after its last dot. */
    public static String qualifiedName(PyType t) {
        return t.qualname != null ? t.qualname.value : t.name.substring(t.name.lastIndexOf('.') + 1);
    }

    /** Binds the arguments to the signature, runs the code, and refuses an argument it left unread. */
    public PyObject call(PyRuntime rt, PyObject self, PyObject[] args, Kwargs kw) {
        Signature.Convention c = sig.convention();
        if (c == Signature.Convention.PYTHON || c == Signature.Convention.PYTHON_METHOD) {
            // CPython runs this as the Python of a Lib/ file: an exception leaving its body (its arguments
            // bound, so its frame entered) passed through that file's lines, which a traceback prints.
            return Args.call(rt, sig, args, kw, a -> {
                try {
                    return impl.call(rt, self, a);
                } catch (PyException e) {
                    throw rt.interp.exc.throughLibrary(e, libraryCode());
                }
            });
        }
        return Args.call(rt, sig, args, kw, a -> impl.call(rt, self, a));
    }

    /** "Lib/string.py's capwords": where CPython keeps the Python of a PYTHON-convention builtin. */
    private String libraryCode() {
        String module = methodOf != null ? methodOf.builtinModule() : owner;
        // collections is a package: its classes live in its __init__.py.
        return "Lib/" + (module.equals("collections") ? "collections/__init__" : module) + ".py's "
                + (methodOf != null ? qualifiedName(methodOf) + "." : "") + name;
    }

    @Override
    public PyType type() {
        return PyType.BUILTIN_FUNCTION;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    /** A builtin function or method descriptor is an ordinary heap object in CPython, never immortal. */
    @Override
    public boolean immortal() {
        return false;
    }

    @Override
    public boolean refcountKnowable() {
        return self != null;
    }

    @Override
    public int allocSize() {
        return 16 + 56;
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (self != null) visit.accept(self);
    }

    @Override
    public void releaseReferences(Heap heap) {
        heap.xdecref(self);
    }

    /** meth_dealloc (builtin_function_or_method) uses the trashcan. */
    @Override
    public boolean usesTrashcan() {
        return true;
    }

    /** builtin_function_or_method has a weaklist slot (PyCFunctionObject.m_weakreflist); method_descriptor has none. */
    @Override
    public boolean weaklyReferenceable() {
        return methodOf == null || self != null;
    }
}
