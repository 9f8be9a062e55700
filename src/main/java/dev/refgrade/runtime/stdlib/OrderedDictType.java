package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyDictView;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyODict;
import dev.refgrade.runtime.objects.PyODictIter;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyBaseExc;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.Signature;
import dev.refgrade.runtime.objects.Signature.Convention;
import java.util.List;

/** collections.OrderedDict's methods as Objects/odictobject.c (3.11) has them. */
public final class OrderedDictType {
    public static final PyType KEYS = PyType.newBuiltin("odict_keys", PyType.DICT_KEYS);
    public static final PyType VALUES = PyType.newBuiltin("odict_values", PyType.DICT_VALUES);
    public static final PyType ITEMS = PyType.newBuiltin("odict_items", PyType.DICT_ITEMS);

    private OrderedDictType() {}

    static void install(Registry reg) {
        PyType t = PyODict.TYPE;
        reg.put("OrderedDict", t);
        // No tp_new of its own (dict_new), odict_init with the packed arguments.
        reg.constructor(t, "*args, **kwargs", (rt, type, a) -> {
            if (type != PyODict.TYPE) throw a.unsupported("an instance of a subclass of collections.OrderedDict");
            return TpCall.call(rt, a.rest(), a.extra(), (args, kwdict) -> make(rt, args.items, kwdict));
        });
        reg.method(t, "update", "*args, **kwargs", (PyRuntime rt, PyODict od, Args a) -> TpCall.call(rt, a.rest(), a.extra(), (args, kwdict) -> {
            update(rt, od, args.items, kwdict);
            return PyRuntime.NONE;
        }));
        reg.method(t, "setdefault", "key, default=None", OrderedDictType::setdefault);
        reg.method(t, "pop", "key, default=<unrepresentable>", (PyRuntime rt, PyODict od, Args a) -> {
            PyObject key = a.get("key");
            return popKey(rt, od, key, a.get("default"), rt.ops.keyHash(key));
        });
        reg.method(t, "popitem", "last=True", OrderedDictType::popitem);
        reg.method(t, "move_to_end", "key, last=True", OrderedDictType::moveToEnd);
        reg.method(t, "keys", "", (PyRuntime rt, PyODict od, Args a) -> view(rt, KEYS, od));
        reg.method(t, "values", "", (PyRuntime rt, PyODict od, Args a) -> view(rt, VALUES, od));
        reg.method(t, "items", "", (PyRuntime rt, PyODict od, Args a) -> view(rt, ITEMS, od));
        reg.method(t, "clear", "", (PyRuntime rt, PyODict od, Args a) -> {
            od.clearEntries(rt.heap); // odict_clear: PyDict_Clear, then the nodes
            od.clearNodes(rt.heap);
            return PyRuntime.NONE;
        });
        reg.method(t, "copy", "", (PyRuntime rt, PyODict od, Args a) -> copy(rt, od));
        reg.method(t, "__reversed__", "", (PyRuntime rt, PyODict od, Args a) -> PyODictIter.create(rt, od, PyODictIter.Kind.KEYS, true));
        reg.method(t, "__sizeof__", "", (PyRuntime rt, PyODict od, Args a) -> rt.newInt(od.sizeOf() - 16));
        // odict_fromkeys: Clinic with keywords ("fromkeys($type, /, iterable, value=None)"), then _PyDict_FromKeys.
        reg.classMethod(t, "fromkeys", Signature.parse("iterable, value=None").as(Convention.KEYWORDS),
                (rt, cls, a) -> DictFromKeys.fromKeys(rt, cls, a.get("iterable"), a.orNone("value")));
        for (String refused : List.of("__reduce__", "__init__", "__class_getitem__")) {
            reg.method(t, refused, "*args, **kwargs", (PyRuntime rt, PyODict od, Args a) -> {
                throw a.unsupported("OrderedDict." + refused);
            });
        }
        for (PyType v : List.of(KEYS, VALUES, ITEMS)) {
            reg.method(v, "__reversed__", "", (PyRuntime rt, PyDictView view, Args a) -> iter(rt, view, true));
        }
    }

    /** dict_new, then odict_init: at most one argument, given with the keywords to update. */
    private static PyODict make(PyRuntime rt, PyObject[] args, PyDict kwdict) {
        PyODict od = newODict(rt);
        try {
            if (args.length > 1) throw rt.typeError("expected at most 1 arguments, got " + args.length);
            update(rt, od, args, kwdict);
        } catch (RuntimeException e) {
            rt.heap.decref(od);
            throw e;
        }
        return od;
    }

    /** PyODict_New: dict_new of the type, an empty dict the collector tracks at once. */
    private static PyODict newODict(PyRuntime rt) {
        PyODict od = rt.heap.alloc(new PyODict());
        od.sizeModelled = true;
        return od;
    }

    private static PyObject view(PyRuntime rt, PyType type, PyODict od) {
        return rt.heap.alloc(new PyDictView(type, rt.heap.newRef(od)));
    }

    /** odictkeys_iter, odictvalues_iter, odictitems_iter and their __reversed__. */
    public static PyObject iter(PyRuntime rt, PyDictView v, boolean reversed) {
        PyODictIter.Kind kind = v.type == KEYS ? PyODictIter.Kind.KEYS : v.type == VALUES ? PyODictIter.Kind.VALUES : PyODictIter.Kind.ITEMS;
        return PyODictIter.create(rt, (PyODict) v.dict, kind, reversed);
    }

    /** mutablemapping_update: at most one positional argument, then the keywords' items. */
    static void update(PyRuntime rt, PyODict od, PyObject[] args, PyDict kwdict) {
        if (args.length > 1) throw rt.typeError("update() takes at most 1 positional argument (" + args.length + " given)");
        if (args.length == 1) updateArg(rt, od, args[0]);
        if (kwdict != null && kwdict.used > 0) addItemsOf(rt, od, kwdict);
    }

    /**
     * mutablemapping_update_arg: an exact dict's items() list; else a keys() method (each key then
     * looked up); else an items() method; else the argument as an iterable of pairs.
     */
    public static void updateArg(PyRuntime rt, PyODict od, PyObject arg) {
        Heap heap = rt.heap;
        if (arg.type() == PyType.DICT) {
            addItemsOf(rt, od, (PyDict) arg);
            return;
        }
        PyObject keys = callMethod(rt, arg, "keys");
        if (keys != null) {
            PyObject it;
            try {
                it = rt.ops.iter(keys);
            } finally {
                heap.decref(keys);
            }
            try {
                for (PyObject key = rt.ops.next(it); key != null; key = rt.ops.next(it)) {
                    try {
                        PyObject value = rt.ops.getItem(arg, key);
                        try {
                            rt.ops.setItem(od, key, value);
                        } finally {
                            heap.decref(value);
                        }
                    } finally {
                        heap.decref(key);
                    }
                }
            } finally {
                heap.decref(it);
            }
            return;
        }
        PyObject items = callMethod(rt, arg, "items");
        try {
            addPairs(rt, od, items != null ? items : arg);
        } finally {
            heap.xdecref(items);
        }
    }

    /** _PyObject_LookupAttr then a call with no arguments; null when the object has no such attribute. */
    private static PyObject callMethod(PyRuntime rt, PyObject o, String name) {
        PyObject m = rt.ops.getAttrOrNull(o, rt.name(name));
        if (m == null) return null;
        try {
            return rt.ops.call(m);
        } finally {
            rt.heap.decref(m);
        }
    }

    /** PyDict_Items (a new list of new pairs) given to mutablemapping_add_pairs. */
    private static void addItemsOf(PyRuntime rt, PyODict od, PyDict d) {
        PyObject[] pairs = new PyObject[d.used];
        int n = 0;
        for (int i = d.nextEntry(0); i < d.entries; i = d.nextEntry(i + 1)) {
            pairs[n++] = rt.newTuple(rt.heap.newRef(d.keys[i]), rt.heap.newRef(d.values[i]));
        }
        PyObject list = rt.newList(pairs, n);
        try {
            addPairs(rt, od, list);
        } finally {
            rt.heap.decref(list);
        }
    }

    /** mutablemapping_add_pairs: each pair iterated for exactly a key and a value, stored through od[key] = value. */
    private static void addPairs(PyRuntime rt, PyODict od, PyObject pairs) {
        Heap heap = rt.heap;
        PyObject it = rt.ops.iter(pairs);
        try {
            for (PyObject pair = rt.ops.next(it); pair != null; pair = rt.ops.next(it)) {
                PyObject pairIt = null, key = null, value = null;
                try {
                    pairIt = rt.ops.iter(pair);
                    key = rt.ops.next(pairIt);
                    if (key == null) throw rt.error(PyExc.VALUE_ERROR, "need more than 0 values to unpack");
                    value = rt.ops.next(pairIt);
                    if (value == null) throw rt.error(PyExc.VALUE_ERROR, "need more than 1 value to unpack");
                    PyObject unexpected = rt.ops.next(pairIt);
                    if (unexpected != null) {
                        heap.decref(unexpected);
                        throw rt.error(PyExc.VALUE_ERROR, "too many values to unpack (expected 2)");
                    }
                    rt.ops.setItem(od, key, value);
                } finally {
                    heap.decref(pair);
                    heap.xdecref(pairIt);
                    heap.xdecref(key);
                    heap.xdecref(value);
                }
            }
        } finally {
            heap.decref(it);
        }
    }

    /** OrderedDict_setdefault_impl for an exact OrderedDict: the dict's value, or default stored under the key. */
    private static PyObject setdefault(PyRuntime rt, PyODict od, Args a) {
        PyObject key = a.get("key"), dflt = a.orNone("default");
        PyObject v = od.getBorrowed(rt, key);
        if (v != null) return rt.heap.newRef(v);
        od.setItem(rt, key, dflt, rt.ops.keyHash(key));
        return rt.heap.newRef(dflt);
    }

    /**
     * _odict_popkey_hash: the node is cleared first; only when there was one is the dict's value
     * taken out. Without it, the default or KeyError(key).
     */
    private static PyObject popKey(PyRuntime rt, PyODict od, PyObject key, PyObject dflt, long hash) {
        PyODict.Node node = od.findNode(rt, key, hash);
        PyObject value = null;
        if (node != null) {
            od.clearNode(rt, node);
            int ix = od.find(rt, key, hash);
            if (ix >= 0) {
                value = rt.heap.newRef(od.valueAt(ix));
                od.removeEntry(rt.heap, ix);
            }
        }
        if (value != null) return value;
        if (dflt != null) return rt.heap.newRef(dflt);
        throw setObjectKeyError(rt, key);
    }

    /**
     * PyErr_SetObject(PyExc_KeyError, key), as odict's pop and move_to_end raise a missing key: the
     * exception is made from the value, so a tuple key becomes its args (KeyError(1, 2), or no args
     * for () and for None).
     */
    private static PyException setObjectKeyError(PyRuntime rt, PyObject key) {
        // _PyErr_CreateException: None means no arguments, a tuple is the arguments, anything else the one argument.
        if (key != PyRuntime.NONE && !(key instanceof PyTuple)) return rt.keyError(key);
        PyObject[] args = key instanceof PyTuple t ? t.items : new PyObject[0];
        return new PyException((PyBaseExc) rt.ops.call(PyExc.KEY_ERROR, args), null);
    }

    /** OrderedDict_popitem_impl: the last (or first) node's key and value, as a new pair. */
    private static PyObject popitem(PyRuntime rt, PyODict od, Args a) {
        boolean last = a.truth("last");
        if (od.first == null) {
            PyObject msg = rt.newStr("dictionary is empty");
            try {
                throw rt.keyError(msg);
            } finally {
                rt.heap.decref(msg);
            }
        }
        PyODict.Node node = last ? od.last : od.first;
        PyObject key = rt.heap.newRef(node.key);
        PyObject value;
        try {
            value = popKey(rt, od, key, null, node.hash);
        } catch (RuntimeException e) {
            rt.heap.decref(key);
            throw e;
        }
        return rt.newTuple(key, value);
    }

    /** OrderedDict_move_to_end_impl: nothing to find when the key is the very object at that end already. */
    private static PyObject moveToEnd(PyRuntime rt, PyODict od, Args a) {
        PyObject key = a.get("key");
        boolean last = a.truth("last");
        if (od.first == null) throw setObjectKeyError(rt, key);
        PyODict.Node node = last ? od.last : od.first;
        if (key != node.key) {
            node = od.findNode(rt, key, rt.ops.keyHash(key));
            if (node == null) throw setObjectKeyError(rt, key);
            if (last && node != od.last) {
                od.unlink(node);
                od.addTail(node);
            } else if (!last && node != od.first) {
                od.unlink(node);
                od.addHead(node);
            }
        }
        return PyRuntime.NONE;
    }

    /** odict_copy of an exact OrderedDict: PyODict_New, then each node's key and value stored with its known hash. */
    static PyObject copy(PyRuntime rt, PyODict od) {
        PyODict c = newODict(rt);
        try {
            for (PyODict.Node n = od.first; n != null; n = n.next) {
                PyObject value = od.getBorrowed(rt, n.key);
                if (value == null) throw rt.keyError(n.key);
                c.setItem(rt, n.key, value, n.hash);
            }
        } catch (RuntimeException e) {
            rt.heap.decref(c);
            throw e;
        }
        return c;
    }

    /**
     * odict_or, tried first when the left side is an OrderedDict, or the right one is and the left
     * is a plain dict: that side's class called with the left operand, then updated from the right;
     * null for NotImplemented when the other side is no dict.
     */
    public static PyObject or(PyRuntime rt, PyObject left, PyObject right) {
        PyObject other = left instanceof PyODict ? right : left;
        if (!(other instanceof PyDict)) return null;
        PyObject made = TpCall.call(rt, new PyObject[] {left}, dev.refgrade.runtime.objects.Kwargs.NONE, (args, kw) -> make(rt, args.items, kw));
        try {
            updateArg(rt, (PyODict) made, right);
        } catch (RuntimeException e) {
            rt.heap.decref(made);
            throw e;
        }
        return made;
    }

    /** odict_inplace_or: mutablemapping_update_arg on the OrderedDict itself, whatever the right side is. */
    public static PyObject inplaceOr(PyRuntime rt, PyODict od, PyObject other) {
        updateArg(rt, od, other);
        return rt.heap.newRef(od);
    }

    /** _odict_keys_equal: the two lists' keys pairwise equal, in order, and of one length. */
    public static boolean keysEqual(PyRuntime rt, PyODict a, PyODict b) {
        PyODict.Node x = a.first, y = b.first;
        for (; x != null && y != null; x = x.next, y = y.next) {
            if (!rt.ops.eq(x.key, y.key)) return false;
        }
        return x == null && y == null;
    }

    /**
     * dict_merge's generic path, which an OrderedDict source takes (its tp_iter is not dict_iter):
     * list(other.keys()) made first, then each key looked up in it and stored.
     */
    static void mergeFrom(PyRuntime rt, PyDict d, PyODict other) {
        Heap heap = rt.heap;
        PyObject keys;
        PyObject view = view(rt, KEYS, other);
        try {
            PyObject it = rt.ops.iter(view);
            try {
                keys = Builtins.listOf(rt, it);
            } finally {
                heap.decref(it);
            }
        } finally {
            heap.decref(view);
        }
        try {
            PyObject it = rt.ops.iter(keys);
            try {
                for (PyObject key = rt.ops.next(it); key != null; key = rt.ops.next(it)) {
                    try {
                        PyObject value = rt.ops.getItem(other, key);
                        d.putOwned(rt, key, value);
                    } finally {
                        heap.decref(key);
                    }
                }
            } finally {
                heap.decref(it);
            }
        } finally {
            heap.decref(keys);
        }
    }
}
