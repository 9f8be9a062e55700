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
public class PyDict extends PyObject {
    private static final int EMPTY = -1, DUMMY = -2;
    // The entries hold at most two thirds of the index's size (USABLE_FRACTION), so a probe always ends.
    public PyObject[] keys = new PyObject[5];
    public PyObject[] values = new PyObject[5];
    long[] hashes = new long[5];
    public int entries;
    public int used;
    /**
     * Entries dict_popitem took back from dk_nentries without giving them back to dk_usable ("we
     * can't dk_usable++ since there is DKIX_DUMMY in indices"): the table fills up that much sooner.
     */
    private int popped;
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
    /** ma_keys is Py_EMPTY_KEYS, the shared keys of every empty dict PyDict_New makes (no table of its own). */
    private boolean emptyKeys = true;
    /** dk_kind: DICT_KEYS_UNICODE while every key is an exact str, whose entries carry no hash. */
    private boolean unicodeKeys = true;
    /**
     * Whether this dict's keys table is sized as CPython sizes it, which sys.getsizeof shows: true
     * for dicts built by the paths modelled (literals, comprehensions, dict(), copies); false for
     * namespaces, instance dicts (split tables) and whatever else, whose size is refused.
     */
    public boolean sizeModelled;

    @Override
    public PyType type() {
        return PyType.DICT;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    /**
     * The __main__ namespace, which in CPython also holds __builtins__, a module the collector tracks:
     * tracked from the start (in the oldest generation, as startup's collections left it) and never
     * untracked by a full collection, whatever the program stores in it.
     */
    public boolean holdsInterpreterObjects;

    /** What CPython's __main__ starts with besides __name__, which the simulator's namespace does not hold. */
    public static final java.util.List<String> MAIN_STARTS_WITH = java.util.List.of("__annotations__", "__builtins__",
            "__cached__", "__doc__", "__file__", "__loader__", "__package__", "__spec__");

    /**
     * Refuses {@code what} of the main module's namespace, which holds only the program's names and
     * __name__: CPython's __main__ also starts with __builtins__, __doc__, __file__, __loader__,
     * __spec__, __package__, __cached__ and __annotations__, so a listing of it would leave them out.
     */
    public void refuseListing(dev.refgrade.runtime.eval.PyRuntime rt, String what) {
        if (holdsInterpreterObjects) {
            throw rt.refusal(what + " of the main module's namespace (CPython's also holds __builtins__, __doc__, __file__,"
                    + " __loader__ and other names the simulator does not model)");
        }
    }

    /**
     * PyDict_New returns an untracked dict; MAINTAIN_TRACKING tracks it when it first holds a
     * container. dict_new tracks an instance of a subclass at once (PyType_GenericAlloc).
     */
    @Override
    public boolean trackedAtCreation() {
        return type() != PyType.DICT;
    }

    @Override
    public int allocSize() {
        return 16 + 48;
    }

    /** dict_dealloc keeps only exact dicts on its free list; a subclass's memory goes back through tp_free. */
    @Override
    public FreeList freeList() {
        return type() == PyType.DICT ? FreeList.DICT : FreeList.NONE;
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
                    if (startKeyEquals(rt, k, key)) return ix;
                    if (before != version) throw rt.error(PyExc.RUNTIME_ERROR, "dictionary changed size during iteration");
                }
            }
            perturb >>>= 5;
            i = (int) ((i * 5L + perturb + 1) & mask);
        }
    }

    /**
     * The lookups of dicts and sets compare a stored key with the one looked for holding a reference
     * of their own to the stored one (Py_INCREF(startkey)), which its __eq__ sees.
     */
    static boolean startKeyEquals(PyRuntime rt, PyObject startKey, PyObject key) {
        rt.heap.incref(startKey);
        try {
            return rt.ops.eq(startKey, key);
        } finally {
            rt.heap.decref(startKey);
        }
    }

    public PyObject getBorrowed(PyRuntime rt, PyObject key) {
        int ix = find(rt, key, rt.ops.keyHash(key));
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
        if (!(key instanceof PyInstance)) {
            putOwned(rt, key, value, rt.ops.keyHash(key), track);
            return;
        }
        // PyDict_SetItem takes its references to the key and the value before it hashes the key, so
        // a __hash__ or __eq__ of the program's sees one more of each than the caller's alone.
        Heap heap = rt.heap;
        heap.incref(key);
        heap.incref(value);
        try {
            putOwned(rt, key, value, rt.ops.keyHash(key), track);
        } finally {
            heap.decref(key);
            heap.decref(value);
        }
    }

    /** _PyDict_SetItem_KnownHash: as {@link #put} (both borrowed) with the key's hash already computed, so __hash__ is not called again. */
    public void putKnownHash(PyRuntime rt, PyObject key, PyObject value, long hash) {
        rt.heap.incref(value);
        if (!(key instanceof PyInstance)) {
            putOwned(rt, key, value, hash, true);
            return;
        }
        // insertdict is given its reference to the key first, which an __eq__ of the program's sees.
        rt.heap.incref(key);
        try {
            putOwned(rt, key, value, hash, true);
        } finally {
            rt.heap.decref(key);
        }
    }

    private void putOwned(PyRuntime rt, PyObject key, PyObject value, long hash, boolean track) {
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
        boolean str = key.type() == PyType.STR;
        if (emptyKeys) {
            // insert_to_emptydict: a table of 8 of the key's kind.
            emptyKeys = false;
            unicodeKeys = str;
        } else if (!str && unicodeKeys) {
            // insertdict: a non-str key turns the table general, through insertion_resize.
            resize(used * 3);
            unicodeKeys = false;
        }
        // insertion_resize when dk_usable is spent: GROWTH_RATE, ma_used * 3.
        if (entries + popped == keys.length) resize(used * 3);
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

    /** dictresize(calculate_log2_keysize(minsize)). */
    private void resize(int minsize) {
        resizeTo(keysize(minsize));
    }

    /**
     * calculate_log2_keysize: 1 << bit_length(((minsize | 8) - 1) | 7), which is 8 only for 0 and 8,
     * 16 for 1..7 and 9..16, and otherwise the power of two above minsize - 1.
     */
    private static int keysize(int minsize) {
        int m = ((minsize | 8) - 1) | 7;
        return 1 << (32 - Integer.numberOfLeadingZeros(m));
    }

    /** estimate_log2_keysize(n): calculate_log2_keysize((n * 3 + 1) / 2). */
    private static int estimateSize(int n) {
        return keysize((n * 3 + 1) / 2);
    }

    /** dict_new_presized(n, unicode) for a display of n items: Py_EMPTY_KEYS up to 5, else a table for n. */
    public PyDict presized(int n, boolean unicode) {
        sizeModelled = true;
        if (n <= 5) return this;
        emptyKeys = false;
        unicodeKeys = unicode;
        resizeTo(estimateSize(n));
        return this;
    }

    /**
     * dict_merge's sizing of this dict before taking {@code other}'s entries: an empty dict clones a
     * clean, compact other's table outright (clone_combined_dict_keys); otherwise one resize for both
     * when other's entries would not fit.
     */
    public void prepareMerge(PyDict other) {
        if (other == this || other.used == 0) return;
        if (used == 0 && other.entries == other.used && !other.emptyKeys
                && (other.index.length == 8 || other.index.length / 2 * 2 / 3 < other.used)) {
            emptyKeys = false;
            unicodeKeys = other.unicodeKeys;
            resizeTo(other.index.length);
            popped = other.popped; // clone_combined_dict_keys copies dk_usable as it is
            sizeModelled &= other.sizeModelled;
            return;
        }
        sizeModelled &= other.sizeModelled;
        int usableNow = emptyKeys ? 0 : index.length * 2 / 3;
        if (usableNow < other.used) {
            boolean unicode = other.unicodeKeys && (emptyKeys || unicodeKeys);
            emptyKeys = false;
            unicodeKeys = unicode;
            resizeTo(estimateSize(used + other.used));
        }
    }

    /** dictresize(estimate_log2_keysize(n), unicode): _PyDict_FromKeys' table for the n keys of a dict or a set. */
    public void resizeForKeys(int n, boolean unicode) {
        emptyKeys = false;
        unicodeKeys = unicode;
        resizeTo(estimateSize(n));
    }

    /** DK_IS_UNICODE: whether the table is the kind that holds only str keys. */
    public boolean unicodeTable() {
        return unicodeKeys;
    }

    public long hashAt(int i) {
        return hashes[i];
    }

    /** A dict made where CPython makes one with PyDict_New: empty keys, and sized from here on as CPython sizes it. */
    public PyDict modelled() {
        sizeModelled = true;
        return this;
    }

    /**
     * PyDict_Copy: a combined dict at least two thirds full of its entries is cloned with its table
     * (holes included, which this model does not keep: such a copy's size is left unmodelled);
     * otherwise the copy is a new dict merged from this one. Returns whether it was cloned.
     */
    public boolean cloneTableInto(PyDict copy) {
        if (used == 0 || entries * 2 / 3 > used) return false;
        copy.emptyKeys = false;
        copy.unicodeKeys = unicodeKeys;
        copy.resizeTo(index.length);
        copy.popped = popped; // clone_combined_dict_keys copies dk_usable as it is
        copy.sizeModelled = sizeModelled && entries == used;
        return true;
    }

    /**
     * dict.update(**kw): the keywords arrive as a dict _PyStack_AsDict presized for n str keys,
     * which dict_merge then merges (cloned into an empty dict, else one resize if they will not fit).
     */
    public void prepareKeywordMerge(int n) {
        if (n == 0) return;
        int kwSize = n <= 5 ? 8 : estimateSize(n);
        if (used == 0) {
            emptyKeys = false;
            unicodeKeys = true;
            resizeTo(kwSize);
            return;
        }
        if (index.length * 2 / 3 < n) {
            resizeTo(estimateSize(used + n));
        }
    }

    /** dk_size: the index's slots (8 for Py_EMPTY_KEYS). */
    protected final int indexSize() {
        return index.length;
    }

    /** _PyDict_SizeOf plus the GC header: the object, and its keys table unless that is Py_EMPTY_KEYS. */
    public long sizeOf() {
        if (emptyKeys) return allocSize();
        int size = index.length, log2 = Integer.numberOfTrailingZeros(size);
        long indexBytes = (long) size << (log2 < 8 ? 0 : log2 < 16 ? 1 : log2 < 32 ? 2 : 3);
        return allocSize() + 32 + indexBytes + (long) (size * 2 / 3) * (unicodeKeys ? 16 : 24);
    }

    private void resizeTo(int size) {
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
        popped = 0;
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

    /**
     * dict_popitem: the last live entry taken out, its key and value handed to the caller, and
     * dk_nentries moved back to it (dropping the holes after it too) while dk_usable stays. The dict
     * must not be empty.
     */
    public PyObject[] popLast() {
        int i = entries - 1;
        while (keys[i] == null) i--;
        PyObject[] kv = {keys[i], values[i]};
        keys[i] = null;
        values[i] = null;
        index[slotOf(i)] = DUMMY;
        popped += entries - i;
        entries = i;
        used--;
        version++;
        return kv;
    }

    /** Removes {@code key}'s entry and hands its value's reference to the caller; null if absent. */
    public PyObject pop(PyRuntime rt, PyObject key) {
        int ix = find(rt, key, rt.ops.keyHash(key));
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

    /** dict_traverse: a str-keyed table's values alone (its keys cannot be in a cycle), else each value then its key. */
    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (embeddedValues) return;
        for (int i = 0; i < entries; i++) {
            if (keys[i] == null) continue;
            visit.accept(values[i]);
            if (!unicodeKeys) visit.accept(keys[i]);
        }
    }

    /** The values alone, as an instance reports its inline values (their str keys are shared and never visited). */
    public void traverseValues(Consumer<PyObject> visit) {
        for (int i = 0; i < entries; i++) if (keys[i] != null) visit.accept(values[i]);
    }

    /** dict_dealloc and PyDict_Clear release each entry's key then value, first entry to last. */
    @Override
    public void releaseReferences(Heap heap) {
        clearEntries(heap);
    }

    /** PyDict_Clear: back to empty keys, then the old entries released; what a subclass holds besides stays. */
    public final void clearEntries(Heap heap) {
        PyObject[] k = keys, v = values;
        int n = entries;
        keys = new PyObject[5];
        values = new PyObject[5];
        hashes = new long[5];
        index = emptyIndex(8);
        entries = used = popped = 0;
        emptyKeys = true; // PyDict_Clear: back to Py_EMPTY_KEYS
        unicodeKeys = true;
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
