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
    public static final PyType BYTEARRAY = builtin("bytearray", OBJECT);
    public static final PyType MEMORYVIEW = builtin("memoryview", OBJECT);
    public static final PyType MANAGED_BUFFER = builtin("managedbuffer", OBJECT);
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
    public static final PyType COMPLEX = builtin("complex", OBJECT);
    public static final PyType FUNCTION = builtin("function", OBJECT);
    public static final PyType BUILTIN_FUNCTION = builtin("builtin_function_or_method", OBJECT);
    public static final PyType METHOD = builtin("method", OBJECT);
    public static final PyType CELL = builtin("cell", OBJECT);
    public static final PyType CODE = builtin("code", OBJECT);
    public static final PyType MODULE = builtin("module", OBJECT);
    public static final PyType WEAKREF = builtin("weakref.ReferenceType", OBJECT);
    /** weakref.proxy's types: the same struct as a weak reference, forwarding every operation to the referent. */
    public static final PyType WEAKPROXY = builtin("weakref.ProxyType", OBJECT);
    public static final PyType CALLABLE_WEAKPROXY = builtin("weakref.CallableProxyType", OBJECT);
    public static final PyType PROPERTY = builtin("property", OBJECT);
    public static final PyType STATICMETHOD = builtin("staticmethod", OBJECT);
    public static final PyType CLASSMETHOD = builtin("classmethod", OBJECT);
    public static final PyType SUPER = builtin("super", OBJECT);
    public static final PyType ITERATOR = builtin("iterator", OBJECT);
    public static final PyType DICT_KEYS = builtin("dict_keys", OBJECT);
    public static final PyType DICT_VALUES = builtin("dict_values", OBJECT);
    public static final PyType DICT_ITEMS = builtin("dict_items", OBJECT);

    /** tp_name; a class's can be assigned (type_set_name). */
    public String name;
    final PyType base;
    public final boolean heapType;
    /** Made by {@link #newLibraryClass}. */
    private boolean libraryClass;
    /** __module__ of a library class whose tp_name is its bare name, as a class statement's is ("collections" for Counter); else null. */
    public String module;
    /** Builtin types' attributes: their methods and constants, installed by name. */
    public final Map<String, PyObject> builtinAttrs;
    /** A class's namespace. */
    public PyDict dict;
    PyTuple bases;
    public Constructor constructor;
    public List<PyType> mro;
    /**
     * tp_mro of a class: the tuple PyType_Ready makes, owned, with the class itself first, so every
     * class is in a reference cycle and only the collector frees it; null for builtins, and after
     * type_clear.
     */
    public PyTuple mroTuple;
    /** Whether the class holds a counted reference to tp_base (from {@link #ready} until it dies). */
    private boolean holdsBase;
    /** ht_qualname: the class statement's __qualname__, which type_new takes out of the namespace; owned; null for builtins. */
    public PyStr qualname;
    /**
     * The names its own `__slots__` gives members to (not `__dict__` or `__weakref__`); null for a
     * class that declares no `__slots__`.
     */
    public PyStr[] slots;
    /** Whether its own `__slots__` names `__dict__` or `__weakref__`. */
    public boolean slotsDict, slotsWeakref;
    /** The member slots of an instance, base class's first (see {@link #slotLayout}); computed once. */
    private PyStr[] slotLayout;
    /**
     * ob_type of a class a metaclass made (enum's EnumType, the one metaclass modelled); null for
     * type. The metaclass is static here, so the class holds no counted reference to it.
     */
    public PyType metatype;

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

    /** A class a Lib/*.py module defines with a class statement: tp_name is {@code name}, its repr names {@code module}. */
    public static PyType newLibraryClass(String module, String name, PyType base) {
        PyType t = newLibraryClass(name, base);
        t.module = module;
        return t;
    }

    /**
     * type_module of a type the simulator builds in: a library class's (Counter) is the module its
     * class statement runs in; a builtin type's is its tp_name before the last dot, else builtins.
     * A class's own is its dict's.
     */
    public String builtinModule() {
        if (module != null) return module;
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "builtins" : name.substring(0, dot);
    }

    /** Whether CPython defines this class in Python (a heap type there), though the simulator builds it in. */
    public boolean isLibraryClass() {
        return libraryClass;
    }

    /** PEP 683: CPython 3.12+ makes its static builtin types immortal; heap types stay mortal. */
    @Override
    public boolean immortal() {
        return !heapType && !libraryClass && super.immortal();
    }

    /**
     * PyType_Ready's type_ready_mro for a class just allocated: its MRO as a new tuple, and the
     * reference type_new_alloc takes to tp_base.
     */
    public void ready(PyRuntime rt) {
        mroTuple = rt.newTuple(rt.heap.newRefs(mro.toArray(new PyObject[0])));
        rt.heap.incref(base);
        holdsBase = true;
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
        mro.addAll(linearize(bases));
        t.mro = mro;
        return t;
    }

    public String name() {
        return name;
    }

    /**
     * mro_implementation's C3 merge of the bases' MROs and the bases themselves (without the new
     * class); null when no consistent order exists.
     */
    public static List<PyType> linearize(PyTuple bases) {
        return merge(bases, null);
    }

    /**
     * The classes set_mro_error names when the bases' MROs cannot be merged: the head of each
     * sequence left, once each, in order; empty when they can be merged.
     */
    public static List<PyType> mroConflict(PyTuple bases) {
        List<PyType> heads = new ArrayList<>();
        merge(bases, heads);
        return heads;
    }

    /** mro_implementation's C3 merge of the bases' MROs and the bases; null when it fails (then the heads go to conflict). */
    private static List<PyType> merge(PyTuple bases, List<PyType> conflict) {
        List<List<PyType>> seqs = new ArrayList<>();
        List<PyType> direct = new ArrayList<>();
        for (PyObject b : bases.items) {
            seqs.add(new ArrayList<>(((PyType) b).mro));
            direct.add((PyType) b);
        }
        if (direct.isEmpty()) return new ArrayList<>(List.of(OBJECT));
        seqs.add(direct);
        List<PyType> out = new ArrayList<>();
        while (seqs.stream().anyMatch(q -> !q.isEmpty())) {
            PyType next = null;
            for (List<PyType> q : seqs) {
                if (q.isEmpty()) continue;
                PyType head = q.get(0);
                if (seqs.stream().noneMatch(o -> o.indexOf(head) > 0)) {
                    next = head;
                    break;
                }
            }
            if (next == null) {
                if (conflict != null) for (List<PyType> q : seqs) if (!q.isEmpty() && !conflict.contains(q.get(0))) conflict.add(q.get(0));
                return null;
            }
            out.add(next);
            for (List<PyType> q : seqs) if (!q.isEmpty() && q.get(0) == next) q.remove(0);
        }
        return out;
    }

    /**
     * Whether the class dict holds all CPython's type_new puts there: true when every class on the
     * MRO but object is a class statement's without __slots__ (no member descriptors, no builtin
     * layout whose getsets would differ).
     */
    public boolean namespaceModelled() {
        for (PyType t : mro) if (t != OBJECT && (!t.heapType || t.slots != null)) return false;
        return true;
    }

    /**
     * type_new_descriptors and type_new_set_slots: a class without __slots__ gives its instances a
     * __dict__ when its base's have none, and a __weakref__ slot when its base's have none (and are
     * not variable-sized); each comes with a getset descriptor in the class dict, __dict__ first.
     */
    public List<String> addedGetsets() {
        if (!heapType || slots != null) return List.of();
        List<String> out = new ArrayList<>();
        if (!base.instancesHaveDict()) out.add("__dict__");
        if (!base.instancesWeakrefable()) out.add("__weakref__");
        return out;
    }

    /**
     * tp_dictoffset != 0: a class without __slots__, or whose __slots__ names __dict__, gives its
     * instances a dict; of the builtins, the exceptions have one.
     */
    public boolean instancesHaveDict() {
        // A library's Python class (ChainMap) is a heap type in CPython, built in here.
        if (heapType || libraryClass) return slots == null || slotsDict || base.instancesHaveDict();
        return isSubtypeOf(PyExc.BASE_EXCEPTION);
    }

    /**
     * An instance's member slots in the order type_new lays them out: each class's own __slots__
     * after those of the classes it derives from (a name declared again is a second member; the
     * most derived class's is the one attribute access finds).
     */
    public PyStr[] slotLayout() {
        if (slotLayout == null) {
            List<PyStr> all = new ArrayList<>();
            for (int i = mro.size() - 1; i >= 0; i--) if (mro.get(i).heapType && mro.get(i).slots != null) all.addAll(List.of(mro.get(i).slots));
            slotLayout = all.toArray(new PyStr[0]);
        }
        return slotLayout;
    }

    /**
     * solid_base with member slots: the class whose instance layout this one's extends, the nearest on the base
     * chain that adds member slots; two bases must not have unrelated ones.
     */
    public PyType layoutBase() {
        if (heapType && slots != null && slots.length > 0) return this;
        return base == null || !heapType ? this : base.layoutBase();
    }

    /**
     * may_add_weak's test: instances already have a weak reference list (a class without __slots__
     * gives one; of the builtins, sets do), or are variable-sized (int, str, bytes, tuple), where
     * type_new adds none.
     */
    public boolean instancesWeakrefable() {
        if (heapType || libraryClass) return slots == null || slotsWeakref || base.instancesWeakrefable();
        return isSubtypeOf(SET) || isSubtypeOf(FROZENSET) || isSubtypeOf(INT) || isSubtypeOf(STR) || isSubtypeOf(BYTES) || isSubtypeOf(TUPLE);
    }

    /**
     * Whether the class dict holds every descriptor CPython's type_new gives it: not so for a class
     * with named __slots__ on its MRO, whose member descriptors are not modelled.
     */
    public boolean layoutModelled() {
        for (PyType t : mro) if (t.heapType && t.slots != null && t.slots.length > 0) return false;
        return true;
    }

    public boolean isHeapType() {
        return heapType;
    }

    /** _PyType_Lookup: the attribute as found along the MRO, borrowed; null if none. */
    public PyObject lookup(PyRuntime rt, PyStr attr) {
        for (PyType t : mro) {
            PyObject found = t.own(rt, attr);
            if (found != null) return found;
        }
        return null;
    }

    /** The attribute in this type's own dict (not its bases'), borrowed; null if none. */
    public PyObject own(PyRuntime rt, PyStr attr) {
        return heapType ? dict.getBorrowed(rt, attr) : builtinAttrs.get(attr.value);
    }

    /** Whether {@code name} as the MRO first finds it is the program's own (a slot_tp_* slot), not a builtin's. */
    public boolean defines(PyRuntime rt, String name) {
        PyStr key = new PyStr(name);
        for (PyType s : mro) if (s.own(rt, key) != null) return s.heapType;
        return false;
    }

    /** __bases__: owned by a class; a builtin type's single base. */
    public PyTuple bases() {
        return bases;
    }

    public PyType base() {
        return base;
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
        return metatype != null ? metatype : TYPE;
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

    /** type_traverse: tp_dict, tp_mro, tp_bases, tp_base (ht_qualname is a str, which no cycle runs through). */
    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (dict != null) visit.accept(dict);
        if (mroTuple != null) visit.accept(mroTuple);
        if (bases != null) visit.accept(bases);
        if (holdsBase) visit.accept(base);
    }

    /** type_dealloc: tp_base, tp_dict, tp_bases, tp_mro, then ht_qualname. */
    @Override
    public void releaseReferences(Heap heap) {
        PyDict d = dict;
        PyTuple b = bases, m = mroTuple;
        PyStr q = qualname;
        boolean ownsBase = holdsBase;
        holdsBase = false;
        dict = null;
        bases = null;
        mroTuple = null;
        qualname = null;
        if (ownsBase) heap.decref(base);
        heap.xdecref(d);
        heap.xdecref(b);
        heap.xdecref(m);
        heap.xdecref(q);
    }

    /**
     * type_clear: the class dict is emptied but kept (objects caught in the same cycle may still
     * look attributes up through it), and tp_mro, the tuple holding the class itself, is cleared;
     * bases and qualname stay until the class dies.
     */
    @Override
    public void clearForCollector(Heap heap) {
        if (dict != null) dict.clearEntries(heap);
        PyTuple m = mroTuple;
        mroTuple = null;
        heap.xdecref(m);
    }

    @Override
    public String toString() {
        return "<class '" + name + "'>";
    }
}
