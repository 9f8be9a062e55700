package dev.refgrade.runtime.memory;

/**
 * CPython 3.11's per-type free lists (Objects/listobject.c, dictobject.c, floatobject.c,
 * tupleobject.c): a dead object's memory is kept for the next object of its kind, last in first
 * out, up to a maximum; past it the memory goes back to the size-class allocator.
 */
public enum FreeList {
    NONE(0), LIST(80), DICT(80), FLOAT(100), TUPLE(2000);

    final int max;

    FreeList(int max) {
        this.max = max;
    }
}
