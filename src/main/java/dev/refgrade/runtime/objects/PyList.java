package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.FreeList;
import dev.refgrade.runtime.memory.Heap;
import java.util.Arrays;
import java.util.function.Consumer;

/** list: a growable array of references. */
public final class PyList extends PyObject {
    public PyObject[] items;
    public int size;
    /**
     * gc.get_objects()'s list: CPython's holds the interpreter's own objects too (modules, code,
     * functions of the standard library), so its length is no figure the simulator can give.
     */
    public boolean lengthUnknowable;
    /**
     * CPython's ob_item capacity (what sys.getsizeof sees), kept as listobject.c's list_resize
     * over-allocates; -1 where the way this list was built is not modelled (getsizeof refuses it).
     */
    public int allocated = -1;
    /** ob_item is NULL (PyList_New(0), _list_clear), so list_extend preallocates exactly. */
    private boolean itemsNull;

    /** Takes ownership of one reference to each of the first {@code size} items. */
    public PyList(PyObject[] items, int size) {
        this.items = items;
        this.size = size;
    }

    /** PyList_New(n) and list_new_prealloc(n): exactly as many slots as items. */
    public PyList allocatedExactly() {
        allocated = size;
        itemsNull = size == 0;
        return this;
    }

    /** A list of n items that CPython built empty and appended to one by one: the capacity n appends leave. */
    public static PyList grownByAppends(PyList l) {
        int n = l.size;
        l.size = 0;
        l.allocated = 0;
        l.itemsNull = true;
        for (int k = 0; k < n; k++) {
            if (l.allocated <= l.size) l.resize(l.size + 1);
            l.size++;
        }
        return l;
    }

    /** list_preallocate_exact(n) on an empty list: n rounded up to even (pymalloc's 16-byte granularity). */
    public void preallocate(int n) {
        if (n <= 0) return;
        allocated = (n + 1) & ~1;
        itemsNull = false;
    }

    /** Whether ob_item is NULL: list_extend preallocates only then. */
    public boolean itemsNull() {
        return itemsNull;
    }

    /**
     * list_resize(newsize), given the size before the change: no change while newsize is between
     * half the capacity and the capacity; otherwise newsize + newsize/8 + 6 rounded down to 4,
     * or newsize rounded up to 4 when that would not even cover the growth; 0 frees the items.
     */
    public void resize(int newsize) {
        if (allocated < 0 || allocated >= newsize && newsize >= (allocated >> 1)) return;
        int grown = (newsize + (newsize >> 3) + 6) & ~3;
        if (newsize - size > grown - newsize) grown = (newsize + 3) & ~3;
        allocated = newsize == 0 ? 0 : grown;
        itemsNull = false;
    }

    public int size() {
        return size;
    }

    public PyObject get(int i) {
        return items[i];
    }

    @Override
    public PyType type() {
        return PyType.LIST;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    @Override
    public int allocSize() {
        return 16 + 40;
    }

    @Override
    public FreeList freeList() {
        return FreeList.LIST;
    }

    /** list_dealloc uses the trashcan. */
    @Override
    public boolean usesTrashcan() {
        return true;
    }

    /** list_traverse visits the items last to first. */
    @Override
    public void traverse(Consumer<PyObject> visit) {
        for (int i = size - 1; i >= 0; i--) if (items[i] != null) visit.accept(items[i]);
    }

    /** Appends as _PyList_AppendTakeRef (list.append, LIST_APPEND): into a free slot, else list_resize(n + 1). */
    public void appendOwned(PyObject item) {
        if (allocated <= size) resize(size + 1);
        store(item);
    }

    /** Appends without resizing: the caller made room as list_extend does. */
    public void appendPrepared(PyObject item) {
        store(item);
    }

    private void store(PyObject item) {
        if (size == items.length) items = Arrays.copyOf(items, Math.max(4, size + (size >> 3) + 6));
        items[size++] = item;
    }

    /** ins1: list_resize(n + 1) even when a slot is free, which can shrink an over-allocated list. */
    public void insertOwned(int at, PyObject item) {
        resize(size + 1);
        store(item);
        System.arraycopy(items, at, items, at + 1, size - 1 - at);
        items[at] = item;
    }

    /**
     * Removes and returns the item, handing its reference to the caller: list.pop of the last item
     * is list_resize(n - 1); any other removal is list_ass_slice, which frees the items when none is left.
     */
    public PyObject removeAt(int at) {
        if (at == size - 1) resize(size - 1);
        else shrinkBy(1);
        return take(at);
    }

    /** del l[i], list.remove: list_ass_slice(i, i + 1), whichever item it is. */
    public PyObject deleteAt(int at) {
        shrinkBy(1);
        return take(at);
    }

    /** list_ass_slice's capacity for d fewer items: _list_clear when none is left, else list_resize. */
    private void shrinkBy(int d) {
        if (size - d == 0) {
            if (allocated >= 0) allocated = 0;
            itemsNull = true;
        } else resize(size - d);
    }

    /** The extended-slice deletion's single list_resize(n) once the items have gone. */
    public void settle() {
        resize(size);
    }

    /** Removes the item without any change of capacity (an extended-slice deletion, settled after). */
    public PyObject take(int at) {
        PyObject item = items[at];
        System.arraycopy(items, at + 1, items, at, size - at - 1);
        items[--size] = null;
        return item;
    }

    /** Replaces items [lo, hi) by {@code owned}, then releases the old ones last to first (list_ass_slice). */
    public void replaceSlice(Heap heap, int lo, int hi, PyObject[] owned) {
        PyObject[] recycle = Arrays.copyOfRange(items, lo, hi);
        int newSize = size - (hi - lo) + owned.length;
        if (newSize == 0 || newSize < size) shrinkBy(size - newSize); // list_ass_slice: clear, or shrink after the memmove
        else if (newSize > size) resize(newSize);
        PyObject[] next = new PyObject[Math.max(newSize, 4)];
        System.arraycopy(items, 0, next, 0, lo);
        System.arraycopy(owned, 0, next, lo, owned.length);
        System.arraycopy(items, hi, next, lo + owned.length, size - hi);
        items = next;
        size = newSize;
        for (int k = recycle.length - 1; k >= 0; k--) heap.decref(recycle[k]);
    }

    /** list_clear and list_dealloc both release items last to first. */
    @Override
    public void releaseReferences(Heap heap) {
        PyObject[] old = items;
        int n = size;
        items = new PyObject[0];
        size = 0;
        if (allocated >= 0) allocated = 0;
        itemsNull = true;
        for (int i = n - 1; i >= 0; i--) heap.xdecref(old[i]);
    }
}
