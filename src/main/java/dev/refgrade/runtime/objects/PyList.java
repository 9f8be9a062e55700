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

    /** Takes ownership of one reference to each of the first {@code size} items. */
    public PyList(PyObject[] items, int size) {
        this.items = items;
        this.size = size;
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

    @Override
    public void traverse(Consumer<PyObject> visit) {
        for (int i = 0; i < size; i++) visit.accept(items[i]);
    }

    /** Appends, taking ownership of the caller's reference. */
    public void appendOwned(PyObject item) {
        if (size == items.length) items = Arrays.copyOf(items, Math.max(4, size + (size >> 3) + 6));
        items[size++] = item;
    }

    public void insertOwned(int at, PyObject item) {
        appendOwned(item);
        System.arraycopy(items, at, items, at + 1, size - 1 - at);
        items[at] = item;
    }

    /** Removes and returns the item, handing its reference to the caller. */
    public PyObject removeAt(int at) {
        PyObject item = items[at];
        System.arraycopy(items, at + 1, items, at, size - at - 1);
        items[--size] = null;
        return item;
    }

    /** Replaces items [lo, hi) by {@code owned}, then releases the old ones last to first (list_ass_slice). */
    public void replaceSlice(Heap heap, int lo, int hi, PyObject[] owned) {
        PyObject[] recycle = Arrays.copyOfRange(items, lo, hi);
        int newSize = size - (hi - lo) + owned.length;
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
        for (int i = n - 1; i >= 0; i--) heap.xdecref(old[i]);
    }
}
