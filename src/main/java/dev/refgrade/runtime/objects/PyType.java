package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.memory.StaticObjects;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A type. Builtin types are static and shared by every simulated interpreter, as CPython's static
 * types live in the executable; classes made by a `class` statement are heap objects with a dict.
 */
public final class PyType extends PyObject {
    /** How calling a builtin type makes its instance: its arguments bound to its signature -> new reference. */
    public interface New {
        PyObject make(PyRuntime rt, PyType type, Args a);
    }

    /** tp_new with its declared signature; like a builtin, it must read every argument it is given. */
    public record Constructor(Signature sig, New impl) {
        public PyObject construct(PyRuntime rt, PyType type, PyObject[] args, Kwargs kw) {
            return Args.call(rt, sig, args, kw, a -> impl.make(rt, type, a));
        }
    }

    public static final PyType OBJECT = builtin("object", null);
    public static final PyType TYPE = builtin("type", OBJECT);
    public static final PyType INT = builtin("int", OBJECT);
    public static final PyType BOOL = builtin("bool", INT);
    public static final PyType FLOAT = builtin("float", OBJECT);
    public static final PyType STR = builtin("str", OBJECT);
    public static final PyType BYTES = builtin("bytes", OBJECT);
    public static final PyType TUPLE = builtin("tuple", OBJECT);
    public static final PyType LIST = builtin("list", OBJECT);
    public static final PyType DICT = builtin("dict", OBJECT);
    public static final PyType SET = builtin("set", OBJECT);
    public static final PyType FROZENSET = builtin("frozenset", OBJECT);
    public static final PyType NONE = builtin("NoneType", OBJECT);
    public static final PyType NOT_IMPLEMENTED = builtin("NotImplementedType", OBJECT);
    public static final PyType ELLIPSIS = builtin("ellipsis", OBJECT);
    public static final PyType RANGE = builtin("range", OBJECT);
    public static final PyType SLICE = builtin("slice", OBJECT);
    public static final PyType FUNCTION = builtin("function", OBJECT);
    public static final PyType BUILTIN_FUNCTION = builtin("builtin_function_or_method", OBJECT);
    public static final PyType METHOD = builtin("method", OBJECT);
    public static final PyType CELL = builtin("cell", OBJECT);
    public static final PyType CODE = builtin("code", OBJECT);
    public static final PyType MODULE = builtin("module", OBJECT);
    public static final PyType WEAKREF = builtin("weakref.ReferenceType", OBJECT);
    public static final PyType PROPERTY = builtin("property", OBJECT);
    public static final PyType ITERATOR = builtin("iterator", OBJECT);
    public static final PyType DICT_KEYS = builtin("dict_keys", OBJECT);
    public static final PyType DICT_VALUES = builtin("dict_values", OBJECT);
    public static final PyType DICT_ITEMS = builtin("dict_items", OBJECT);

    public final String name;
    final PyType base;
    public final boolean heapType;
    /** Made by {@link #newLibraryClass}. */
    private boolean libraryClass;
    /** Builtin types' attributes: their methods and constants, installed by name. */
    public final Map<String, PyObject> builtinAttrs;
    /** A class's namespace. */
    public PyDict dict;
    PyTuple bases;
    public Constructor constructor;
    public List<PyType> mro;
    /** `__slots__` of a class that declares them; null when instances have a `__dict__`. */
    public PyStr[] slots;

    private PyType(String name, PyType base, boolean heapType) {
        this.name = name;
        this.base = base;
        this.heapType = heapType;
        this.builtinAttrs = heapType ? Map.of() : new HashMap<>();
        List<PyType> m = new ArrayList<>();
        m.add(this);
        if (base != null) m.addAll(base.mro);
        this.mro = m;
    }

    private static PyType builtin(String name, PyType base) {
        return StaticObjects.place(new PyType(name, base, false));
    }

    /** A builtin type that is not one of the core ones above (exception classes, module types). */
    public static PyType newBuiltin(String name, PyType base) {
        return builtin(name, base);
    }

    /**
     * A class the simulator builds in, which CPython defines in Python (Lib/*.py) or as a heap type
     * of an extension module (ctypes): shared between runs here, but a mortal object in CPython 3.12+.
     */
    public static PyType newLibraryClass(String name, PyType base) {
        PyType t = builtin(name, base);
        t.libraryClass = true;
        return t;
    }

    /** PEP 683: CPython 3.12+ makes its static builtin types immortal; heap types stay mortal. */
    @Override
    public boolean immortal() {
        return !heapType && !libraryClass && super.immortal();
    }

    /** The class a `class` statement makes; its dict and bases are owned references. */
    public static PyType newClass(String name, PyTuple bases, PyDict dict, PyStr[] slots) {
        PyType base = bases.size() > 0 ? (PyType) bases.get(0) : OBJECT;
        PyType t = new PyType(name, base, true);
        t.bases = bases;
        t.dict = dict;
        t.slots = slots;
        List<PyType> mro = new ArrayList<>();
        mro.add(t);
        for (PyObject b : bases.items) {
            for (PyType inherited : ((PyType) b).mro) if (!mro.contains(inherited)) mro.add(inherited);
        }
        if (!mro.contains(OBJECT)) mro.add(OBJECT);
        t.mro = mro;
        return t;
    }

    public String name() {
        return name;
    }

    public boolean isHeapType() {
        return heapType;
    }

    /** _PyType_Lookup: the attribute as found along the MRO, borrowed; null if none. */
    public PyObject lookup(PyRuntime rt, PyStr attr) {
        for (PyType t : mro) {
            PyObject found = t.heapType ? t.dict.getBorrowed(rt, attr) : t.builtinAttrs.get(attr.value);
            if (found != null) return found;
        }
        return null;
    }

    /** Lookup by a name the simulator itself asks for (dunder methods); nothing is allocated. */
    public PyObject lookup(PyRuntime rt, String attr) {
        return lookup(rt, new PyStr(attr));
    }

    public boolean isSubtypeOf(PyType other) {
        return mro.contains(other);
    }

    /** The builtin type whose layout instances of this type have (int for a subclass of int, ...). */
    public PyType solidBase() {
        for (PyType t : mro) if (!t.heapType) return t;
        return OBJECT;
    }

    public void install(String attr, PyObject value) {
        builtinAttrs.put(attr, value);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public boolean isGcType() {
        return heapType;
    }

    @Override
    public boolean refcountKnowable() {
        return false;
    }

    @Override
    public boolean weaklyReferenceable() {
        return true;
    }

    @Override
    public int allocSize() {
        return 16 + 880; // sizeof(PyHeapTypeObject) in 3.11
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (dict != null) visit.accept(dict);
        if (bases != null) visit.accept(bases);
    }

    @Override
    public void releaseReferences(Heap heap) {
        PyDict d = dict;
        PyTuple b = bases;
        dict = null;
        bases = null;
        heap.xdecref(d);
        heap.xdecref(b);
    }

    @Override
    public String toString() {
        return "<class '" + name + "'>";
    }
}
