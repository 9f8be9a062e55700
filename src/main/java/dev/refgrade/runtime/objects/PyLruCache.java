package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * functools._lru_cache_wrapper (Modules/_functoolsmodule.c's lru_cache_object): the user function,
 * the cache dict, the hit and miss counts, and for a bounded cache its links, oldest first. With
 * maxsize None the dict maps each key straight to the result; bounded, to a link holding key and
 * result, so a cached key has two references from the cache and a result one either way.
 */
public final class PyLruCache extends PyObject {
    public static final PyType TYPE = PyType.newBuiltin("functools._lru_cache_wrapper", PyType.OBJECT);

    /** All owned. */
    public PyObject func;
    public PyDict cache;
    /** The instance __dict__ update_wrapper fills; null until the first attribute is set. */
    public PyDict dict;
    /** -1 for None (infinite_lru_cache_wrapper), 0 for uncached_lru_cache_wrapper. */
    public final long maxsize;
    public final boolean typed;
    public long hits, misses;
    /** The linked list (root.next is the oldest); each link's creator reference is the list's. */
    public final ArrayDeque<Link> links = new ArrayDeque<>();

    public PyLruCache(PyObject func, PyDict cache, long maxsize, boolean typed) {
        this.func = func;
        this.cache = cache;
        this.maxsize = maxsize;
        this.typed = typed;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    @Override
    public boolean weaklyReferenceable() {
        return true;
    }

    /** GC header and lru_cache_object: its root link (56), the wrapper, typed, cache ... dict, weakreflist. */
    @Override
    public int allocSize() {
        return 16 + 152;
    }

    /** lru_cache_tp_traverse: each link's result (not its key), then the cache, the function, the dict. */
    @Override
    public void traverse(Consumer<PyObject> visit) {
        for (Link l : links) visit.accept(l.result);
        if (cache != null) visit.accept(cache);
        if (func != null) visit.accept(func);
        if (dict != null) visit.accept(dict);
    }

    /** lru_cache_tp_clear: the cache dict, the function and the dict first, the unlinked links last. */
    @Override
    public void releaseReferences(Heap heap) {
        Link[] unlinked = links.toArray(new Link[0]);
        links.clear();
        PyObject c = cache, f = func, d = dict;
        cache = null;
        func = null;
        dict = null;
        heap.xdecref(c);
        heap.xdecref(f);
        heap.xdecref(d);
        for (Link l : unlinked) heap.decref(l);
    }

    /** lru_list_elem: not a GC object; the cache dict's value for its key. */
    public static final class Link extends PyObject {
        public static final PyType TYPE = PyType.newBuiltin("functools._lru_list_elem", PyType.OBJECT);

        public long hash;
        /** Owned. */
        public PyObject key, result;

        public Link(long hash, PyObject key, PyObject result) {
            this.hash = hash;
            this.key = key;
            this.result = result;
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        /** PyObject_HEAD, prev and next, hash, key and result. */
        @Override
        public int allocSize() {
            return 16 + 40;
        }

        /** lru_list_elem_dealloc: key, then result. */
        @Override
        public void releaseReferences(Heap heap) {
            PyObject k = key, r = result;
            key = null;
            result = null;
            heap.xdecref(k);
            heap.xdecref(r);
        }
    }
}
