package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.BuiltinGetter;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PySet;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;
import dev.refgrade.runtime.objects.Signature.Convention;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * collections.ChainMap (Lib/collections/__init__.py, 3.11): an instance of a class written in
 * Python whose __dict__ holds `maps`, a list of the mappings it searches in order; every method
 * reads that list anew, as the Python code does.
 */
final class ChainMapType {
    static final PyType TYPE = PyType.newLibraryClass("collections", "ChainMap", PyType.OBJECT);
    /** _recursive_repr's set of the ChainMaps whose repr is being written (per thread, as each run has its own). */
    private static final ThreadLocal<Set<PyObject>> REPRS = ThreadLocal.withInitial(() -> Collections.newSetFromMap(new IdentityHashMap<>()));

    private ChainMapType() {}

    static void install(Registry reg) {
        PyType t = TYPE;
        reg.put("ChainMap", t);
        reg.constructor(t, python("*maps").named("ChainMap.__init__", "__init__"), (rt, type, a) -> {
            if (type != TYPE) throw a.unsupported("an instance of a subclass of collections.ChainMap");
            return TpCall.call(rt, a.rest(), Kwargs.NONE, (args, kw) -> make(rt, args.items));
        });
        reg.method(t, "__getitem__", python("key"), (PyRuntime rt, PyInstance self, Args a) -> getItem(rt, self, a.get("key")));
        reg.method(t, "__missing__", python("key"), (PyRuntime rt, PyInstance self, Args a) -> {
            throw rt.keyError(a.get("key"));
        });
        reg.method(t, "get", python("key, default=None"), (PyRuntime rt, PyInstance self, Args a) -> {
            PyObject key = a.get("key"), dflt = a.orNone("default");
            return contains(rt, self, key) ? getItem(rt, self, key) : rt.heap.newRef(dflt);
        });
        reg.method(t, "__len__", python(""), ChainMapType::len);
        reg.method(t, "__iter__", python(""), ChainMapType::iter);
        reg.method(t, "__contains__", python("key"), (PyRuntime rt, PyInstance self, Args a) -> PyRuntime.bool(contains(rt, self, a.get("key"))));
        reg.method(t, "__bool__", python(""), (PyRuntime rt, PyInstance self, Args a) -> {
            for (PyObject m : maps(rt, self)) if (rt.ops.truthy(m)) return PyRuntime.TRUE;
            return PyRuntime.FALSE;
        });
        reg.method(t, "__repr__", python(""), ChainMapType::repr);
        reg.method(t, "copy", python(""), (PyRuntime rt, PyInstance self, Args a) -> copy(rt, self));
        reg.method(t, "__copy__", python(""), (PyRuntime rt, PyInstance self, Args a) -> copy(rt, self));
        reg.method(t, "new_child", python("m=None, **kwargs"), ChainMapType::newChild);
        t.install("parents", new BuiltinGetter((rt, self) -> {
            List<PyObject> maps = maps(rt, (PyInstance) self);
            return make(rt, maps.subList(Math.min(1, maps.size()), maps.size()).toArray(new PyObject[0]));
        }));
        reg.method(t, "__setitem__", python("key, value"), (PyRuntime rt, PyInstance self, Args a) -> {
            rt.ops.setItem(first(rt, self), a.get("key"), a.get("value"));
            return PyRuntime.NONE;
        });
        reg.method(t, "__delitem__", python("key"), (PyRuntime rt, PyInstance self, Args a) -> {
            PyObject key = a.get("key");
            firstMapping(rt, key, () -> {
                rt.ops.delItem(first(rt, self), key);
                return PyRuntime.NONE;
            });
            return PyRuntime.NONE;
        });
        reg.method(t, "popitem", python(""), (PyRuntime rt, PyInstance self, Args a) -> {
            try {
                return callMethod(rt, first(rt, self), "popitem");
            } catch (PyException e) {
                if (!e.matches(PyExc.KEY_ERROR)) throw e;
                throw rt.interp.exc.raiseWhileHandling(e, () -> keyErrorText(rt, "No keys found in the first mapping."));
            }
        });
        reg.method(t, "pop", python("key, *args"), (PyRuntime rt, PyInstance self, Args a) -> {
            PyObject key = a.get("key");
            PyObject[] rest = a.rest();
            PyObject[] args = new PyObject[rest.length + 1];
            args[0] = key;
            System.arraycopy(rest, 0, args, 1, rest.length);
            return firstMapping(rt, key, () -> callMethod(rt, first(rt, self), "pop", args));
        });
        reg.method(t, "clear", python(""), (PyRuntime rt, PyInstance self, Args a) -> {
            rt.heap.decref(callMethod(rt, first(rt, self), "clear"));
            return PyRuntime.NONE;
        });
        reg.method(t, "__ior__", python("other"), (PyRuntime rt, PyInstance self, Args a) -> {
            rt.heap.decref(callMethod(rt, first(rt, self), "update", a.get("other")));
            return rt.heap.newRef(self);
        });
        reg.method(t, "__or__", python("other"), (PyRuntime rt, PyInstance self, Args a) -> {
            PyObject other = a.get("other");
            if (!(other instanceof PyDict)) return PyRuntime.NOT_IMPLEMENTED; // isinstance(other, Mapping), for the dicts modelled
            PyInstance m = (PyInstance) copy(rt, self);
            try {
                rt.heap.decref(callMethod(rt, first(rt, m), "update", other));
            } catch (RuntimeException e) {
                rt.heap.decref(m);
                throw e;
            }
            return m;
        });
        // Mapping's and MutableMapping's mixins (KeysView and the rest of collections.abc) are not modelled.
        ChainMapMixins.install(reg, t);
        for (String refused : List.of("keys", "items", "values", "__eq__", "__ne__", "__ror__", "__reversed__", "__init__",
                "__class_getitem__")) {
            reg.method(t, refused, "*args, **kwargs", (PyRuntime rt, PyInstance self, Args a) -> {
                throw a.unsupported("ChainMap." + refused);
            });
        }
    }

    private static Signature python(String params) {
        return Signature.parse(params).as(Convention.PYTHON_METHOD);
    }

    /** __init__: self.maps = list(maps) or [{}] — the empty list made and dropped before the one holding a new dict. */
    static PyObject make(PyRuntime rt, PyObject[] maps) {
        Heap heap = rt.heap;
        heap.incref(TYPE);
        PyInstance self = heap.alloc(new PyInstance(TYPE));
        PyObject[] items = maps.clone();
        for (PyObject m : items) heap.incref(m);
        PyList list = rt.newList(items, items.length);
        if (items.length == 0) {
            heap.decref(list);
            PyDict d = rt.newDict().modelled();
            list = rt.newList(new PyObject[] {d}, 1);
        }
        PyStr name = rt.name("maps");
        try {
            self.attrs.putAttribute(rt, name, list);
        } finally {
            heap.decref(name);
            heap.decref(list);
        }
        return self;
    }

    /** self.maps as the code reads it: whatever the instance's `maps` attribute holds, iterated. */
    private static List<PyObject> maps(PyRuntime rt, PyInstance self) {
        PyStr name = rt.name("maps");
        PyObject maps;
        try {
            maps = rt.ops.getAttr(self, name);
        } finally {
            rt.heap.decref(name);
        }
        try {
            PyObject[] items = Builtins.toArray(rt, maps);
            for (PyObject o : items) rt.heap.decref(o); // the list keeps them alive while the method runs
            return Arrays.asList(items);
        } finally {
            rt.heap.decref(maps);
        }
    }

    private static PyObject first(PyRuntime rt, PyInstance self) {
        List<PyObject> maps = maps(rt, self);
        if (maps.isEmpty()) throw rt.error(PyExc.INDEX_ERROR, "list index out of range");
        return maps.get(0);
    }

    /** __getitem__: each mapping's own mapping[key] in turn (a defaultdict's __missing__ included), then __missing__. */
    private static PyObject getItem(PyRuntime rt, PyInstance self, PyObject key) {
        for (PyObject m : maps(rt, self)) {
            try {
                return rt.ops.getItem(m, key);
            } catch (PyException e) {
                if (!e.matches(PyExc.KEY_ERROR)) throw e;
                e.discard(rt.heap);
            }
        }
        return rt.ops.callDunder(self, "__missing__", key);
    }

    private static boolean contains(PyRuntime rt, PyInstance self, PyObject key) {
        for (PyObject m : maps(rt, self)) if (rt.ops.contains(m, key)) return true;
        return false;
    }

    /** __len__: len(set().union(*self.maps)). */
    private static PyObject len(PyRuntime rt, PyInstance self, Args a) {
        PySet union = rt.newSet(false);
        try {
            for (PyObject m : maps(rt, self)) {
                PyObject it = rt.ops.iter(m);
                try {
                    for (PyObject k = rt.ops.next(it); k != null; k = rt.ops.next(it)) {
                        try {
                            union.add(rt, k);
                        } finally {
                            rt.heap.decref(k);
                        }
                    }
                } finally {
                    rt.heap.decref(it);
                }
            }
            return rt.newInt(union.used);
        } finally {
            rt.heap.decref(union);
        }
    }

    /** __iter__: d = {}; d.update(dict.fromkeys(mapping)) for each mapping from the last; iter(d). */
    private static PyObject iter(PyRuntime rt, PyInstance self, Args a) {
        Heap heap = rt.heap;
        PyDict d = rt.newDict().modelled();
        try {
            List<PyObject> maps = maps(rt, self);
            for (int i = maps.size() - 1; i >= 0; i--) {
                PyDict keys = rt.newDict().modelled();
                try {
                    PyObject it = rt.ops.iter(maps.get(i));
                    try {
                        for (PyObject k = rt.ops.next(it); k != null; k = rt.ops.next(it)) {
                            try {
                                keys.put(rt, k, PyRuntime.NONE);
                            } finally {
                                heap.decref(k);
                            }
                        }
                    } finally {
                        heap.decref(it);
                    }
                    DictMethods.merge(rt, d, keys);
                } finally {
                    heap.decref(keys);
                }
            }
            return rt.ops.iter(d);
        } finally {
            heap.decref(d);
        }
    }

    /** __repr__ under _recursive_repr: ChainMap(map, map, ...), or '...' for one already being written. */
    private static PyObject repr(PyRuntime rt, PyInstance self, Args a) {
        Set<PyObject> active = REPRS.get();
        if (!active.add(self)) return rt.newStr("...");
        try {
            StringBuilder b = new StringBuilder("ChainMap(");
            String sep = "";
            for (PyObject m : maps(rt, self)) {
                b.append(sep).append(rt.ops.repr(m));
                sep = ", ";
            }
            return rt.newStr(b.append(')').toString());
        } finally {
            active.remove(self);
        }
    }

    /** copy: self.__class__(self.maps[0].copy(), *self.maps[1:]). */
    private static PyObject copy(PyRuntime rt, PyInstance self) {
        List<PyObject> maps = maps(rt, self);
        if (maps.isEmpty()) throw rt.error(PyExc.INDEX_ERROR, "list index out of range");
        PyObject head = callMethod(rt, maps.get(0), "copy");
        try {
            PyObject[] args = maps.toArray(new PyObject[0]);
            args[0] = head;
            return TpCall.call(rt, args, Kwargs.NONE, (packed, kw) -> make(rt, packed.items));
        } finally {
            rt.heap.decref(head);
        }
    }

    /** new_child: m, or a dict of the keywords (m.update(kwargs) when both), in front of self.maps. */
    private static PyObject newChild(PyRuntime rt, PyInstance self, Args a) {
        PyObject m = a.orNone("m");
        PyDict kwargs = rt.newDict().modelled();
        DictMethods.putAll(rt, kwargs, a.extra());
        try {
            if (m == PyRuntime.NONE) m = kwargs;
            else if (kwargs.used > 0) rt.heap.decref(callMethod(rt, m, "update", kwargs));
            List<PyObject> maps = maps(rt, self);
            PyObject[] args = new PyObject[maps.size() + 1];
            args[0] = m;
            for (int i = 0; i < maps.size(); i++) args[i + 1] = maps.get(i);
            return TpCall.call(rt, args, Kwargs.NONE, (packed, kw) -> make(rt, packed.items));
        } finally {
            rt.heap.decref(kwargs);
        }
    }

    private static PyObject callMethod(PyRuntime rt, PyObject o, String name, PyObject... args) {
        PyStr n = rt.name(name);
        PyObject m;
        try {
            m = rt.ops.getAttr(o, n);
        } finally {
            rt.heap.decref(n);
        }
        try {
            return rt.ops.call(m, args);
        } finally {
            rt.heap.decref(m);
        }
    }

    private interface Body {
        PyObject run();
    }

    /** `except KeyError: raise KeyError(f'Key not found in the first mapping: {key!r}')`. */
    private static PyObject firstMapping(PyRuntime rt, PyObject key, Body body) {
        try {
            return body.run();
        } catch (PyException e) {
            if (!e.matches(PyExc.KEY_ERROR)) throw e;
            throw rt.interp.exc.raiseWhileHandling(e, () -> keyErrorText(rt, "Key not found in the first mapping: " + rt.ops.repr(key)));
        }
    }

    private static PyException keyErrorText(PyRuntime rt, String text) {
        PyObject msg = rt.newStr(text);
        try {
            return rt.keyError(msg);
        } finally {
            rt.heap.decref(msg);
        }
    }
}
