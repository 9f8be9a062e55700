package dev.refgrade.runtime.memory;

import dev.refgrade.runtime.objects.PyObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Live objects by address, so ctypes can read the count at an address: open addressing over
 * primitive longs. A HashMap keyed by boxed addresses allocated a Long per object, and since
 * addresses are 16-byte aligned its buckets collided into trees; this table hashes the block
 * number, so every allocation and free is one probe or two.
 */
public final class AddressTable {
    private long[] keys = new long[64];
    private PyObject[] values = new PyObject[64];
    private int size;

    PyObject get(long addr) {
        for (int i = slot(addr, keys.length); keys[i] != 0; i = (i + 1) & (keys.length - 1)) {
            if (keys[i] == addr) return values[i];
        }
        return null;
    }

    /** Adds a new live object; its address is not in the table (an address holds one object at a time). */
    void put(long addr, PyObject obj) {
        if (2 * (size + 1) > keys.length) grow();
        int i = slot(addr, keys.length);
        while (keys[i] != 0) i = (i + 1) & (keys.length - 1);
        keys[i] = addr;
        values[i] = obj;
        size++;
    }

    void remove(long addr) {
        int mask = keys.length - 1;
        int i = slot(addr, keys.length);
        while (keys[i] != addr) {
            if (keys[i] == 0) return;
            i = (i + 1) & mask;
        }
        // Backward-shift deletion: pull later entries of the run into the hole, so lookups need no tombstones.
        for (int j = (i + 1) & mask; keys[j] != 0; j = (j + 1) & mask) {
            int home = slot(keys[j], keys.length);
            if (((j - home) & mask) >= ((j - i) & mask)) {
                keys[i] = keys[j];
                values[i] = values[j];
                i = j;
            }
        }
        keys[i] = 0;
        values[i] = null;
        size--;
    }

    /** Every live object, lowest address first: a stable order for reports that list them. */
    public List<PyObject> inAddressOrder() {
        List<PyObject> all = new ArrayList<>(size);
        for (PyObject v : values) if (v != null) all.add(v);
        // A lambda of our own, not Comparator.comparingLong's: the JDK's serializable one is spun anew in every process.
        all.sort((a, b) -> Long.compare(a.addr, b.addr));
        return all;
    }

    private void grow() {
        long[] oldKeys = keys;
        PyObject[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new PyObject[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) if (oldKeys[i] != 0) put(oldKeys[i], oldValues[i]);
    }

    /** Fibonacci hashing of the 16-byte block number: consecutive blocks spread over the table. */
    private static int slot(long addr, int length) {
        return (int) (((addr >>> 4) * 0x9E3779B97F4A7C15L) >>> (64 - Integer.numberOfTrailingZeros(length)));
    }
}
