package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.objects.PyODict;
import dev.refgrade.runtime.Variation;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.PyDefaultDict;
import dev.refgrade.runtime.objects.PyDeque;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyBareObject;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyFloat;
import dev.refgrade.runtime.objects.PyFunction;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyRange;
import dev.refgrade.runtime.objects.PySet;
import dev.refgrade.runtime.objects.PySingleton;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.PyWeakRef;
import dev.refgrade.runtime.objects.Signature;
import dev.refgrade.runtime.protocol.Attributes;
import java.util.IdentityHashMap;
import java.util.Map;

/** copy.copy and copy.deepcopy, following Lib/copy.py's dispatch: atomics and immutables come back as they are. */
public final class CopyModule {
    private CopyModule() {}

    public static Map<String, PyObject> contents() {
        // Lib/copy.py's functions: Python's own wording for a bad call, by their plain names.
        Registry reg = Registry.module("copy");
        // Both are Python in CPython: what leaves them passed through Lib/copy.py's frames (PyBuiltin.call marks it).
        reg.function("copy", python("x", "copy"), (rt, a) -> copy(rt, a.get("x")));
        reg.function("deepcopy", python("x, memo=None, _nil=[]", "deepcopy"), CopyModule::deepcopy);
        return reg.contents();
    }

    private static Signature python(String text, String name) {
        return Signature.parse(text).as(Signature.Convention.PYTHON).named(name, name);
    }

    /** deepcopy(x, memo): the memo a dict of the program's or a new one; _nil is the module's private sentinel. */
    static PyObject deepcopy(PyRuntime rt, Args a) {
        if (a.given("_nil")) throw a.refuse("_nil");
        PyObject memo = a.get("memo");
        if (memo != null && memo != PyRuntime.NONE && memo.type() != PyType.DICT) {
            throw a.unsupported("copy.deepcopy() with a memo that is not a dict");
        }
        try (DeepCopy dc = new DeepCopy(rt, memo instanceof PyDict d ? d : null)) {
            return dc.copy(a.get("x"));
        }
    }

    /** The types copy.py's dispatch tables copy as themselves (_copy_immutable, _deepcopy_atomic). */
    static boolean atomic(PyObject o) {
        return o instanceof PyInt || o instanceof PyFloat || o instanceof PyStr || o instanceof PySingleton
                || o instanceof PyType || o instanceof PyFunction || o instanceof PyBuiltin || o instanceof PyRange
                || o instanceof PyWeakRef;
    }

    /** copy.copy, list.copy, dict.copy: a shallow copy (a deep one under Variation.COPIES_ARE_DEEP). */
    public static PyObject copy(PyRuntime rt, PyObject x) {
        if (!rt.varies(Variation.COPIES_ARE_DEEP)) return shallow(rt, x);
        try (DeepCopy dc = new DeepCopy(rt, null)) {
            return dc.copy(x);
        }
    }

    /**
     * For the variations that copy where CPython shares: a shallow copy of a mutable object (list,
     * dict, set, instance) in place of the owned reference, which is released; anything else as it is.
     */
    public static PyObject separate(PyRuntime rt, PyObject owned) {
        boolean mutable = owned instanceof PyList || owned instanceof PyDict || owned instanceof PySet s && !s.frozen
                || owned instanceof PyInstance;
        if (!mutable) return owned;
        try {
            return shallow(rt, owned);
        } finally {
            rt.heap.decref(owned);
        }
    }

    static PyObject shallow(PyRuntime rt, PyObject x) {
        // _copy_dispatch is keyed by the exact type: a namedtuple goes through __reduce_ex__ (refused).
        if (atomic(x) || x.type() == PyType.TUPLE || (x instanceof PySet s && s.frozen)) return rt.heap.newRef(x);
        return switch (x) {
            case PyList l -> Builtins.listOf(rt, l).allocatedExactly(); // list.copy is list_slice
            case PyDefaultDict d -> DefaultDictType.copy(rt, d); // defaultdict.__copy__
            case PyDict d when d.type() == PyType.DICT -> { // OrderedDict and Counter go through __reduce_ex__, refused
                PyDict out = rt.newDict().modelled(); // PyDict_Copy
                if (!d.cloneTableInto(out)) out.prepareMerge(d);
                Builtins.dictUpdate(rt, out, d);
                yield out;
            }
            case PySet s -> rt.ops.call(PyType.SET, s);
            case PyDeque d -> DequeType.copy(rt, d); // deque.__copy__
            case PyInstance inst when inst.cls.lookup(rt, "__copy__") instanceof PyObject copier ->
                // copy.copy: getattr(cls, "__copy__") (the plain function), called with x.
                rt.interp.callBorrowed(copier, new PyObject[] {inst}, dev.refgrade.runtime.objects.Kwargs.NONE);
            default -> Reconstruct.of(rt, x, "copy").shallow();
        };
    }
}
