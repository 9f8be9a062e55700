package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/**
 * set and frozenset, with CPython's open-addressing table (Objects/setobject.c): linear probes then
 * perturbation, so iteration order matches CPython's wherever hashes do (ints, for one).
 */
public final class PySet extends PyObject {
    private static final int LINEAR_PROBES = 9;
    private static final PyObject DUMMY = new PyStr("<dummy>");

    public static boolean isDummy(PyObject o) {
        return o == DUMMY;
    }
    public final boolean frozen;
    public PyObject[] table = new PyObject[8];
    long[] hashes = new long[8];
    int fill;
    public int used;
    public int version;
    /** Whether a member's hash was drawn from the world (PyRuntime.worldHashes): then so is the table's order. */
    private boolean worldHashed;
    /** Whether one was an address (PyRuntime.addressHashes). */
    private boolean addressHashed;
    /** set_pop's search start, kept between pops so repeated pops do not rescan the front of the table. */
    private int finger;

    public PySet(boolean frozen) {
        this.frozen = frozen;
    }

    @Override
    public PyType type() {
        return frozen ? PyType.FROZENSET : PyType.SET;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    @Override
    public int allocSize() {
        return 16 + 200;
    }

    @Override
    public boolean weaklyReferenceable() {
        return true;
    }

    public int size() {
        return used;
    }

    /** The slot holding {@code key}, or -1. */
    int find(PyRuntime rt, PyObject key, long hash) {
        int j = probe(hash, i -> table[i] == null || table[i] == key
                || table[i] != DUMMY && hashes[i] == hash && PyDict.startKeyEquals(rt, table[i], key));
        return table[j] == null ? -1 : j;
    }

    /** Walks a hash's probe sequence, linear probes then perturbation, to the first slot {@code stop} accepts. */
    private int probe(long hash, java.util.function.IntPredicate stop) {
        int mask = table.length - 1;
        long perturb = hash;
        int i = (int) (hash & mask);
        while (true) {
            int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
            for (int j = i; j <= i + probes; j++) if (stop.test(j)) return j;
            perturb >>>= 5;
            i = (int) ((i * 5L + 1 + perturb) & mask);
        }
    }

    public boolean contains(PyRuntime rt, PyObject key) {
        return find(rt, key, rt.ops.elementHash(key)) >= 0;
    }

    /** Adds a borrowed key; an equal member already there stays. */
    public void add(PyRuntime rt, PyObject key) {
        long drawn = rt.worldHashes(), placed = rt.addressHashes();
        long hash = rt.ops.elementHash(key);
        if (rt.worldHashes() != drawn) worldHashed = true;
        if (rt.addressHashes() != placed) addressHashed = true;
        // set_add_entry takes its reference before it probes, so an __eq__ of the program's sees it.
        rt.heap.incref(key);
        if (find(rt, key, hash) >= 0) {
            rt.heap.decref(key);
            return;
        }
        used++;
        version++;
        if (!reuseDummy(key, hash)) {
            insertClean(key, hash);
            fill++;
        }
        int mask = table.length - 1;
        if ((long) fill * 5 >= (long) mask * 3) resize(used > 50000 ? used * 2 : used * 4);
        if (used >= 2 && !rt.setOrderFollowsHashSeed && hashedFromText(key)) rt.setOrderFollowsHashSeed = true;
        // Two members, one placed by a hash of the world: iteration, pop, repr and the order members
        // are freed in (set_dealloc walks the table) can all differ in another world.
        if (used >= 2 && worldHashed) rt.observeHashes(addressHashed);
    }

    /** A key whose hash CPython seeds per process: str and bytes, and the tuples and frozensets that hold one. */
    private static boolean hashedFromText(PyObject key) {
        return switch (key) {
            case PyStr s -> true;
            case PyBytes b -> true;
            case PyTuple t -> java.util.Arrays.stream(t.items).anyMatch(PySet::hashedFromText);
            case PySet s -> java.util.Arrays.stream(s.table).anyMatch(k -> k != null && k != DUMMY && hashedFromText(k));
            default -> false;
        };
    }

    /**
     * set_add_entry's freeslot: a key not present goes into the last deleted slot its probe path
     * passed before the first empty one (each dummy seen overwrites freeslot).
     */
    private boolean reuseDummy(PyObject key, long hash) {
        int[] last = {-1};
        probe(hash, i -> {
            if (table[i] == DUMMY) last[0] = i;
            return table[i] == null;
        });
        if (last[0] < 0) return false;
        table[last[0]] = key;
        hashes[last[0]] = hash;
        return true;
    }

    private void insertClean(PyObject key, long hash) {
        int j = probe(hash, i -> table[i] == null);
        table[j] = key;
        hashes[j] = hash;
    }

    private void resize(int minUsed) {
        int size = 8;
        while (size <= minUsed) size <<= 1;
        PyObject[] old = table;
        long[] oldHashes = hashes;
        table = new PyObject[size];
        hashes = new long[size];
        fill = used;
        for (int i = 0; i < old.length; i++) {
            if (old[i] != null && old[i] != DUMMY) insertClean(old[i], oldHashes[i]);
        }
    }

    /**
     * set_merge: adding another set's members, in its table order, after first growing this table
     * for both, which is why a set built from a set can iterate differently from one built by adds.
     */
    public void merge(PyRuntime rt, PySet other) {
        if (other == this || other.used == 0) return;
        growFor(other.used);
        if (fill == 0 && table.length == other.table.length && other.fill == other.used) {
            copyTable(rt, other);
            return;
        }
        for (int i = other.nextSlot(0); i < other.table.length; i = other.nextSlot(i + 1)) add(rt, other.table[i]);
    }

    /**
     * set_merge into an empty table of the other's size, the other without dummies: its pointers copied
     * slot for slot, so this set iterates exactly as the other does, whatever order re-adding would give.
     */
    private void copyTable(PyRuntime rt, PySet other) {
        for (int i = 0; i < table.length; i++) {
            if (other.table[i] == null) continue;
            table[i] = rt.heap.newRef(other.table[i]);
            hashes[i] = other.hashes[i];
            if (!rt.setOrderFollowsHashSeed && other.used >= 2 && hashedFromText(table[i])) rt.setOrderFollowsHashSeed = true;
        }
        fill = other.fill;
        used = other.used;
        version++;
        worldHashed |= other.worldHashed;
        addressHashed |= other.addressHashed;
        if (used >= 2 && worldHashed) rt.observeHashes(addressHashed);
    }

    /** The one resize set_merge and set_update_internal (of an exact dict) make before adding n keys. */
    public void growFor(int n) {
        int mask = table.length - 1;
        if ((long) (fill + n) * 5 >= (long) mask * 3) resize((used + n) * 2);
    }

    /** Removes a member equal to {@code key}; returns whether one was there. */
    public boolean discard(PyRuntime rt, PyObject key) {
        int slot = find(rt, key, rt.ops.elementHash(key));
        if (slot < 0) return false;
        PyObject old = table[slot];
        table[slot] = DUMMY;
        hashes[slot] = -1;
        used--;
        version++;
        rt.heap.decref(old);
        return true;
    }

    /** The end of set_difference_update_internal: a table more than a quarter dummies is rebuilt without them. */
    public void purgeDummies() {
        if (fill - used <= (table.length - 1) / 4) return;
        resize(used > 50000 ? used * 2 : used * 4);
    }

    /** set_swap_bodies: this set takes other's table and counts, other takes this one's. */
    public void swapBodies(PySet other) {
        PyObject[] t = table;
        table = other.table;
        other.table = t;
        long[] h = hashes;
        hashes = other.hashes;
        other.hashes = h;
        int f = fill, u = used;
        fill = other.fill;
        used = other.used;
        other.fill = f;
        other.used = u;
        boolean w = worldHashed, a = addressHashed;
        worldHashed = other.worldHashed;
        other.worldHashed = w;
        addressHashed = other.addressHashed;
        other.addressHashed = a;
        version++;
        other.version++;
    }

    /** set_pop: the first live slot from the finger on (wrapping), left a dummy; the key's reference goes to the caller. */
    public PyObject pop() {
        int mask = table.length - 1, i = finger & mask;
        while (table[i] == null || table[i] == DUMMY) i = (i + 1) & mask;
        PyObject key = table[i];
        table[i] = DUMMY;
        hashes[i] = -1;
        used--;
        version++;
        finger = i + 1;
        return key;
    }

    public long hashAt(int i) {
        return hashes[i];
    }

    /** The next live slot at or after {@code i}; {@code table.length} when none. */
    public int nextSlot(int i) {
        while (i < table.length && (table[i] == null || table[i] == DUMMY)) i++;
        return i;
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        for (PyObject k : table) if (k != null && k != DUMMY) visit.accept(k);
    }

    @Override
    public void releaseReferences(Heap heap) {
        PyObject[] old = table;
        table = new PyObject[8];
        hashes = new long[8];
        fill = used = 0;
        finger = 0;
        version++;
        for (PyObject k : old) if (k != null && k != DUMMY) heap.decref(k);
    }

    /** set_dealloc uses the trashcan. */
    @Override
    public boolean usesTrashcan() {
        return true;
    }
}
