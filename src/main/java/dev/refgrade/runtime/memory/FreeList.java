package dev.refgrade.runtime.memory;

/**
 * CPython 3.11's per-type free lists (Objects/listobject.c, dictobject.c, floatobject.c,
 * tupleobject.c): a dead object's memory is kept for the next object of its kind, last in first
 * out, up to a maximum; past it the memory goes back to the size-class allocator. SLICE is the
 * interpreter's one-slot slice_cache (Objects/sliceobject.c: slice_dealloc keeps the dead slice when
 * the slot is empty, PySlice_New takes it back), which startup leaves holding a slice.
 */
public enum FreeList {
    NONE(0), LIST(80), DICT(80), FLOAT(100), TUPLE(2000), SLICE(1);

    final int max;

    FreeList(int max) {
        this.max = max;
    }
}
