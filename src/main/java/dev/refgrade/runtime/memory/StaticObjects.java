package dev.refgrade.runtime.memory;

import dev.refgrade.runtime.objects.PyObject;

/**
 * Objects CPython keeps in its executable's static data (builtin types, None, small ints, one-byte
 * strings, the empty tuple): they have fixed addresses, are never freed, and their reference counts
 * are the interpreter's business, so they are shared by every simulated run and never counted.
 */
public final class StaticObjects {
    static final long BASE = 0x55d1e8a40000L;
    private static long next = BASE;

    private StaticObjects() {}

    /** Whether {@code address} is one a static object has (or the next one will have). */
    static synchronized boolean holds(long address) {
        return address >= BASE && address < next + (1 << 20);
    }

    public static synchronized <T extends PyObject> T place(T obj) {
        obj.addr = next;
        next += (obj.allocSize() + 15) & ~15;
        obj.refcnt = Heap.IMMORTAL;
        return obj;
    }
}
