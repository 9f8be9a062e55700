package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.memory.StaticObjects;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyBareObject;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyLruCache;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;

/**
 * functools.lru_cache and cache: Lib/functools.py's lru_cache picks the form, _lru_cache_wrapper
 * (Modules/_functoolsmodule.c) does the caching, step by step as lru_cache_make_key and the
 * infinite, bounded and uncached wrappers do it, since the key they build is what the cache keeps
 * alive: a lone exact int or str argument itself, else the call's own argument tuple, else (with
 * keywords or typed) a new tuple of the arguments, kwd_mark, each keyword and value, and the types.
 */
final class LruCache {
    private LruCache() {}

    /** _functools' kwd_mark, an object() separating positional arguments from keywords in a key. */
    private static final PyObject KWD_MARK = StaticObjects.place(new PyBareObject());
    /** Lib/functools.py's _CacheInfo namedtuple. */
    static final PyType CACHE_INFO = PyType.newLibraryClass("functools.CacheInfo", PyType.TUPLE);
    private static final String[] FIELDS = {"hits", "misses", "maxsize", "currsize"};

    static void register(Registry reg) {
        reg.function("lru_cache", Signature.parse("maxsize=128, typed=False").as(Signature.Convention.PYTHON), LruCache::lruCache);
        reg.function("cache", Signature.parse("user_function, /").as(Signature.Convention.PYTHON),
                (rt, a) -> wrap(rt, a.get("user_function"), -1, false));
        reg.put("_lru_cache_wrapper", PyLruCache.TYPE);
        reg.method(PyLruCache.TYPE, "__call__", "*args, **kwargs", (PyRuntime rt, PyLruCache c, Args a) -> call(rt, c, a.rest(), a.extra()));
        reg.method(PyLruCache.TYPE, "cache_info", "", LruCache::cacheInfo);
        reg.method(PyLruCache.TYPE, "cache_clear", "", LruCache::cacheClear);
        NamedFields.install(CACHE_INFO, "CacheInfo", FIELDS);
    }

    /**
     * lru_cache(maxsize=128, typed=False): an int maxsize (negative means 0) or None gives the
     * decorator; a callable in its place (with a bool typed) is the function, wrapped at once.
     */
    private static PyObject lruCache(PyRuntime rt, Args a) {
        PyObject maxsize = a.get("maxsize"), typedArg = a.get("typed");
        boolean typed = typedArg != null && rt.ops.truthy(typedArg);
        long size;
        if (maxsize == null) {
            size = 128;
        } else if (maxsize instanceof PyInt i) {
            size = i.big != null ? (i.big.signum() < 0 ? 0 : Long.MAX_VALUE) : Math.max(0, i.small);
        } else if (maxsize == PyRuntime.NONE) {
            size = -1;
        } else if (Functions.isCallable(rt, maxsize) && (typedArg == null || typedArg instanceof dev.refgrade.runtime.objects.PyBool)) {
            return wrap(rt, maxsize, 128, typed);
        } else {
            throw rt.typeError("Expected first argument to be an integer, a callable, or None");
        }
        // decorating_function, a closure over maxsize and typed in Lib/functools.py.
        long chosen = size;
        return rt.heap.alloc(new PyBuiltin("functools", "decorating_function",
                Signature.parse("user_function").named("decorating_function", "decorating_function"),
                (r, self, b) -> wrap(r, b.get("user_function"), chosen, typed), null));
    }

    /** _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo), then update_wrapper(wrapper, user_function). */
    private static PyObject wrap(PyRuntime rt, PyObject func, long maxsize, boolean typed) {
        if (!Functions.isCallable(rt, func)) throw rt.typeError("the first argument must be callable");
        PyLruCache c = rt.heap.alloc(new PyLruCache(rt.heap.newRef(func), rt.newDict(), maxsize, typed));
        try {
            FunctoolsModule.update(rt, c, func, FunctoolsModule.WRAPPER_ASSIGNMENTS, FunctoolsModule.WRAPPER_UPDATES);
        } catch (RuntimeException e) {
            rt.heap.decref(c);
            throw e;
        }
        return c;
    }

    /** The wrapper's __dict__, made when first needed (its tp_dictoffset slot starts NULL). */
    static PyDict dict(PyRuntime rt, PyLruCache c) {
        if (c.dict == null) c.dict = rt.newDict();
        return c.dict;
    }

    /**
     * lru_cache_call through tp_call: _PyObject_MakeTpCall packs the arguments into a tuple and the
     * keywords into a dict, which hold them while the wrapper runs (and the tuple may become the key).
     */
    static PyObject call(PyRuntime rt, PyLruCache c, PyObject[] args, Kwargs kw) {
        Heap heap = rt.heap;
        PyObject[] items = args.clone();
        for (PyObject o : items) heap.incref(o);
        PyTuple argTuple = rt.newTuple(items);
        PyDict kwds = null;
        if (!kw.isEmpty()) {
            kwds = rt.newDict();
            DictMethods.putAll(rt, kwds, kw);
        }
        try {
            if (c.maxsize == 0) {
                c.misses++; // uncached_lru_cache_wrapper
                return rt.interp.callPrepended(c.func, null, argTuple.items, kwds);
            }
            return LruCacheCall.cached(rt, c, makeKey(rt, argTuple, kwds, c.typed), argTuple, kwds);
        } finally {
            heap.decref(argTuple);
            heap.xdecref(kwds);
        }
    }

    /** lru_cache_make_key. */
    private static PyObject makeKey(PyRuntime rt, PyTuple args, PyDict kwds, boolean typed) {
        Heap heap = rt.heap;
        int kwdsSize = kwds == null ? 0 : kwds.size();
        if (!typed && kwdsSize == 0) {
            if (args.size() == 1) {
                PyObject key = args.items[0];
                // For common scalar keys, the enclosing args tuple is dropped.
                if (key.type() == PyType.STR || key.type() == PyType.INT) return heap.newRef(key);
            }
            return heap.newRef(args);
        }
        java.util.List<PyObject> key = new java.util.ArrayList<>(java.util.List.of(args.items));
        if (kwdsSize > 0) {
            key.add(KWD_MARK);
            for (int i = kwds.nextEntry(0); i < kwds.entries; i = kwds.nextEntry(i + 1)) {
                key.add(kwds.keyAt(i));
                key.add(kwds.valueAt(i));
            }
        }
        if (typed) {
            for (PyObject o : args.items) key.add(o.type());
            if (kwdsSize > 0) {
                for (int i = kwds.nextEntry(0); i < kwds.entries; i = kwds.nextEntry(i + 1)) key.add(kwds.valueAt(i).type());
            }
        }
        PyObject[] owned = key.toArray(new PyObject[0]);
        for (PyObject o : owned) heap.incref(o);
        return rt.newTuple(owned);
    }

    /** cache_info(): _CacheInfo(hits, misses, maxsize or None, len(cache)). */
    private static PyObject cacheInfo(PyRuntime rt, PyLruCache c, Args a) {
        PyObject maxsize = c.maxsize < 0 ? PyRuntime.NONE : rt.newInt(c.maxsize);
        PyObject[] items = {rt.newInt(c.hits), rt.newInt(c.misses), maxsize, rt.newInt(c.cache.size())};
        rt.charge(items.length);
        return rt.heap.alloc(new PyTuple(items, CACHE_INFO));
    }

    /** lru_cache_cache_clear: the list unlinked, the counts zeroed, the dict cleared, then the links released. */
    private static PyObject cacheClear(PyRuntime rt, PyLruCache c, Args a) {
        PyLruCache.Link[] unlinked = c.links.toArray(new PyLruCache.Link[0]);
        c.links.clear();
        c.hits = 0;
        c.misses = 0;
        c.cache.releaseReferences(rt.heap);
        for (PyLruCache.Link l : unlinked) rt.heap.decref(l);
        return PyRuntime.NONE;
    }
}
