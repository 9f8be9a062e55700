package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.Unsupported;
import dev.refgrade.runtime.eval.Frame;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyModule;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.protocol.Attributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * locals(), vars() and dir() (Python/bltinmodule.c): locals() is the running frame's namespace, or
 * in a function the one snapshot dict PyFrame_FastToLocals refreshes at each call; dir(obj) is
 * type(obj).__dir__(obj) sorted (object.__dir__: the instance's __dict__ and every class's names
 * along the bases; type.__dir__: the classes' names; module.__dir__: the module dict's keys).
 * A builtin type CPython's listing does not cover is refused, never answered from a guess.
 */
public final class Introspection {
    private Introspection() {}

    static void install(Registry reg) {
        reg.function("locals", "", (rt, a) -> locals(rt));
        reg.function("dir", "arg=<unrepresentable>, /", Introspection::dir);
    }

    /** PyEval_GetLocals: a module or class body's namespace; a function's f_locals snapshot, refreshed. */
    static PyObject locals(PyRuntime rt) {
        Frame f = rt.interp.currentFrame();
        if (f.locals != null) return rt.heap.newRef(f.locals);
        // PEP 667 (3.13): an independent snapshot at each call.
        if (rt.rules.frameLocalsProxy) return FrameObjects.fastToLocals(rt, f, rt.newDict());
        if (f.snapshot == null) f.snapshot = rt.newDict();
        return rt.heap.newRef(FrameObjects.fastToLocals(rt, f, f.snapshot));
    }

    private static PyObject dir(PyRuntime rt, Args a) {
        PyObject arg = a.get("arg");
        if (arg == null) {
            // _dir_locals: the keys of locals(), sorted.
            PyObject locals = locals(rt);
            try {
                // dir() gives only names: the main namespace's are the program's and those it starts with.
                List<String> names = keys(rt, (PyDict) locals);
                if (((PyDict) locals).holdsInterpreterObjects) {
                    for (String n : PyDict.MAIN_STARTS_WITH) if (!names.contains(n)) names.add(n);
                }
                return sortedList(rt, names);
            } finally {
                rt.heap.decref(locals);
            }
        }
        // EnumType.__dir__ (Lib/enum.py) lists an enum class from its own names, on any version modelled.
        if (EnumModule.isEnumClass(arg)) return custom(rt, arg, EnumModule.metaMethod(rt, "__dir__"));
        // The listing of builtin types' and modules' names is CPython 3.11's (3.12 adds int.is_integer, ...).
        if (rt.rules.version != dev.refgrade.runtime.PythonVersion.V3_11) throw refuse(rt, "dir() of an object on Python " + rt.rules.version);
        PyObject custom = arg.type().lookup(rt, "__dir__");
        if (custom != null && arg.type().defines(rt, "__dir__")) return custom(rt, arg, custom);
        Set<String> names = new LinkedHashSet<>();
        switch (arg) {
            case PyModule m -> {
                Set<String> listed = CPythonNames.moduleNames(m.name);
                if (listed == null && !m.name.equals("__main__")) throw refuse(rt, "dir() of module '" + m.name + "'");
                if (listed != null) names.addAll(listed);
                names.addAll(keys(rt, m.dict));
            }
            case PyType t -> mergeClassDicts(rt, t, names);
            default -> {
                // object___dir___impl: obj.__dict__ (made if need be), then its class's names.
                PyObject d = rt.ops.getAttrOrNull(arg, rt.name("__dict__"));
                try {
                    if (d instanceof PyDict dict) names.addAll(keys(rt, dict));
                    else if (d != null) throw refuse(rt, "dir() of an object whose __dict__ is not a dict");
                } finally {
                    rt.heap.xdecref(d);
                }
                mergeClassDicts(rt, arg.type(), names);
            }
        }
        return sortedList(rt, new ArrayList<>(names));
    }

    /**
     * What dir() lists for an instance of the program's own classes, as 3.11 and 3.12 list it (3.13
     * adds only dunder names to class dicts): the instance's dict, then each class dict along the
     * MRO and object's names. Null when a class on the MRO is a builtin's or has __slots__.
     */
    public static List<String> programInstanceNames(PyRuntime rt, PyInstance obj) {
        Set<String> names = new LinkedHashSet<>();
        for (PyType s : obj.cls.mro) {
            if (s == PyType.OBJECT) names.addAll(CPythonNames.ownNames(s));
            else if (!s.heapType || !s.namespaceModelled()) return null;
            else names.addAll(keys(rt, s.dict));
        }
        if (obj.attrs != null) names.addAll(keys(rt, Attributes.materialize(rt, obj)));
        List<String> sorted = new ArrayList<>(names);
        java.util.Collections.sort(sorted);
        return sorted;
    }

    /** merge_class_dict: the names in each class dict along the bases (the MRO holds the same classes). */
    private static void mergeClassDicts(PyRuntime rt, PyType t, Set<String> names) {
        for (PyType s : t.mro) {
            if (s.heapType) {
                if (rt.rules.classStaticAttributes) throw refuse(rt, "dir() through a class on Python " + rt.rules.version
                        + " (__static_attributes__ and __firstlineno__ are not modelled)");
                if (!s.namespaceModelled()) throw refuse(rt, "dir() through class '" + s.name + "' (a class with __slots__ or a builtin base)");
                names.addAll(keys(rt, s.dict));
                continue;
            }
            Set<String> listed = CPythonNames.ownNames(s);
            if (listed == null) throw refuse(rt, "dir() through builtin type '" + s.name + "'");
            names.addAll(listed);
        }
    }

    /** A class's own __dir__: its result as a list, sorted. */
    private static PyObject custom(PyRuntime rt, PyObject arg, PyObject dirFunc) {
        PyObject result = rt.interp.callBorrowed(dirFunc, new PyObject[] {arg}, Kwargs.NONE);
        PyObject[] items;
        try {
            items = Builtins.toArray(rt, result);
        } finally {
            rt.heap.decref(result);
        }
        List<String> names = new ArrayList<>();
        for (PyObject o : items) {
            if (o instanceof PyStr s) names.add(s.value);
            rt.heap.decref(o);
        }
        if (names.size() != items.length) throw refuse(rt, "dir() of a __dir__ result that is not all strings");
        return sortedList(rt, names);
    }

    private static List<String> keys(PyRuntime rt, PyDict d) {
        List<String> out = new ArrayList<>();
        for (int i = d.nextEntry(0); i < d.entries; i = d.nextEntry(i + 1)) {
            if (!(d.keyAt(i) instanceof PyStr s)) throw refuse(rt, "dir() of a namespace with a key that is not a string");
            out.add(s.value);
        }
        return out;
    }

    /** PyList_Sort of str names: by code point, as str's comparison orders them. */
    private static PyList sortedList(PyRuntime rt, List<String> names) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort((x, y) -> {
            int[] a = x.codePoints().toArray(), b = y.codePoints().toArray();
            return java.util.Arrays.compare(a, b);
        });
        PyObject[] items = new PyObject[sorted.size()];
        for (int i = 0; i < items.length; i++) items[i] = rt.name(sorted.get(i));
        return rt.newList(items, items.length);
    }

    private static Unsupported refuse(PyRuntime rt, String what) {
        return rt.refusal(what);
    }
}
