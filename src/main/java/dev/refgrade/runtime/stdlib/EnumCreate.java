package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.Frame;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import java.util.ArrayList;
import java.util.List;

/**
 * EnumType._create_ (Lib/enum.py, 3.11), the functional API Enum('Color', 'RED GREEN'): the names
 * stored one by one into a fresh _EnumDict (values from _generate_next_value_ when only names are
 * given), __module__ from the caller's globals, then EnumType.__new__ as for a class statement.
 */
final class EnumCreate {
    private EnumCreate() {}

    static PyObject create(PyRuntime rt, Args a) {
        Heap heap = rt.heap;
        PyObject cls = a.get("cls"), className = a.get("class_name"), names = a.get("names");
        if (a.get("type") != PyRuntime.NONE) throw a.refuse("type");
        if (a.get("boundary") != PyRuntime.NONE) throw a.refuse("boundary");
        if (!(className instanceof PyStr name)) throw EnumBuild.refused(rt, "an enum class name that is not a str");
        PyTuple bases = rt.newTuple(heap.newRef(cls));
        EnumNamespace ns;
        PyObject firstEnum;
        try {
            firstEnum = EnumBuild.mixins(rt, name.value, bases);
            ns = new EnumNamespace(rt, rt.newDict(), name.value, false);
            PyObject gnv = rt.ops.getAttrOrNull(firstEnum, rt.name("_generate_next_value_"));
            ns.inherit(rt.name("_generate_next_value_"), gnv == null ? heap.newRef(PyRuntime.NONE) : gnv);
        } catch (RuntimeException e) {
            heap.decref(bases);
            throw e;
        }
        try {
            for (PyObject[] item : items(rt, names, firstEnum, a.get("start"))) {
                try {
                    if (!(item[0] instanceof PyStr key)) throw EnumBuild.refused(rt, "an enum member name that is not a str");
                    ns.store(key, heap.newRef(item[1]));
                } finally {
                    heap.decref(item[0]);
                    heap.decref(item[1]);
                }
            }
            // sys._getframe(2): the frame that called EnumType.__call__.
            PyObject module = a.get("module");
            if (module == PyRuntime.NONE) {
                Frame caller = rt.interp.currentFrame().back;
                module = caller == null ? null : caller.globals.getBorrowed(rt, rt.name("__name__"));
                if (module == null) throw EnumBuild.refused(rt, "the functional API where the caller's module is unknown");
            }
            ns.store(rt.name("__module__"), heap.newRef(module));
            PyObject qualname = a.get("qualname");
            if (qualname != PyRuntime.NONE) ns.store(rt.name("__qualname__"), heap.newRef(qualname));
        } catch (RuntimeException e) {
            ns.release();
            heap.decref(ns.dict);
            heap.decref(bases);
            throw e;
        }
        ns.release();
        return EnumBuild.newEnum(rt, name, bases, ns, firstEnum);
    }

    /** The (name, value) pairs the names argument means, each a pair of new references. */
    private static List<PyObject[]> items(PyRuntime rt, PyObject names, PyObject firstEnum, PyObject start) {
        Heap heap = rt.heap;
        List<PyObject[]> out = new ArrayList<>();
        if (names == PyRuntime.NONE) return out; // 3.12: Enum('Empty', names=()) by way of names=None
        if (names instanceof PyStr s) {
            List<PyObject> split = new ArrayList<>();
            for (String n : s.value.replace(',', ' ').trim().split("\\s+")) if (!n.isEmpty()) split.add(rt.newStr(n));
            PyList list = rt.newList(split.toArray(new PyObject[0]), split.size());
            try {
                return items(rt, list, firstEnum, start);
            } finally {
                heap.decref(list);
            }
        }
        PyObject[] seq = names instanceof PyList l ? java.util.Arrays.copyOf(l.items, l.size())
                : names instanceof PyTuple t && t.type() == PyType.TUPLE ? t.items : null;
        if (seq != null && seq.length > 0 && seq[0] instanceof PyStr) {
            // Names only: each value from first_enum._generate_next_value_(name, start, count, last_values[:]).
            PyObject gnv = rt.ops.getAttr(firstEnum, rt.name("_generate_next_value_"));
            List<PyObject> last = new ArrayList<>();
            try {
                for (int count = 0; count < seq.length; count++) {
                    PyObject copy = rt.newList(last.stream().map(heap::newRef).toArray(PyObject[]::new), last.size());
                    PyObject n = rt.newInt(count), value;
                    try {
                        value = rt.ops.call(gnv, seq[count], start, n, copy);
                    } finally {
                        heap.decref(copy);
                        heap.decref(n);
                    }
                    last.add(value);
                    out.add(new PyObject[] {heap.newRef(seq[count]), heap.newRef(value)});
                }
            } finally {
                heap.decref(gnv);
                for (PyObject v : last) heap.decref(v);
            }
            return out;
        }
        if (names instanceof PyDict d && d.type() == PyType.DICT) {
            for (int i = d.nextEntry(0); i < d.entries; i = d.nextEntry(i + 1)) {
                out.add(new PyObject[] {heap.newRef(d.keyAt(i)), heap.newRef(d.valueAt(i))});
            }
            return out;
        }
        if (seq != null) {
            for (PyObject item : seq) {
                if (!(item instanceof PyTuple pair && pair.size() == 2)) throw EnumBuild.refused(rt, "an enum functional API item that is not a (name, value) tuple");
                out.add(new PyObject[] {heap.newRef(pair.get(0)), heap.newRef(pair.get(1))});
            }
            return out;
        }
        throw EnumBuild.refused(rt, "enum names given as a '" + names.type().name + "' object");
    }
}
