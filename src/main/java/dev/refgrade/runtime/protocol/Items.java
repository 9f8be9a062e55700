package dev.refgrade.runtime.protocol;

import dev.refgrade.runtime.stdlib.ArrayItems;
import dev.refgrade.runtime.objects.PyArray;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyCounter;
import dev.refgrade.runtime.stdlib.OrderedDictType;
import dev.refgrade.runtime.objects.PyODictIter;
import dev.refgrade.runtime.objects.PyODict;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.PyBuiltinIter;
import dev.refgrade.runtime.objects.PyDefaultDict;
import dev.refgrade.runtime.objects.PyDeque;
import dev.refgrade.runtime.objects.PyDequeIter;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.stdlib.DefaultDictType;
import dev.refgrade.runtime.stdlib.DequeType;
import dev.refgrade.runtime.objects.PyItertool;
import dev.refgrade.runtime.objects.PyDictView;
import dev.refgrade.runtime.eval.Generators;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyFloat;
import dev.refgrade.runtime.objects.PyGenerator;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyIter;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyByteArray;
import dev.refgrade.runtime.objects.PyBytes;
import dev.refgrade.runtime.objects.PyMemoryView;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyRange;
import dev.refgrade.runtime.objects.PySet;
import dev.refgrade.runtime.objects.PySlice;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.Unsupported;

/** Subscripts, membership and iteration of builtin containers and of classes that define them. */
final class Items {
    private Items() {}

    static PyObject getItem(PyRuntime rt, PyObject o, PyObject key) {
        // proxy_getitem is WRAP_BINARY: a proxy key is unwrapped too.
        if (WeakProxies.is(o)) return WeakProxies.on(rt, o, key, (x, k) -> getItem(rt, x, k));
        WeakProxies.checkKey(rt, o, key);
        Heap heap = rt.heap;
        switch (o) {
            case PyList l -> {
                if (key instanceof PySlice s) return Sequences.listSlice(rt, l, s);
                return heap.newRef(l.items[index(rt, key, l.size, "list")]);
            }
            case PyTuple t -> {
                if (key instanceof PySlice s) return Sequences.tupleSlice(rt, t, s);
                return heap.newRef(t.items[index(rt, key, t.items.length, "tuple")]);
            }
            case PyStr s -> {
                if (key instanceof PySlice sl) return Sequences.strSlice(rt, s, sl);
                int i = index(rt, key, s.length(), "string");
                if (s.length() != s.value.length()) rt.charge(i); // offsetByCodePoints walks the text
                return rt.newStr(Character.toString(s.codePointAt(i)));
            }
            case PyBytes b -> {
                return BytesOps.getItem(rt, b, b.value(), key);
            }
            case PyByteArray b -> {
                return BytesOps.getItem(rt, b, b.bytes(), key);
            }
            case PyMemoryView m -> {
                return MemoryViews.getItem(rt, m, key);
            }
            case PyRange r -> {
                if (key instanceof PySlice s) { // range_subscript's compute_slice: the items at the slice's indices, as a range
                    long[] ix = s.indices(rt, r.length());
                    return heap.alloc(new PyRange(rt.newInt(r.start + ix[0] * r.step),
                            rt.newInt(r.start + ix[1] * r.step), rt.newInt(r.step * ix[2])));
                }
                long i = index(rt, key, r.length(), "range object");
                return rt.newInt(r.start + i * r.step);
            }
            case PyDict d -> {
                PyObject v = d.getBorrowed(rt, key);
                if (v != null) return heap.newRef(v);
                // dict_subscript: a subclass's __missing__ answers for a key the dict lacks.
                if (d instanceof PyDefaultDict dd) return DefaultDictType.missing(rt, dd, key);
                if (d.type().lookup(rt, "__missing__") instanceof PyBuiltin missing) {
                    return rt.interp.callBuiltin(missing, d, new PyObject[] {key}, Kwargs.NONE);
                }
                throw rt.keyError(key);
            }
            case dev.refgrade.runtime.objects.PyMappingProxy p -> {
                return getItem(rt, p.mapping, key);
            }
            case PyType t when t.metatype != null -> {
                return dev.refgrade.runtime.stdlib.EnumModule.slot(rt, t, "__getitem__", key);
            }
            case PyType t -> {
                return dev.refgrade.runtime.stdlib.GenericAliases.subscript(rt, t, key);
            }
            case PyDeque d -> {
                return heap.newRef(d.items.get(DequeType.index(rt, d, key)));
            }
            case PyArray a -> {
                if (key instanceof PySlice s) return dev.refgrade.runtime.stdlib.ArraySlices.get(rt, a, s);
                return ArrayItems.get(rt, a, ArrayItems.index(rt, a, key, "array index out of range"));
            }
            case PyInstance inst -> {
                PyObject r = rt.ops.callDunder(inst, "__getitem__", key);
                if (r != null) return r;
            }
            default -> {}
        }
        throw rt.typeError("'" + o.type().name + "' object is not subscriptable");
    }

    /**
     * PyObject_GetIter's PyIter_Check of what __iter__ returned: a class's instance needs __next__,
     * and the builtin containers and scalars are no iterators. The builtin iterators pass.
     */
    private static PyObject checkedIterator(PyRuntime rt, PyObject r) {
        boolean iterator = r instanceof PyInstance i ? i.cls.lookup(rt, "__next__") != null
                : !(r instanceof PyList || r instanceof PyTuple || r instanceof PyStr || r instanceof PyDict || r instanceof PySet
                        || r instanceof PyInt || r instanceof PyFloat || r instanceof PyRange || r instanceof PyBytes
                        || r == PyRuntime.NONE);
        if (iterator) return r;
        rt.heap.decref(r);
        throw rt.typeError("iter() returned non-iterator of type '" + r.type().name + "'");
    }

    /** An index into a sequence of n items, negative ones counted from the end. */
    static int index(PyRuntime rt, PyObject key, long n, String what) {
        long i;
        // unicode_subscript words its complaint on its own.
        if (what.equals("string") && !(key instanceof PyInt) && !(key instanceof PyInstance)) {
            throw rt.typeError("string indices must be integers, not '" + key.type().name + "'");
        }
        if (Arith.hasIndex(rt, key)) {
            i = Arith.toIndex(rt, key);
        } else {
            // list_ass_subscript words a bad index as list_subscript does; only the range error says "assignment".
            throw rt.typeError(what.replace(" assignment", "") + " indices must be integers or slices, not " + key.type().name);
        }
        if (i < 0) i += n;
        if (i < 0 || i >= n) throw rt.error(PyExc.INDEX_ERROR, what + " index out of range");
        return (int) i;
    }

    static void setItem(PyRuntime rt, PyObject o, PyObject key, PyObject value) {
        if (WeakProxies.is(o)) {
            WeakProxies.on(rt, o, x -> { // proxy_setitem: only the proxy is unwrapped
                setItem(rt, x, key, value);
                return null;
            });
            return;
        }
        WeakProxies.checkKey(rt, o, key);
        switch (o) {
            case PyList l -> {
                if (key instanceof PySlice s) {
                    Sequences.assignSlice(rt, l, s, value);
                    return;
                }
                int i = index(rt, key, l.size, "list assignment");
                PyObject old = l.items[i];
                rt.heap.incref(value);
                l.items[i] = value;
                rt.heap.decref(old);
            }
            case PyODict od -> od.setItem(rt, key, value, rt.ops.keyHash(key)); // odict_mp_ass_sub
            case PyDict d -> d.put(rt, key, value);
            case PyArray a when key instanceof PySlice s -> dev.refgrade.runtime.stdlib.ArraySlices.assign(rt, a, s, value);
            case PyArray a -> ArrayItems.set(rt, a, ArrayItems.index(rt, a, key, "array assignment index out of range"), value);
            case PyDeque d -> {
                // deque_ass_item: the new value in, then the old one released; the state does not move.
                int i = DequeType.index(rt, d, key);
                rt.heap.incref(value);
                rt.heap.decref(d.items.set(i, value));
            }
            case PyByteArray b -> BytesOps.setItem(rt, b, key, value);
            case PyMemoryView m -> MemoryViews.setItem(rt, m, key, value);
            case PyInstance inst when rt.ops.callDunder(inst, "__setitem__", key, value) instanceof PyObject r ->
                    rt.heap.decref(r);
            default -> throw rt.typeError("'" + o.type().name + "' object does not support item assignment");
        }
    }

    static void delItem(PyRuntime rt, PyObject o, PyObject key) {
        if (WeakProxies.is(o)) {
            WeakProxies.on(rt, o, x -> { // proxy_setitem with a NULL value
                delItem(rt, x, key);
                return null;
            });
            return;
        }
        WeakProxies.checkKey(rt, o, key);
        switch (o) {
            case PyList l -> {
                if (key instanceof PySlice s) {
                    Sequences.deleteSlice(rt, l, s);
                    return;
                }
                int i = index(rt, key, l.size, "list assignment");
                rt.heap.decref(l.deleteAt(i));
            }
            case PyODict od -> {
                if (!od.delItem(rt, key, rt.ops.keyHash(key))) throw rt.keyError(key);
            }
            case PyDict d -> {
                int ix = d.find(rt, key, rt.ops.keyHash(key));
                if (ix < 0 && d instanceof PyCounter) return; // Counter.__delitem__: only `if elem in self`
                if (ix < 0) throw rt.keyError(key);
                d.removeEntry(rt.heap, ix);
            }
            case PyDeque d -> DequeType.delItem(rt, d, DequeType.index(rt, d, key));
            case PyArray a when key instanceof PySlice s -> dev.refgrade.runtime.stdlib.ArraySlices.assign(rt, a, s, null);
            case PyArray a -> ArrayItems.delete(a, ArrayItems.index(rt, a, key, "array assignment index out of range"));
            case PyByteArray b -> BytesOps.setItem(rt, b, key, null);
            case PyMemoryView m -> MemoryViews.setItem(rt, m, key, null);
            case PyInstance inst when rt.ops.callDunder(inst, "__delitem__", key) instanceof PyObject r -> rt.heap.decref(r);
            default -> throw rt.typeError("'" + o.type().name + "' object doesn't support item deletion");
        }
    }

    static boolean contains(PyRuntime rt, PyObject c, PyObject item) {
        if (WeakProxies.is(c)) return WeakProxies.on(rt, c, x -> contains(rt, x, item)); // proxy_contains
        switch (c) {
            case dev.refgrade.runtime.objects.PyMappingProxy p -> {
                return contains(rt, p.mapping, item);
            }
            case PyList l -> {
                for (int i = 0; i < l.size; i++) {
                    rt.charge(1);
                    if (rt.ops.eq(l.items[i], item)) return true;
                }
                return false;
            }
            case PyTuple t -> {
                for (PyObject x : t.items) {
                    rt.charge(1);
                    if (rt.ops.eq(x, item)) return true;
                }
                return false;
            }
            case PyStr s -> {
                if (!(item instanceof PyStr sub)) {
                    throw rt.typeError("'in <string>' requires string as left operand, not " + item.type().name);
                }
                return Substrings.indexOf(rt, s.value, sub.value, 0) >= 0;
            }
            case PyDict d -> {
                return d.find(rt, item, rt.ops.keyHash(item)) >= 0;
            }
            case PyBytes b -> {
                return BytesOps.contains(rt, b.value(), item);
            }
            case PyByteArray b -> {
                return BytesOps.contains(rt, b.bytes(), item);
            }
            case PySet s -> {
                return s.contains(rt, item);
            }
            case PyDeque d -> {
                return DequeType.contains(rt, d, item);
            }
            case PyArray a -> {
                return ArrayItems.contains(rt, a, item);
            }
            case PyDictView v when v.type.isSubtypeOf(PyType.DICT_KEYS) -> {
                return v.dict.find(rt, item, rt.ops.keyHash(item)) >= 0;
            }
            case PyDictView v when v.type.isSubtypeOf(PyType.DICT_ITEMS) -> {
                // dictitems_contains: only a pair can be in it; its key is looked up (so hashed), then its value compared.
                if (!(item instanceof PyTuple t) || t.items.length != 2) return false;
                PyObject found = v.dict.getBorrowed(rt, t.items[0]);
                if (found == null) return false;
                rt.heap.incref(found);
                try {
                    return rt.ops.eq(found, t.items[1]);
                } finally {
                    rt.heap.decref(found);
                }
            }
            case PyRange r when item instanceof PyInt i -> {
                return r.indexOf(i) >= 0;
            }
            case PyType t when t.metatype != null -> {
                PyObject r = dev.refgrade.runtime.stdlib.EnumModule.slot(rt, t, "__contains__", item);
                boolean in = rt.ops.truthy(r);
                rt.heap.decref(r);
                return in;
            }
            case PyInstance inst when inst.cls.lookup(rt, "__contains__") != null -> {
                PyObject r = rt.ops.callDunder(inst, "__contains__", item);
                boolean t = rt.ops.truthy(r);
                rt.heap.decref(r);
                return t;
            }
            default -> {}
        }
        return iterSearch(rt, c, item, Search.CONTAINS) > 0;
    }

    /** _PySequence_IterSearch's operations. */
    enum Search { COUNT, INDEX, CONTAINS }

    /**
     * _PySequence_IterSearch: walks {@code c}'s iterator comparing each item == {@code item} (identity
     * first): how many are equal (COUNT), the position of the first (INDEX, else ValueError), or 1 when
     * one is (CONTAINS).
     */
    static long iterSearch(PyRuntime rt, PyObject c, PyObject item, Search op) {
        PyObject it;
        try {
            it = iter(rt, c);
        } catch (PyException e) {
            // A TypeError out of PyObject_GetIter is reworded; 3.14 words `in`'s anew.
            if (!e.matches(PyExc.TYPE_ERROR)) throw e;
            e.discard(rt.heap);
            throw rt.typeError("argument of type '" + c.type().name + "' is not "
                    + (op == Search.CONTAINS && rt.rules.containerWording ? "a container or iterable" : "iterable"));
        }
        try {
            long n = 0;
            for (PyObject x = next(rt, it); x != null; x = next(rt, it)) {
                boolean found = rt.ops.eq(x, item);
                rt.heap.decref(x);
                if (found && op != Search.COUNT) return op == Search.INDEX ? n : 1;
                if (found || op == Search.INDEX) n++;
            }
            if (op == Search.INDEX) throw rt.error(PyExc.VALUE_ERROR, "sequence.index(x): x not in sequence");
            return op == Search.COUNT ? n : 0;
        } finally {
            rt.heap.decref(it);
        }
    }

    static PyObject iter(PyRuntime rt, PyObject o) {
        Heap heap = rt.heap;
        // proxy_iter: the referent's iterator (the referent itself when it is one), not the proxy.
        if (WeakProxies.is(o)) return WeakProxies.on(rt, o, x -> iter(rt, x));
        // odict_iter and the odict views' tp_iter: the linked list, not the dict's entries.
        if (o instanceof PyODict od) return PyODictIter.create(rt, od, PyODictIter.Kind.KEYS, false);
        if (o instanceof PyDictView v && v.dict instanceof PyODict) return OrderedDictType.iter(rt, v, false);
        PyIter.Kind kind = switch (o) {
            case PyList l -> PyIter.Kind.LIST;
            case PyTuple t -> PyIter.Kind.TUPLE;
            case PyStr s -> PyIter.Kind.STR;
            case PyBytes b -> PyIter.Kind.BYTES;
            case PyByteArray b -> PyIter.Kind.BYTEARRAY;
            case PyMemoryView m -> {
                MemoryViews.live(rt, m); // memory_iter: CHECK_RELEASED
                yield PyIter.Kind.MEMORY;
            }
            case PyRange r -> PyIter.Kind.RANGE;
            case PyDict d -> PyIter.Kind.DICT_KEYS;
            case PySet s -> PyIter.Kind.SET;
            case PyDictView v when v.type == PyType.DICT_KEYS -> PyIter.Kind.DICT_KEYS;
            case PyDictView v when v.type == PyType.DICT_VALUES -> PyIter.Kind.DICT_VALUES;
            case PyDictView v -> PyIter.Kind.DICT_ITEMS;
            case PyIter it -> null;
            default -> null;
        };
        if (o instanceof PyIter || o instanceof PyGenerator || o instanceof PyBuiltinIter || o instanceof PyItertool
                || o instanceof PyDequeIter || o instanceof PyODictIter) return heap.newRef(o);
        if (o instanceof PyDeque d) return heap.alloc(new PyDequeIter(heap.newRef(d), false));
        if (o instanceof PyType t && t.metatype != null) return dev.refgrade.runtime.stdlib.EnumModule.slot(rt, t, "__iter__");
        if (o instanceof PyArray a) return heap.alloc(new PyIter(PyIter.Kind.ARRAY, heap.newRef(a), 0, 0, 0));
        if (o instanceof dev.refgrade.runtime.objects.PyMappingProxy p) {
            dev.refgrade.runtime.stdlib.MappingProxyType.checkListable(rt, p);
            return iter(rt, p.mapping);
        }
        if (kind == null) {
            if (o instanceof PyInstance inst) {
                // __iter__ = None says the class is not iterable, __getitem__ or not (slot_tp_iter).
                if (inst.cls.lookup(rt, "__iter__") == PyRuntime.NONE) throw rt.typeError("'" + o.type().name + "' object is not iterable");
                PyObject r = rt.ops.callDunder(inst, "__iter__");
                if (r != null) return checkedIterator(rt, r);
                // PyObject_GetIter: a class with __getitem__ but no __iter__ is iterated by index (the old sequence protocol).
                if (inst.cls.lookup(rt, "__getitem__") != null) return heap.alloc(new PyIter(PyIter.Kind.SEQUENCE, heap.newRef(inst), 0, 0, 0));
            }
            throw rt.typeError("'" + o.type().name + "' object is not iterable");
        }
        if (o instanceof PyRange r) {
            // A range iterator copies the bounds and keeps no reference to the range.
            PyIter it = new PyIter(kind, null, 0, 0, 0);
            it.rangeStart = r.start;
            it.rangeStep = r.step;
            it.rangeLen = r.length();
            return heap.alloc(it);
        }
        PyObject seq = o instanceof PyDictView v ? v.dict : o;
        heap.incref(seq);
        int version = seq instanceof PyDict d ? d.version : seq instanceof PySet s ? s.version : 0;
        int size = seq instanceof PyDict d ? d.used : seq instanceof PySet s ? s.used : 0;
        PyIter it = heap.alloc(new PyIter(kind, seq, 0, version, size));
        // dictiter_new: an items iterator packs the (None, None) tuple it reuses for its results.
        if (kind == PyIter.Kind.DICT_ITEMS) it.result = rt.newTuple(PyRuntime.NONE, PyRuntime.NONE);
        return it;
    }

    static PyObject next(PyRuntime rt, PyObject o) {
        if (WeakProxies.is(o)) return WeakProxies.on(rt, o, x -> {
            // proxy_iternext: PyIter_Check of the referent first.
            if (!isIterator(rt, x)) throw rt.typeError("Weakref proxy referenced a non-iterator '" + x.type().name + "' object");
            return next(rt, x);
        });
        if (o instanceof PyGenerator g) return Generators.next(rt, g);
        if (o instanceof PyBuiltinIter b) return BuiltinIterators.next(rt, b);
        if (o instanceof PyDequeIter d) return d.next(rt);
        if (o instanceof PyODictIter d) return d.next(rt);
        if (o instanceof PyItertool t) {
            rt.charge(1);
            return t.advance.next(rt, t);
        }
        if (!(o instanceof PyIter it)) {
            if (o instanceof PyInstance inst) {
                try {
                    PyObject r = rt.ops.callDunder(inst, "__next__");
                    if (r != null) return r;
                } catch (PyException e) {
                    if (!e.matches(PyExc.STOP_ITERATION)) throw e;
                    e.discard(rt.heap);
                    return null;
                }
            }
            throw rt.typeError("'" + o.type().name + "' object is not an iterator");
        }
        return Sequences.iterNext(rt, it);
    }

    /** PyIter_Check: the type has a tp_iternext of its own. */
    static boolean isIterator(PyRuntime rt, PyObject o) {
        return o instanceof PyIter || o instanceof PyGenerator || o instanceof PyBuiltinIter || o instanceof PyItertool
                || o instanceof PyDequeIter || o instanceof PyODictIter || o instanceof PyInstance i && i.cls.lookup(rt, "__next__") != null;
    }
}
