package dev.refgrade.runtime.protocol;

import dev.refgrade.runtime.objects.PyTupleGetter;
import dev.refgrade.runtime.objects.PyCounter;
import dev.refgrade.runtime.objects.PyODict;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.stdlib.CPythonNames;
import dev.refgrade.runtime.objects.BuiltinGetter;
import dev.refgrade.runtime.objects.ExceptionMethods;
import dev.refgrade.runtime.objects.PyBaseExc;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyCell;
import dev.refgrade.runtime.objects.PyCode;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyFuncWrapper;
import dev.refgrade.runtime.objects.PyFunction;
import dev.refgrade.runtime.objects.PyGenericAlias;
import dev.refgrade.runtime.objects.PyLibFunction;
import dev.refgrade.runtime.objects.PyLruCache;
import dev.refgrade.runtime.objects.PySuper;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyMethod;
import dev.refgrade.runtime.objects.PyModule;
import dev.refgrade.runtime.objects.PyNamespace;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyProperty;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyType;
import java.util.Set;

/** Attribute access (PyObject_GenericGetAttr and friends) for instances, classes, modules and builtins. */
public final class Attributes {
    private Attributes() {}

    static PyObject get(PyRuntime rt, PyObject o, PyStr name) {
        Heap heap = rt.heap;
        if (WeakProxies.is(o)) return WeakProxies.on(rt, o, x -> get(rt, x, name)); // proxy_getattr
        String n = name.value;
        switch (o) {
            case PyInstance inst -> {
                return AttributeHooks.get(rt, inst, name);
            }
            case PyBaseExc x -> {
                return ExceptionMethods.getAttr(rt, x, name);
            }
            case PyType t -> {
                return TypeAttributes.get(rt, t, name);
            }
            case PySuper su -> {
                return SuperLookup.get(rt, su, name);
            }
            case PyFuncWrapper w -> {
                PyObject v = wrapperAttr(rt, w, n);
                if (v != null) return v;
            }
            case PyModule m -> {
                PyObject v = m.dict.getBorrowed(rt, name);
                if (v != null) return heap.newRef(v);
                if (CPythonNames.moduleHas(m.name, n)) throw CPythonNames.refusal(rt, "module '" + m.name + "'", n);
                throw rt.error(PyExc.ATTRIBUTE_ERROR, "module '" + m.name + "' has no attribute '" + n + "'");
            }
            case PyFunction f -> {
                PyObject v = FunctionAttributes.get(rt, f, name);
                if (v != null) return v;
            }
            case PyLruCache c -> {
                if (n.equals("__dict__") || n.equals("cache_parameters")) throw LruCacheAttributes.refuse(rt, n);
                PyObject v = c.dict == null ? null : c.dict.getBorrowed(rt, name);
                if (v != null) return heap.newRef(v);
            }
            case PyLibFunction f -> {
                switch (n) {
                    case "__name__" -> { return heap.newRef(f.name); }
                    case "__qualname__" -> { return heap.newRef(f.qualname); }
                    case "__module__" -> { return heap.newRef(f.module); }
                    case "__doc__" -> { return heap.newRef(f.doc == null ? PyRuntime.NONE : f.doc); }
                    case "__defaults__" -> { return heap.newRef(f.defaults == null ? PyRuntime.NONE : f.defaults); }
                    default -> { }
                }
            }
            case PyNamespace ns -> {
                if (n.equals("__dict__")) return heap.newRef(ns.dict);
                PyObject v = ns.dict.getBorrowed(rt, name);
                if (v != null) return heap.newRef(v);
            }
            case PyMethod m -> {
                if (n.equals("__self__")) return heap.newRef(m.self);
                if (n.equals("__func__")) return heap.newRef(m.func);
                return get(rt, m.func, name);
            }
            case PyCode c when CodeAttributes.get(rt, c, n) instanceof PyObject v -> {
                return v;
            }
            case PyCell c when n.equals("cell_contents") -> {
                if (c.contents == null) throw rt.error(PyExc.VALUE_ERROR, "Cell is empty");
                return heap.newRef(c.contents);
            }
            case PyBuiltin b when n.equals("__self__") -> {
                // meth_get__self__: a METH_STATIC function has none.
                return b.self == null || b.staticMethod ? PyRuntime.NONE : heap.newRef(b.self);
            }
            case PyBuiltin b when n.equals("__name__") -> {
                return rt.newStr(b.name);
            }
            case PyBuiltin b when n.equals("__module__") -> {
                // m_module: a module function's module name; a method of a type has none.
                return b.methodOf == null ? rt.newStr(b.module()) : PyRuntime.NONE;
            }
            case PyBuiltin b when n.equals("__qualname__") -> {
                String owner = b.classMethod && b.self instanceof PyType c ? PyBuiltin.qualifiedName(c)
                        : b.methodOf == null ? null : b.methodOf.name.substring(b.methodOf.name.lastIndexOf('.') + 1);
                return rt.newStr(owner == null ? b.name : owner + "." + b.name);
            }
            case PyGenericAlias g -> {
                switch (n) {
                    case "__origin__" -> { return heap.newRef(g.origin); }
                    case "__args__" -> { return heap.newRef(g.args); }
                    case "__parameters__" -> { return heap.newRef(PyRuntime.EMPTY_TUPLE); }
                    case "__class__" -> { return heap.newRef(g.type()); }
                    default -> throw CPythonNames.refusal(rt, "'types.GenericAlias' objects", n);
                }
            }
            default -> {}
        }
        if (n.equals("__class__")) return heap.newRef(o.type()); // object's __class__ getset
        PyObject v = o.type().lookup(rt, name);
        if (v instanceof PyBuiltin b && b.self == null) return heap.alloc(b.bind(heap.newRef(b.classMethod ? o.type() : o)));
        if (v instanceof BuiltinGetter g) return g.get(rt, o);
        // sm_descr_get: a builtin type's staticmethod (bytes.maketrans) gives its callable.
        if (v instanceof PyFuncWrapper w && w.kind == PyFuncWrapper.Kind.STATIC) return heap.newRef(w.callable);
        if (v != null && o.type().heapType) return Descriptors.get(rt, v, o, o.type()); // a namedtuple's functions and fields
        if (v != null) return heap.newRef(v);
        throw noAttribute(rt, o, n);
    }

    /** The AttributeError of a missing attribute, unless CPython's builtin type has it: then the refusal. */
    static RuntimeException noAttribute(PyRuntime rt, PyObject o, String n) {
        if (CPythonNames.has(o.type(), n)) return CPythonNames.refusal(rt, "'" + o.type().name + "' objects", n);
        return rt.error(PyExc.ATTRIBUTE_ERROR, "'" + o.type().name + "' object has no attribute '" + n + "'");
    }

    /**
     * Setting or deleting an attribute an object without a __dict__ does not have; from 3.13
     * _PyObject_GenericSetAttrWithDict says why it could not be set there either.
     */
    static RuntimeException noAttributeToSet(PyRuntime rt, PyObject o, String n) {
        if (!rt.rules.noDictSaysSo || CPythonNames.has(o.type(), n)) return noAttribute(rt, o, n);
        return rt.error(PyExc.ATTRIBUTE_ERROR, "'" + o.type().name + "' object has no attribute '" + n + "' and no __dict__ for setting new attributes");
    }

    /** PyObject_GenericGetAttr: data descriptors, then the instance's own attributes, then the rest. */
    static PyObject instanceAttr(PyRuntime rt, PyInstance inst, PyStr name) {
        Heap heap = rt.heap;
        String n = name.value;
        if (n.equals("__dict__")) {
            if (inst.attrs == null) throw noAttribute(rt, inst, n);
            return heap.newRef(materialize(rt, inst));
        }
        if (n.equals("__class__")) return heap.newRef(inst.cls);
        PyObject descr = inst.cls.lookup(rt, name);
        if (descr != null && Descriptors.isData(rt, descr)) return Descriptors.get(rt, descr, inst, inst.cls);
        // A member slot is a data descriptor of its class: it comes before the instance's dict.
        int slot = memberSlot(rt, inst.cls, name);
        if (slot >= 0) {
            PyObject v = inst.slotValues[slot];
            if (v == null) throw noAttribute(rt, inst, n);
            return heap.newRef(v);
        }
        if (inst.attrs != null) {
            PyObject v = inst.attrs.getBorrowed(rt, name);
            if (v != null) return heap.newRef(v);
        }
        if (descr != null) return Descriptors.get(rt, descr, inst, inst.cls);
        throw noAttribute(rt, inst, n);
    }

    /** staticmethod's and classmethod's members (__func__, __wrapped__), then their __dict__. */
    private static PyObject wrapperAttr(PyRuntime rt, PyFuncWrapper w, String n) {
        if (w.builtinDoc && (n.equals("__doc__") || n.equals("__dict__"))) {
            throw CPythonNames.refusal(rt, "a " + w.type().name + " of a builtin function (its C docstring)", n);
        }
        if (n.equals("__func__") || n.equals("__wrapped__")) return rt.heap.newRef(w.callable);
        if (n.equals("__dict__")) {
            if (w.dict == null) w.dict = rt.newDict();
            return rt.heap.newRef(w.dict);
        }
        PyObject v = w.dict == null ? null : w.dict.getBorrowed(rt, new PyStr(n));
        return v == null ? null : rt.heap.newRef(v);
    }

    /**
     * _PyObject_GetDictPtr on a 3.11 instance: the dict object comes into being when first asked for,
     * tracked when a value may be part of a cycle (make_dict_from_instance_attributes).
     */
    public static PyDict materialize(PyRuntime rt, PyInstance inst) {
        PyDict d = inst.attrs;
        if (d.inlineValues) {
            d.inlineValues = false;
            d.embeddedValues = rt.rules.embeddedInstanceValues;
            rt.heap.alloc(d);
            for (int i = d.nextEntry(0); i < d.entries; i = d.nextEntry(i + 1)) {
                d.maintainTracking(rt.heap, d.keys[i], d.values[i]);
            }
        }
        return d;
    }

    /** A class attribute found for an instance, bound as its descriptor says (function, builtin, property). */
    public static PyObject describe(PyRuntime rt, PyObject self, PyStr name, PyObject descr) {
        return Descriptors.get(rt, descr, self, self.type());
    }

    /**
     * Where in an instance of cls the member slot {@code name} finds lives, or -1: the member
     * descriptor _PyType_Lookup would meet first on the MRO, unless a class dict's entry of that
     * name comes before it (and so shadows it).
     */
    static int memberSlot(PyRuntime rt, PyType cls, PyStr name) {
        if (cls.slotLayout().length == 0) return -1;
        for (PyType t : cls.mro) {
            if (t.dict != null && t.dict.getBorrowed(rt, name) != null) return -1;
            if (!t.heapType || t.slots == null) continue;
            for (int i = 0; i < t.slots.length; i++) {
                if (t.slots[i].value.equals(name.value)) return t.slotLayout().length - t.slots.length + i;
            }
        }
        return -1;
    }

    static void set(PyRuntime rt, PyObject o, PyStr name, PyObject value) {
        PyStr n = internedName(rt, name);
        try {
            setInterned(rt, o, n, value);
        } finally {
            rt.heap.decref(n);
        }
    }

    /**
     * PyObject_SetAttr interns the name before it sets or deletes anything, so a dict the attribute
     * lands in is keyed by the interned str (in 3.11, for some one-character names, not the one chr() gives).
     */
    private static PyStr internedName(PyRuntime rt, PyStr name) {
        return name.interned ? rt.heap.newRef(name) : rt.intern(rt.heap.newRef(name));
    }

    private static void setInterned(PyRuntime rt, PyObject o, PyStr name, PyObject value) {
        if (WeakProxies.is(o)) {
            WeakProxies.on(rt, o, x -> { // proxy_setattr
                setInterned(rt, x, name, value);
                return null;
            });
            return;
        }
        if (o instanceof PyInstance inst && AttributeHooks.set(rt, inst, name, value)) return;
        genericSet(rt, o, name, value);
    }

    /** PyObject_GenericSetAttr and the other types' own setattro. */
    static void genericSet(PyRuntime rt, PyObject o, PyStr name, PyObject value) {
        switch (o) {
            case PyInstance inst when name.value.equals("__class__") || name.value.equals("__dict__") ->
                throw refusedStore(rt, "of an instance", name); // object_set_class, subtype_setdict
            case PyType t when t.heapType && (name.value.equals("__name__") || name.value.equals("__qualname__")) -> {
                // type_set_name, type_set_qualname: a str, kept by the class itself, not in its dict.
                if (!(value instanceof PyStr s)) {
                    throw rt.typeError("can only assign string to " + t.name + "." + name.value + ", not '" + value.type().name + "'");
                }
                if (name.value.equals("__name__")) {
                    if (s.value.indexOf('\0') >= 0) throw rt.error(PyExc.VALUE_ERROR, "type name must not contain null characters");
                    t.name = s.value;
                } else {
                    PyStr old = t.qualname;
                    t.qualname = rt.heap.newRef(s);
                    rt.heap.xdecref(old);
                }
            }
            case PyType t when t.heapType && (name.value.equals("__bases__") || name.value.equals("__class__")) ->
                throw refusedStore(rt, "of a class", name);
            case PyInstance inst -> {
                PyObject descr = inst.cls.lookup(rt, name);
                if (descr != null && Descriptors.isData(rt, descr)) {
                    Descriptors.set(rt, descr, inst, value);
                    return;
                }
                int slot = memberSlot(rt, inst.cls, name);
                if (slot >= 0) {
                    PyObject old = inst.slotValues[slot];
                    inst.slotValues[slot] = rt.heap.newRef(value);
                    rt.heap.xdecref(old);
                    return;
                }
                if (inst.attrs == null) throw noAttributeToSet(rt, inst, name.value);
                inst.attrs.putAttribute(rt, name, value);
            }
            case PyBaseExc x -> ExceptionMethods.setAttr(rt, x, name, value);
            case PyType t when t.heapType -> {
                if (t.metatype != null) dev.refgrade.runtime.stdlib.EnumModule.checkSet(rt, t, name);
                t.dict.put(rt, name, value);
            }
            case PyType t -> throw immutable(rt, t, name.value);
            case PyModule m -> {
                dev.refgrade.runtime.stdlib.SysModule.checkChange(rt, m, name.value);
                m.dict.put(rt, name, value);
            }
            case PyNamespace ns when !name.value.equals("__dict__") -> ns.dict.put(rt, name, value);
            case PyNamespace ns -> throw rt.error(PyExc.ATTRIBUTE_ERROR, "readonly attribute"); // PyMember_SetOne, READONLY
            case PyFunction f -> FunctionAttributes.set(rt, f, name, value);
            case PyLruCache c -> LruCacheAttributes.set(rt, c, name, value);
            case PyODict od -> throw CPythonNames.refusal(rt, "'collections.OrderedDict' objects (their __dict__)", name.value);
            case PyCounter c -> throw CPythonNames.refusal(rt, "'Counter' objects (their __dict__)", name.value);
            case PyLibFunction f -> throw CPythonNames.refusal(rt, "functools." + f.qualname.value + " (shared by every run here)", name.value);
            default -> {
                PyObject descr = o.type().lookup(rt, name);
                if (descr instanceof PyTupleGetter) throw rt.error(PyExc.ATTRIBUTE_ERROR, "can't set attribute"); // tuplegetter_descr_set
                if (descr instanceof BuiltinGetter g && g.writable()) {
                    g.set(rt, o, value);
                    return;
                }
                // PyMember_SetOne's complaint; a getset without a setter (getset_set) has its own.
                if (descr instanceof BuiltinGetter g) {
                    throw rt.error(PyExc.ATTRIBUTE_ERROR, g.member ? "readonly attribute"
                            : "attribute '" + name.value + "' of '" + o.type().name + "' objects is not writable");
                }
                if (descr != null) {
                    throw rt.error(PyExc.ATTRIBUTE_ERROR, "'" + o.type().name + "' object attribute '" + name.value + "' is read-only");
                }
                throw noAttributeToSet(rt, o, name.value);
            }
        }
    }

    /** An assignment to a special attribute whose setter (a class change, a new dict, a rename) is not modelled. */
    private static RuntimeException refusedStore(PyRuntime rt, String owner, PyStr name) {
        return rt.refusal("assigning " + name.value + " " + owner);
    }

    static void delete(PyRuntime rt, PyObject o, PyStr name) {
        PyStr n = internedName(rt, name);
        try {
            deleteInterned(rt, o, n);
        } finally {
            rt.heap.decref(n);
        }
    }

    private static void deleteInterned(PyRuntime rt, PyObject o, PyStr name) {
        if (WeakProxies.is(o)) {
            WeakProxies.on(rt, o, x -> { // proxy_setattr with a NULL value
                deleteInterned(rt, x, name);
                return null;
            });
            return;
        }
        if (o instanceof PyInstance inst && AttributeHooks.set(rt, inst, name, null)) return;
        genericDelete(rt, o, name);
    }

    static void genericDelete(PyRuntime rt, PyObject o, PyStr name) {
        switch (o) {
            case PyInstance inst -> {
                PyObject descr = inst.cls.lookup(rt, name);
                if (descr != null && Descriptors.isData(rt, descr)) {
                    Descriptors.set(rt, descr, inst, null);
                    return;
                }
                int slot = memberSlot(rt, inst.cls, name);
                if (slot >= 0 && inst.slotValues[slot] != null) {
                    PyObject old = inst.slotValues[slot];
                    inst.slotValues[slot] = null;
                    rt.heap.decref(old);
                    return;
                }
                if (inst.attrs == null) throw noAttributeToSet(rt, inst, name.value);
                int ix = inst.attrs.find(rt, name, rt.ops.hash(name));
                if (ix < 0) throw noAttribute(rt, inst, name.value);
                inst.attrs.removeEntry(rt.heap, ix);
            }
            case PyType t when t.heapType -> {
                if (t.metatype != null) dev.refgrade.runtime.stdlib.EnumModule.checkDelete(rt, t, name);
                int ix = t.dict.find(rt, name, rt.ops.hash(name));
                if (ix < 0) throw rt.error(PyExc.ATTRIBUTE_ERROR, "type object '" + t.name + "' has no attribute '" + name.value + "'");
                t.dict.removeEntry(rt.heap, ix);
            }
            case PyModule m -> {
                dev.refgrade.runtime.stdlib.SysModule.checkChange(rt, m, name.value);
                int ix = m.dict.find(rt, name, rt.ops.hash(name));
                if (ix < 0) throw rt.error(PyExc.ATTRIBUTE_ERROR, "module '" + m.name + "' has no attribute '" + name.value + "'");
                m.dict.removeEntry(rt.heap, ix);
            }
            case PyType t when !t.heapType -> throw immutable(rt, t, name.value);
            case PyNamespace ns when !name.value.equals("__dict__") -> {
                int ix = ns.dict.find(rt, name, rt.ops.hash(name));
                if (ix < 0) throw noAttribute(rt, ns, name.value);
                ns.dict.removeEntry(rt.heap, ix);
            }
            case PyFunction f -> FunctionAttributes.set(rt, f, name, null);
            case PyLruCache c -> LruCacheAttributes.set(rt, c, name, null);
            case PyODict od -> throw CPythonNames.refusal(rt, "'collections.OrderedDict' objects (their __dict__)", name.value);
            case PyCounter c -> throw CPythonNames.refusal(rt, "'Counter' objects (their __dict__)", name.value);
            case PyObject x when x.type().lookup(rt, name) instanceof BuiltinGetter g && g.writable() -> g.set(rt, x, null);
            case PyObject x when x.type().lookup(rt, name) instanceof PyTupleGetter -> throw rt.error(PyExc.ATTRIBUTE_ERROR, "can't delete attribute");
            default -> throw noAttributeToSet(rt, o, name.value);
        }
    }

    /** Classes that Lib/weakref.py and ctypes define in Python, which the simulator keeps static. */
    private static final Set<String> PYTHON_CLASSES = Set.of("WeakMethod", "KeyedRef", "c_long");

    /**
     * type_setattro refuses to change a static type, which all interpreters of the process share;
     * here every run shares them, so no run may leave anything on one. The classes CPython defines
     * in Python are mutable there but static here: changing one is refused, never silently shared.
     */
    private static RuntimeException immutable(PyRuntime rt, PyType t, String name) {
        if (PYTHON_CLASSES.contains(t.name)) {
            return rt.refusal("setting or deleting an attribute of " + t.name);
        }
        return rt.typeError("cannot set '" + name + "' attribute of immutable type '" + t.name + "'");
    }
}
