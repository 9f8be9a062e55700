package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.LimitExceeded;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The builtins module: functions and types installed by name, plus helpers the runtime shares. */
public final class Builtins {
    private static final Map<String, PyObject> BUILTINS = new HashMap<>();

    private Builtins() {}

    /** The builtin called {@code name}, or null. Builtins are static, so no reference is counted. */
    public static PyObject get(String name) {
        return BUILTINS.get(name);
    }

    /** The refusal of a builtin CPython 3.11 has and the simulator does not, or null for a name CPython lacks too. */
    public static RuntimeException refused(PyRuntime rt, String name) {
        return RefusedBuiltins.refusal(rt, name);
    }

    /** Calling a functools.partial. */
    public static PyObject callPartial(PyRuntime rt, dev.refgrade.runtime.objects.PyPartial p, PyObject[] args,
            dev.refgrade.runtime.objects.Kwargs kw) {
        return FunctoolsModule.call(rt, p, args, kw);
    }

    /** Every name the builtins module defines. */
    public static Set<String> names() {
        return Set.copyOf(BUILTINS.keySet());
    }

    public static void installTypes() {
        for (PyType t : List.of(PyType.INT, PyType.BOOL, PyType.FLOAT, PyType.STR, PyType.BYTES, PyType.BYTEARRAY, PyType.MEMORYVIEW, PyType.TUPLE, PyType.LIST,
                PyType.DICT, PyType.SET, PyType.FROZENSET, PyType.OBJECT, PyType.TYPE, PyType.RANGE, PyType.SLICE, PyType.COMPLEX)) {
            BUILTINS.put(t.name, t);
        }
        for (PyType t : PyExc.all()) BUILTINS.put(t.name, t);
        BUILTINS.put("EnvironmentError", PyExc.OS_ERROR);
        BUILTINS.put("IOError", PyExc.OS_ERROR);
        ExceptionTypes.install();
        FrameObjects.install();
        MappingProxyType.install();
        TypesModule.install();
        GenericAliases.install();
        BUILTINS.put("None", PyRuntime.NONE);
        BUILTINS.put("NotImplemented", PyRuntime.NOT_IMPLEMENTED);
        BUILTINS.put("Ellipsis", PyRuntime.ELLIPSIS);
        BUILTINS.put("__debug__", PyRuntime.TRUE); // python3 without -O
        Registry reg = new Registry("builtins", BUILTINS);
        Constructors.install(reg);
        ClassBuiltins.install(reg);
        Functions.install(reg);
        Introspection.install(reg);
        NumberFunctions.install(reg);
        TextFunctions.install(reg);
        ListMethods.install(reg);
        DictMethods.install(reg);
        DictViewMethods.install(reg);
        DictFromKeys.install(reg);
        RangeMethods.install(reg);
        StrMethods.install(reg);
        StrSearch.install(reg);
        StrTranslate.install(reg);
        SetMethods.install(reg);
        GeneratorMethods.install(reg);
        IterFunctions.install(reg);
        StrTextMethods.install(reg);
        NumberMethods.install(reg);
        IntBytes.install(reg);
        FloatHex.install(reg);
        BytesShape.install(reg);
        BytesCase.install(reg);
        BytesTypes.install(reg);
        BytesMethods.install(reg);
        ByteArrayMethods.install(reg);
        MemoryViewMethods.install(reg);
        SliceType.install(reg);
        ComplexType.install(reg);
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** The items of any iterable, each an owned reference (PySequence_Fast then copying out). */
    public static PyObject[] toArray(PyRuntime rt, PyObject iterable) {
        Heap heap = rt.heap;
        if (iterable instanceof PyList l) {
            rt.charge(l.size);
            PyObject[] out = new PyObject[l.size];
            for (int i = 0; i < l.size; i++) out[i] = heap.newRef(l.items[i]);
            return out;
        }
        if (iterable instanceof PyTuple t) {
            rt.charge(t.items.length);
            PyObject[] out = new PyObject[t.items.length];
            for (int i = 0; i < out.length; i++) out[i] = heap.newRef(t.items[i]);
            return out;
        }
        return drain(rt, rt.ops.iter(iterable));
    }

    /** The items an iterator gives until it stops, taking over (and releasing) the reference to it. */
    public static PyObject[] drain(PyRuntime rt, PyObject it) {
        Heap heap = rt.heap;
        List<PyObject> out = new ArrayList<>();
        try {
            for (PyObject x = rt.ops.next(it); x != null; x = rt.ops.next(it)) {
                out.add(x);
                rt.charge(1);
                if (out.size() > rt.limits.maxSequenceLength()) {
                    out.forEach(heap::decref);
                    throw new LimitExceeded("the program built a sequence longer than " + rt.limits.maxSequenceLength());
                }
            }
        } catch (RuntimeException e) {
            if (!(e instanceof LimitExceeded)) out.forEach(heap::decref);
            throw e;
        } finally {
            heap.decref(it);
        }
        return out.toArray(new PyObject[0]);
    }

    public static PyList listOf(PyRuntime rt, PyObject iterable) {
        PyObject[] items = toArray(rt, iterable);
        return rt.newList(items, items.length);
    }

    /** dict.update(other) for a dict: entries in order, values replaced under keys already there. */
    public static void dictUpdate(PyRuntime rt, PyDict d, PyDict other) {
        // dict_merge: each entry with the hash it has (no __hash__ again), holding a reference of its
        // own to the key and the value while insertdict compares (which an __eq__ of the program's sees).
        for (int i = other.nextEntry(0); i < other.entries; i = other.nextEntry(i + 1)) {
            PyObject key = other.keys[i], value = other.values[i];
            rt.heap.incref(key);
            rt.heap.incref(value);
            try {
                d.putKnownHash(rt, key, value, other.hashAt(i));
            } finally {
                rt.heap.decref(value);
                rt.heap.decref(key);
            }
        }
    }

    /** An attribute name argument (getattr and friends): a str, or CPython's TypeError. */
    static PyStr attrName(PyRuntime rt, PyObject name) {
        if (name instanceof PyStr s) return s;
        throw rt.typeError("attribute name must be string, not '" + name.type().name + "'");
    }
}
