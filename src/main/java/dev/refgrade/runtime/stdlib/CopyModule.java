package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.Variation;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
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
        reg.function("copy", python("x", "copy"), (rt, a) -> copy(rt, a.get("x")));
        reg.function("deepcopy", python("x, memo=None, _nil=[]", "deepcopy"), CopyModule::deepcopy);
        return reg.contents();
    }

    private static Signature python(String text, String name) {
        return Signature.parse(text).as(Signature.Convention.PYTHON).named(name, name);
    }

    /** deepcopy(x); a memo dict passed in is not modelled, and _nil is the module's private sentinel. */
    static PyObject deepcopy(PyRuntime rt, Args a) {
        a.refuseUnlessNone("memo");
        if (a.given("_nil")) throw a.refuse("_nil");
        return deep(rt, a.get("x"), new IdentityHashMap<>());
    }

    private static boolean atomic(PyObject o) {
        return o instanceof PyInt || o instanceof PyFloat || o instanceof PyStr || o instanceof PySingleton
                || o instanceof PyType || o instanceof PyFunction || o instanceof PyBuiltin || o instanceof PyRange
                || o instanceof PyWeakRef || o instanceof PyBareObject;
    }

    /** copy.copy, list.copy, dict.copy: a shallow copy (a deep one under Variation.COPIES_ARE_DEEP). */
    public static PyObject copy(PyRuntime rt, PyObject x) {
        return rt.varies(Variation.COPIES_ARE_DEEP) ? deep(rt, x, new IdentityHashMap<>()) : shallow(rt, x);
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
        if (atomic(x) || x instanceof PyTuple || (x instanceof PySet s && s.frozen)) return rt.heap.newRef(x);
        return switch (x) {
            case PyList l -> Builtins.listOf(rt, l).allocatedExactly(); // list.copy is list_slice
            case PyDict d -> {
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
            case PyInstance inst -> reconstruct(rt, inst, null);
            default -> throw rt.typeError("cannot copy '" + x.type().name + "' object");
        };
    }

    /** copy._reconstruct: a new instance without __init__, then its __dict__ updated from the original's. */
    private static PyObject reconstruct(PyRuntime rt, PyInstance x, Map<PyObject, PyObject> memo) {
        rt.heap.incref(x.cls);
        PyInstance y = rt.heap.alloc(new PyInstance(x.cls));
        if (memo != null) memo.put(x, y);
        if (x.attrs != null && x.attrs.used > 0) {
            PyDict state = Attributes.materialize(rt, x);
            PyDict target = Attributes.materialize(rt, y);
            for (int i = state.nextEntry(0); i < state.entries; i = state.nextEntry(i + 1)) {
                PyObject v = memo == null ? rt.heap.newRef(state.values[i]) : deep(rt, state.values[i], memo);
                target.putOwned(rt, state.keys[i], v);
            }
        }
        return y;
    }

    public static PyObject deep(PyRuntime rt, PyObject x, Map<PyObject, PyObject> memo) {
        rt.charge(1);
        PyObject seen = memo.get(x);
        if (seen != null) return rt.heap.newRef(seen);
        if (atomic(x)) return rt.heap.newRef(x);
        if (x instanceof PyInstance inst && inst.cls.lookup(rt, "__deepcopy__") != null) {
            // It is called with deepcopy's memo dict, whose id-keyed entries are not modelled.
            var frame = rt.interp.currentFrame();
            throw new dev.refgrade.runtime.Unsupported("copy.deepcopy() of an object whose class defines __deepcopy__",
                    frame == null ? 0 : frame.line);
        }
        Heap heap = rt.heap;
        switch (x) {
            case PyList l -> {
                PyList y = rt.newList().allocatedExactly(); // _deepcopy_list: y = [], then y.append each
                memo.put(x, y);
                for (int i = 0; i < l.size; i++) y.appendOwned(deep(rt, l.items[i], memo));
                return y;
            }
            case PyTuple t -> {
                PyObject[] items = new PyObject[t.items.length];
                boolean same = true;
                for (int i = 0; i < items.length; i++) {
                    items[i] = deep(rt, t.items[i], memo);
                    same &= items[i] == t.items[i];
                }
                PyObject again = memo.get(x);
                if (same || again != null) {
                    for (PyObject o : items) heap.decref(o);
                    return heap.newRef(again != null ? again : x);
                }
                PyTuple y = rt.newTuple(items);
                memo.put(x, y);
                return y;
            }
            case PyDict d -> {
                PyDict y = rt.newDict().modelled(); // _deepcopy_dict: y = {}, then y[k] = v
                memo.put(x, y);
                for (int i = d.nextEntry(0); i < d.entries; i = d.nextEntry(i + 1)) {
                    PyObject k = deep(rt, d.keys[i], memo);
                    y.putOwned(rt, k, deep(rt, d.values[i], memo));
                    heap.decref(k);
                }
                return y;
            }
            case PySet s -> {
                PySet y = rt.newSet(s.frozen);
                memo.put(x, y);
                for (int i = s.nextSlot(0); i < s.table.length; i = s.nextSlot(i + 1)) {
                    PyObject k = deep(rt, s.table[i], memo);
                    y.add(rt, k);
                    heap.decref(k);
                }
                return y;
            }
            case PyInstance inst -> {
                return reconstruct(rt, inst, memo);
            }
            case PyDeque d -> throw new dev.refgrade.runtime.Unsupported("copy.deepcopy() of a deque (through its __reduce_ex__)",
                    rt.interp.currentFrame() == null ? 0 : rt.interp.currentFrame().line);
            default -> throw rt.typeError("cannot deepcopy '" + x.type().name + "' object");
        }
    }
}
