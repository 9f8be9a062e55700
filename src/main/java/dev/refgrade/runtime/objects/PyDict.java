package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.FreeList;
import dev.refgrade.runtime.memory.Heap;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * dict, laid out as CPython's compact dict: entries in insertion order (deleted ones leave holes)
 * and a hash index over them. A key keeps the object first inserted under it.
 */
public final class PyDict extends PyObject {
    private static final int EMPTY = -1, DUMMY = -2;
    // The entries hold at most two thirds of the index's size (USABLE_FRACTION), so a probe always ends.
    public PyObject[] keys = new PyObject[5];
    public PyObject[] values = new PyObject[5];
    long[] hashes = new long[5];
    public int entries;
    public int used;
    private int[] index = emptyIndex(8);
    /** Bumped on every change of size, so iterators can refuse a dict changed under them. */
    public int version;
    /** Set on an instance's attribute storage until `__dict__` is asked for (3.11 inline values). */
    public boolean inlineValues;
    /**
     * gh-115776 (3.13): a materialized instance dict whose values are still the instance's inline
     * values. The instance reports them to the collector and the dict does not (dict_traverse skips
     * embedded values, PyObject_VisitManagedDict visits the values instead of the dict), and an
     * attribute store writes them without tracking the dict. Cleared when the instance lets go of
     * the dict (_PyDict_DetachFromObject: the dict then owns the values).
     */
    public boolean embeddedValues;

    @Override
    public PyType type() {
        return PyType.DICT;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    /** PyDict_New returns an untracked dict; MAINTAIN_TRACKING tracks it when it first holds a container. */
    @Override
    public boolean trackedAtCreation() {
        return false;
    }

    @Override
    public int allocSize() {
        return 16 + 48;
    }

    @Override
    public FreeList freeList() {
        return FreeList.DICT;
    }

    /** dict_dealloc uses the trashcan. */
    @Override
    public boolean usesTrashcan() {
        return true;
    }

    public int size() {
        return used;
    }

    private static int[] emptyIndex(int n) {
        int[] idx = new int[n];
        Arrays.fill(idx, EMPTY);
        return idx;
    }

    /** The entry index of {@code key}, or -1. */
    public int find(PyRuntime rt, PyObject key, long hash) {
        int mask = index.length - 1;
        long perturb = hash;
        int i = (int) (hash & mask);
        while (true) {
            int ix = index[i];
            if (ix == EMPTY) return -1;
            if (ix >= 0) {
                PyObject k = keys[ix];
                if (k == key) return ix;
                if (hashes[ix] == hash) {
                    int before = version;
                    if (rt.ops.eq(k, key)) return ix;
                    if (before != version) throw rt.error(PyExc.RUNTIME_ERROR, "dictionary changed size during iteration");
                }
            }
            perturb >>>= 5;
            i = (int) ((i * 5L + perturb + 1) & mask);
        }
    }

    public PyObject getBorrowed(PyRuntime rt, PyObject key) {
        int ix = find(rt, key, rt.ops.hash(key));
        return ix < 0 ? null : values[ix];
    }

    /** Stores {@code value} (borrowed) under {@code key} (borrowed); an equal key already there stays. */
    public void put(PyRuntime rt, PyObject key, PyObject value) {
        rt.heap.incref(value);
        putOwned(rt, key, value);
    }

    /** As {@link #put}, taking over the caller's reference to {@code value}. */
    public void putOwned(PyRuntime rt, PyObject key, PyObject value) {
        putOwned(rt, key, value, true);
    }

    /** An instance attribute store (borrowed value): into embedded values it never tracks the dict. */
    public void putAttribute(PyRuntime rt, PyStr name, PyObject value) {
        rt.heap.incref(value);
        putOwned(rt, name, value, !embeddedValues);
    }

    private void putOwned(PyRuntime rt, PyObject key, PyObject value, boolean track) {
        long hash = rt.ops.hash(key);
        int ix = find(rt, key, hash);
        Heap heap = rt.heap;
        // insertdict: MAINTAIN_TRACKING comes first, whether the key is new or its value replaced.
        if (track) maintainTracking(heap, key, value);
        if (ix >= 0) {
            PyObject old = values[ix];
            values[ix] = value;
            heap.decref(old);
            return;
        }
        heap.incref(key);
        insertNew(key, value, hash);
    }

    private void insertNew(PyObject key, PyObject value, long hash) {
        if (entries == keys.length) resize(used * 3);
        keys[entries] = key;
        values[entries] = value;
        hashes[entries] = hash;
        placeInIndex(hash, entries);
        entries++;
        used++;
        version++;
    }

    private void placeInIndex(long hash, int ix) {
        int mask = index.length - 1;
        long perturb = hash;
        int i = (int) (hash & mask);
        while (index[i] >= 0) {
            perturb >>>= 5;
            i = (int) ((i * 5L + perturb + 1) & mask);
        }
        index[i] = ix;
    }

    private void resize(int minUsed) {
        int size = 8;
        while (size * 2 / 3 < minUsed + 1) size <<= 1;
        int usable = size * 2 / 3;
        PyObject[] nk = new PyObject[usable], nv = new PyObject[usable];
        long[] nh = new long[usable];
        int n = 0;
        for (int i = 0; i < entries; i++) {
            if (keys[i] == null) continue;
            nk[n] = keys[i];
            nv[n] = values[i];
            nh[n] = hashes[i];
            n++;
        }
        keys = nk;
        values = nv;
        hashes = nh;
        entries = n;
        index = emptyIndex(size);
        for (int i = 0; i < n; i++) placeInIndex(hashes[i], i);
    }

    /** MAINTAIN_TRACKING: a dict is tracked once it holds anything that may be part of a cycle. */
    public void maintainTracking(Heap heap, PyObject key, PyObject value) {
        if (!isTracked() && !inlineValues && addr != 0 && (mayBeTracked(key) || mayBeTracked(value))) heap.track(this);
    }

    public static boolean mayBeTracked(PyObject o) {
        return o.isGcType() && (!(o instanceof PyTuple) || o.isTracked());
    }

    /** lookdict_index: the index slot holding entry {@code ix}, found along its hash's probe sequence. */
    private int slotOf(int ix) {
        int mask = index.length - 1;
        long perturb = hashes[ix];
        int i = (int) (hashes[ix] & mask);
        while (index[i] != ix) {
            perturb >>>= 5;
            i = (int) ((i * 5L + perturb + 1) & mask);
        }
        return i;
    }

    /** Removes the entry at {@code ix}, releasing the value and then the key (delitem_common). */
    public void removeEntry(Heap heap, int ix) {
        PyObject k = keys[ix], v = values[ix];
        keys[ix] = null;
        values[ix] = null;
        index[slotOf(ix)] = DUMMY;
        used--;
        version++;
        heap.decref(v);
        heap.decref(k);
    }

    /** Removes {@code key}'s entry and hands its value's reference to the caller; null if absent. */
    public PyObject pop(PyRuntime rt, PyObject key) {
        int ix = find(rt, key, rt.ops.hash(key));
        if (ix < 0) return null;
        PyObject v = values[ix];
        rt.heap.incref(v);
        removeEntry(rt.heap, ix);
        return v;
    }

    /** Entry iteration order; {@code i} walks 0..entries, skipping holes. */
    public int nextEntry(int i) {
        while (i < entries && keys[i] == null) i++;
        return i;
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (embeddedValues) return;
        for (int i = 0; i < entries; i++) {
            if (keys[i] == null) continue;
            visit.accept(keys[i]);
            visit.accept(values[i]);
        }
    }

    /** The values alone, as an instance reports its inline values (their str keys are shared and never visited). */
    public void traverseValues(Consumer<PyObject> visit) {
        for (int i = 0; i < entries; i++) if (keys[i] != null) visit.accept(values[i]);
    }

    /** dict_dealloc and PyDict_Clear release each entry's key then value, first entry to last. */
    @Override
    public void releaseReferences(Heap heap) {
        PyObject[] k = keys, v = values;
        int n = entries;
        keys = new PyObject[5];
        values = new PyObject[5];
        hashes = new long[5];
        index = emptyIndex(8);
        entries = used = 0;
        version++;
        for (int i = 0; i < n; i++) {
            if (k[i] == null) continue;
            heap.decref(k[i]);
            heap.decref(v[i]);
        }
    }

    public PyObject keyAt(int i) {
        return keys[i];
    }

    public PyObject valueAt(int i) {
        return values[i];
    }

    public int entryLimit() {
        return entries;
    }
}
