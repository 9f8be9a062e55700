package dev.refgrade.runtime.memory;

import dev.refgrade.runtime.objects.PyObject;

/**
 * Objects CPython keeps in its executable's static data (builtin types, None, small ints, one-byte
 * strings, the empty tuple): they have fixed addresses, are never freed, and their reference counts
 * are the interpreter's business, so they are shared by every simulated run and never counted.
 */
public final class StaticObjects {
    private static long next = 0x55d1e8a40000L;

    private StaticObjects() {}

    public static synchronized <T extends PyObject> T place(T obj) {
        obj.addr = next;
        next += (obj.allocSize() + 15) & ~15;
        obj.refcnt = Heap.IMMORTAL;
        return obj;
    }
}
