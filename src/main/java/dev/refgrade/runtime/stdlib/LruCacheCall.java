package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyLruCache;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyTuple;

/**
 * infinite_lru_cache_wrapper and bounded_lru_cache_wrapper: the key hashed once and every dict
 * call made with that known hash (so a key's __hash__ runs once per call), the user function
 * called with the packed arguments on a miss, the result stored.
 */
final class LruCacheCall {
    private LruCacheCall() {}

    /** Takes over the reference to {@code key}. */
    static PyObject cached(PyRuntime rt, PyLruCache c, PyObject key, PyTuple args, PyDict kwds) {
        Heap heap = rt.heap;
        try {
            long hash = rt.ops.hash(key);
            int ix = c.cache.find(rt, key, hash);
            if (ix >= 0) {
                PyObject found = c.cache.valueAt(ix);
                c.hits++;
                if (found instanceof PyLruCache.Link link) {
                    c.links.remove(link); // lru_cache_extract_link, then append: the most recent
                    c.links.addLast(link);
                    return heap.newRef(link.result);
                }
                return heap.newRef(found);
            }
            c.misses++;
            PyObject result = rt.interp.callPrepended(c.func, null, args.items, kwds);
            if (c.maxsize < 0) {
                try {
                    c.cache.putKnownHash(rt, key, result, hash);
                } catch (RuntimeException e) {
                    heap.decref(result);
                    throw e;
                }
                return result;
            }
            return store(rt, c, heap.newRef(key), hash, result);
        } finally {
            heap.decref(key);
        }
    }

    /**
     * The bounded miss: a key the call itself added wins; a cache with room gets a new link; a full
     * one evicts its oldest link from the dict and reuses it for the new key and result, the old key
     * and result released last. Takes over {@code key}; {@code result} is returned.
     */
    private static PyObject store(PyRuntime rt, PyLruCache c, PyObject key, long hash, PyObject result) {
        Heap heap = rt.heap;
        if (c.cache.find(rt, key, hash) >= 0) {
            heap.decref(key);
            return result;
        }
        if (c.cache.size() < c.maxsize || c.links.isEmpty()) {
            PyLruCache.Link link = heap.alloc(new PyLruCache.Link(hash, key, heap.newRef(result)));
            c.cache.putKnownHash(rt, key, link, hash);
            c.links.addLast(link);
            return result;
        }
        PyLruCache.Link link = c.links.removeFirst();
        int old = c.cache.find(rt, link.key, link.hash);
        PyObject popped = c.cache.valueAt(old);
        heap.incref(popped);
        c.cache.removeEntry(heap, old);
        PyObject oldKey = link.key, oldResult = link.result;
        link.hash = hash;
        link.key = key;
        link.result = heap.newRef(result);
        c.cache.putKnownHash(rt, key, link, hash);
        c.links.addLast(link);
        heap.decref(popped);
        heap.decref(oldKey);
        heap.decref(oldResult);
        return result;
    }
}
