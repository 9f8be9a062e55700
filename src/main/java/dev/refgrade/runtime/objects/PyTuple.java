package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.FreeList;
import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/** tuple: fixed items, tracked at creation and untracked by the collector once it holds only atomics. */
public final class PyTuple extends PyObject {
    public final PyObject[] items;
    /** tuple, or a subclass the simulator builds in (a namedtuple such as functools' CacheInfo). */
    private final PyType cls;

    /** Takes ownership of one reference to each item. */
    public PyTuple(PyObject[] items) {
        this(items, PyType.TUPLE);
    }

    public PyTuple(PyObject[] items, PyType cls) {
        this.items = items;
        this.cls = cls;
    }

    /**
     * The items iterators' result reuse (dictiter_iternextitem, odictiter_iternext): while only the
     * iterator holds this pair, it is refilled with the owned key and value and handed out again,
     * tracked anew (bpo-42536: the collector may have untracked it); null when someone else holds it.
     */
    public PyTuple refillPair(Heap heap, PyObject key, PyObject value) {
        if (refcnt != 1) return null;
        PyObject oldKey = items[0], oldValue = items[1];
        items[0] = key;
        items[1] = value;
        heap.incref(this);
        heap.decref(oldKey);
        heap.decref(oldValue);
        heap.track(this);
        return this;
    }

    public int size() {
        return items.length;
    }

    public PyObject get(int i) {
        return items[i];
    }

    @Override
    public PyType type() {
        return cls;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    @Override
    public boolean refcountKnowable() {
        return items.length > 0;
    }

    @Override
    public int allocSize() {
        return 16 + 24 + 8 * items.length;
    }

    @Override
    public FreeList freeList() {
        // A subclass is allocated by tp_alloc, never from tuple's free lists.
        return cls == PyType.TUPLE ? FreeList.TUPLE : FreeList.NONE;
    }

    /** tupleobject.c keeps a free list per length, for lengths 1..19 only; () is a singleton. */
    @Override
    public int freeListBucket() {
        return items.length >= 1 && items.length < 20 ? items.length : -1;
    }

    /** tupledealloc uses the trashcan. */
    @Override
    public boolean usesTrashcan() {
        return true;
    }

    /** subtype_traverse visits a heap class (a namedtuple's) before tupletraverse's items. */
    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (cls.heapType) visit.accept(cls);
        // tupletraverse visits the items last to first; a tuple being filled (zip) has holes.
        for (int i = items.length - 1; i >= 0; i--) if (items[i] != null) visit.accept(items[i]);
    }

    /** tupledealloc releases items last to first; subtype_dealloc then drops the instance's heap class. */
    @Override
    public void releaseReferences(Heap heap) {
        for (int i = items.length - 1; i >= 0; i--) {
            PyObject item = items[i];
            items[i] = null;
            heap.xdecref(item);
        }
        if (cls.heapType) heap.decref(cls);
    }

    /**
     * Nothing: PyTuple_Type has no tp_clear (a tuple cannot be in a cycle without a mutable object,
     * which the collector clears instead), and subtype_clear of a namedtuple finds no __dict__. So a
     * class's __bases__ keeps its bases alive until the class itself goes.
     */
    @Override
    public void clearForCollector(Heap heap) {}
}
