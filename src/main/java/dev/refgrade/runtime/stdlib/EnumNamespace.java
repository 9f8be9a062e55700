package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.Frame;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.protocol.Repr;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Lib/enum.py's _EnumDict (3.11), the namespace EnumType.__prepare__ gives an enum's class body:
 * its __setitem__ (every STORE_NAME of the body) records member names in order, replaces auto()
 * with _generate_next_value_'s value and refuses a name used twice. What 3.11 does with the other
 * _sunder_ names (_ignore_, _order_, _missing_ ...) is not modelled and refused by name.
 */
final class EnumNamespace implements Frame.NamespaceStore {
    private final PyRuntime rt;
    final PyDict dict;
    private final String clsName;
    /** Whether Lib/enum.py's own classes are being made (Enum itself), whose sunder methods are the originals. */
    private final boolean bootstrap;
    /** _member_names: the member names in order. */
    final Set<String> memberNames = new LinkedHashSet<>();
    /** _last_values, owned. */
    private final List<PyObject> lastValues = new ArrayList<>();
    /** _generate_next_value, borrowed from the namespace that holds it. */
    private PyObject generateNext;
    private boolean autoCalled;
    /** _ignore: the names _ignore_ gave, which stay out of the members and out of the class. */
    final List<String> ignore = new ArrayList<>();

    EnumNamespace(PyRuntime rt, PyDict dict, String clsName, boolean bootstrap) {
        this.rt = rt;
        this.dict = dict;
        this.clsName = clsName;
        this.bootstrap = bootstrap;
    }

    /** __prepare__'s own store of the first enum base's _generate_next_value_, which a body may not override. */
    void inherit(PyStr key, PyObject value) {
        generateNext = value;
        dict.putOwned(rt, key, value);
    }

    @Override
    public void store(PyStr key, PyObject value) {
        // __order__ is stored as _order_.
        if (key.value.equals("__order__")) key = rt.name("_order_");
        try {
            value = setItem(key, value);
        } catch (dev.refgrade.runtime.objects.PyException e) {
            rt.heap.decref(value);
            throw EnumModule.raisedHere(rt, e);
        } catch (RuntimeException e) {
            rt.heap.decref(value);
            throw e;
        }
        dict.putOwned(rt, key, value);
    }

    /** __setitem__ up to its final dict store: the value to store, owned. */
    private PyObject setItem(PyStr key, PyObject value) {
        String k = key.value;
        if (internalClass(value)) {
            throw EnumBuild.refused(rt, "a class defined inside an enum class (3.11 warns with a DeprecationWarning that it will stop being a member)");
        }
        if (isPrivate(clsName, k)) return value;
        if (isSunder(k)) {
            if (!Set.of("_order_", "_generate_next_value_", "_numeric_repr_", "_missing_", "_ignore_", "_iter_member_",
                    "_iter_member_by_value_", "_iter_member_by_def_").contains(k)) {
                throw rt.error(PyExc.VALUE_ERROR, "_sunder_ names, such as " + Repr.repr(rt, key) + ", are reserved for future Enum use");
            }
            if (!bootstrap && !Set.of("_order_", "_generate_next_value_", "_missing_", "_ignore_").contains(k)) {
                throw EnumBuild.refused(rt, "defining " + k + " in an enum class (a Flag's)");
            }
            if (k.equals("_generate_next_value_")) {
                if (autoCalled) throw rt.typeError("_generate_next_value_ must be defined before members");
                // _gnv: a staticmethod's function (3.12's Enum defines it as one).
                generateNext = value instanceof dev.refgrade.runtime.objects.PyFuncWrapper w
                        && w.kind == dev.refgrade.runtime.objects.PyFuncWrapper.Kind.STATIC ? w.callable : value;
            } else if (k.equals("_ignore_")) {
                return ignore(value);
            }
            return value;
        }
        if (isDunder(k)) return value;
        if (memberNames.contains(k)) throw alreadyDefined(key);
        if (ignore.contains(k)) return value;
        if (EnumBuild.isDescriptor(rt, value)) return value;
        if (dict.getBorrowed(rt, key) != null) throw alreadyDefined(key);
        boolean nonAutoStore = true;
        PyObject auto = EnumModule.global(rt, "auto");
        if (value instanceof PyTuple t) {
            for (PyObject v : t.items) if (auto != null && v.type().isSubtypeOf((PyType) auto)) throw EnumBuild.refused(rt, "auto() inside a tuple value");
        }
        if (auto != null && value.type().isSubtypeOf((PyType) auto)) {
            nonAutoStore = false;
            PyObject v = value;
            PyObject given = rt.ops.getAttr(v, rt.name("value"));
            try {
                if (given == EnumModule.global(rt, "_auto_null")) {
                    PyObject copy = rt.newList(lastValues.stream().map(rt.heap::newRef).toArray(PyObject[]::new), lastValues.size());
                    PyObject start = rt.newInt(1), count = rt.newInt(memberNames.size()), made;
                    try {
                        made = rt.ops.call(generateNext, key, start, count, copy);
                    } finally {
                        rt.heap.decref(copy);
                        rt.heap.decref(start);
                        rt.heap.decref(count);
                    }
                    rt.ops.setAttr(v, rt.name("value"), made);
                    rt.heap.decref(made);
                    autoCalled = true;
                }
            } finally {
                rt.heap.decref(given);
            }
            value = rt.ops.getAttr(v, rt.name("value"));
            rt.heap.decref(v);
            lastValues.add(rt.heap.newRef(value));
        }
        memberNames.add(k);
        if (nonAutoStore) lastValues.add(rt.heap.newRef(value));
        return value;
    }

    /** _ignore_'s value: the names of a str split at commas and spaces, else list(value); the list is what is stored. */
    private PyObject ignore(PyObject value) {
        PyObject names;
        if (value instanceof PyStr s) {
            List<PyObject> split = new ArrayList<>();
            for (String n : s.value.replace(',', ' ').trim().split("\\s+")) if (!n.isEmpty()) split.add(rt.newStr(n));
            names = rt.newList(split.toArray(new PyObject[0]), split.size());
        } else {
            names = rt.ops.call(PyType.LIST, value);
        }
        rt.heap.decref(value);
        ignore.clear();
        for (PyObject n : Builtins.toArray(rt, names)) {
            if (!(n instanceof PyStr s)) {
                rt.heap.decref(names);
                throw EnumBuild.refused(rt, "an _ignore_ name that is not a str");
            }
            ignore.add(s.value);
            rt.heap.decref(n);
        }
        if (ignore.stream().anyMatch(memberNames::contains)) {
            rt.heap.decref(names);
            throw EnumBuild.refused(rt, "an _ignore_ naming members already set (its ValueError shows a set)");
        }
        return names;
    }

    /** The _EnumDict's own attributes go with it once the class is made. */
    void release() {
        Heap heap = rt.heap;
        for (PyObject v : lastValues) heap.decref(v);
        lastValues.clear();
    }

    boolean autoCalled() {
        return autoCalled;
    }

    private RuntimeException alreadyDefined(PyStr key) {
        return rt.typeError(Repr.repr(rt, key) + " already defined as " + Repr.repr(rt, dict.getBorrowed(rt, key)));
    }

    /** _is_internal_class: a class whose qualname says it was defined in this class body. */
    private boolean internalClass(PyObject value) {
        if (!(value instanceof PyType t) || !t.heapType) return false;
        String qualname = t.qualname != null ? t.qualname.value : t.name;
        String s = clsName + "." + t.name;
        return qualname.equals(s) || qualname.endsWith("." + s);
    }

    /** _is_private: a name mangled in this class body (_Cls__x), not a dunder. */
    static boolean isPrivate(String clsName, String name) {
        String pattern = "_" + clsName + "__";
        int n = pattern.length();
        return name.length() > n && name.startsWith(pattern) && (name.charAt(name.length() - 1) != '_' || name.charAt(name.length() - 2) != '_');
    }

    static boolean isSunder(String n) {
        return n.length() > 2 && n.charAt(0) == '_' && n.charAt(n.length() - 1) == '_' && n.charAt(1) != '_' && n.charAt(n.length() - 2) != '_';
    }

    static boolean isDunder(String n) {
        return n.length() > 4 && n.startsWith("__") && n.endsWith("__") && n.charAt(2) != '_' && n.charAt(n.length() - 3) != '_';
    }
}
