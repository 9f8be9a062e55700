package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.objects.PyODict;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyDictView;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyType;

/** dict's methods (Objects/dictobject.c), each with its CPython signature. */
public final class DictMethods {
    private DictMethods() {}

    static void install(Registry reg) {
        PyType D = PyType.DICT;
        reg.method(D, "get", "key, default=None, /", DictMethods::get);
        reg.method(D, "keys", "", (PyRuntime rt, PyDict self, Args a) -> view(rt, PyType.DICT_KEYS, self));
        reg.method(D, "values", "", (PyRuntime rt, PyDict self, Args a) -> view(rt, PyType.DICT_VALUES, self));
        reg.method(D, "items", "", (PyRuntime rt, PyDict self, Args a) -> view(rt, PyType.DICT_ITEMS, self));
        reg.method(D, "copy", "", (PyRuntime rt, PyDict self, Args a) -> CopyModule.copy(rt, self));
        reg.method(D, "clear", "", DictMethods::clear);
        reg.method(D, "update", "other=<unrepresentable>, /, **kwargs", DictMethods::update);
        reg.method(D, "pop", "key, default=<unrepresentable>, /", DictMethods::pop);
        reg.method(D, "setdefault", "key, default=None, /", DictMethods::setdefault);
        reg.method(D, "popitem", "", DictMethods::popitem);
    }

    static PyObject get(PyRuntime rt, PyDict self, Args a) {
        PyObject dflt = a.orNone("default");
        PyObject v = self.getBorrowed(rt, a.get("key"));
        return rt.heap.newRef(v != null ? v : dflt);
    }

    static PyObject clear(PyRuntime rt, PyDict self, Args a) {
        self.clearEntries(rt.heap);
        return PyRuntime.NONE;
    }

    static PyObject update(PyRuntime rt, PyDict self, Args a) {
        PyObject other = a.get("other");
        if (other != null) merge(rt, self, other);
        self.prepareKeywordMerge(a.extra().names().size());
        putAll(rt, self, a.extra());
        return PyRuntime.NONE;
    }

    /** dict(**kw) and update(**kw): the keywords, in the order written. */
    static void putAll(PyRuntime rt, PyDict d, Kwargs kw) {
        for (int i = 0; i < kw.names().size(); i++) d.put(rt, kw.names().get(i), kw.values().get(i));
    }

    static PyObject pop(PyRuntime rt, PyDict self, Args a) {
        PyObject key = a.get("key"), dflt = a.get("default");
        // _PyDict_Pop: an empty dict answers before the key is hashed (so an unhashable key is only missing).
        PyObject v = self.size() == 0 ? null : self.pop(rt, key);
        if (v != null) return v;
        if (dflt != null) return rt.heap.newRef(dflt);
        throw rt.keyError(key);
    }

    /** dict_popitem: the last entry as a (key, value) pair, LIFO; the pair takes the dict's references. */
    static PyObject popitem(PyRuntime rt, PyDict self, Args a) {
        if (self.size() == 0) throw rt.error(PyExc.KEY_ERROR, "popitem(): dictionary is empty");
        return rt.newTuple(self.popLast());
    }

    static PyObject setdefault(PyRuntime rt, PyDict self, Args a) {
        PyObject key = a.get("key"), dflt = a.orNone("default");
        PyObject v = self.getBorrowed(rt, key);
        if (v == null) {
            v = dflt;
            self.put(rt, key, v);
        }
        return rt.heap.newRef(v);
    }

    private static PyObject view(PyRuntime rt, PyType type, PyDict dict) {
        return rt.heap.alloc(new PyDictView(type, rt.heap.newRef(dict)));
    }

    /** dict.update(other): a dict's entries, or an iterable of key/value pairs. */
    public static void merge(PyRuntime rt, PyDict d, PyObject other) {
        if (other instanceof PyODict o) {
            OrderedDictType.mergeFrom(rt, d, o);
            return;
        }
        if (other instanceof PyDict o) {
            d.prepareMerge(o);
            Builtins.dictUpdate(rt, d, o);
            return;
        }
        if (other instanceof PyInstance) d.sizeModelled = false; // PyDict_Merge of a mapping: not modelled
        if (other instanceof dev.refgrade.runtime.objects.PyMappingProxy || other instanceof PyInstance i && i.cls.lookup(rt, "keys") != null) {
            mergeMapping(rt, d, other);
            return;
        }
        mergeFromSeq2(rt, d, other);
    }

    /**
     * PyDict_MergeFromSeq2: the pairs taken from the iterator one at a time, so those before a bad
     * element stay inserted; each through PySequence_Fast and numbered in its errors.
     */
    private static void mergeFromSeq2(PyRuntime rt, PyDict d, PyObject other) {
        PyObject it = rt.ops.iter(other);
        try {
            for (long index = 0; ; index++) {
                PyObject pair = rt.ops.next(it);
                if (pair == null) return;
                PyObject[] kv;
                try {
                    kv = Builtins.toArray(rt, pair);
                } catch (PyException e) {
                    if (e.excType != PyExc.TYPE_ERROR) throw e;
                    throw rt.typeError("cannot convert dictionary update sequence element #" + index + " to a sequence");
                } finally {
                    rt.heap.decref(pair);
                }
                if (kv.length != 2) {
                    for (PyObject x : kv) rt.heap.decref(x);
                    throw rt.error(PyExc.VALUE_ERROR, "dictionary update sequence element #" + index + " has length " + kv.length
                            + "; 2 is required");
                }
                d.putOwned(rt, kv[0], kv[1]);
                rt.heap.decref(kv[0]);
            }
        } finally {
            rt.heap.decref(it);
        }
    }

    private static void mergeMapping(PyRuntime rt, PyDict d, PyObject other) {
        mergeMapping(rt, d, other, false);
    }

    /**
     * ** unpacking in a display (DICT_UPDATE: PyDict_Update): a dict's entries, else a mapping's
     * through keys(); an object without keys fails with AttributeError, which ceval rewords.
     */
    public static void updateUnpacked(PyRuntime rt, PyDict d, PyObject other) {
        if (other instanceof PyDict) merge(rt, d, other);
        else mergeMapping(rt, d, other, false);
    }

    /**
     * dict_merge of a mapping that is not a dict: for each key of list(other.keys()), d[key] =
     * other[key]. With {@code unique} (override 2, DICT_MERGE of a call's **), a key d already
     * has is a KeyError of that key, which the call rewords.
     */
    public static void mergeMapping(PyRuntime rt, PyDict d, PyObject other, boolean unique) {
        d.sizeModelled = false;
        PyObject keysMethod = rt.ops.getAttr(other, rt.name("keys"));
        PyObject keys;
        try {
            keys = rt.interp.callBorrowed(keysMethod, new PyObject[0], dev.refgrade.runtime.objects.Kwargs.NONE);
        } finally {
            rt.heap.decref(keysMethod);
        }
        PyObject[] all;
        try {
            all = Builtins.toArray(rt, keys);
        } finally {
            rt.heap.decref(keys);
        }
        try {
            for (PyObject key : all) {
                if (unique && d.getBorrowed(rt, key) != null) throw rt.keyError(key);
                PyObject value = rt.ops.getItem(other, key);
                d.putOwned(rt, key, value);
            }
        } finally {
            for (PyObject key : all) rt.heap.decref(key);
        }
    }
}
