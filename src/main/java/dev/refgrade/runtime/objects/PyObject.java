package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.FreeList;
import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/**
 * A simulated CPython object. Its address, reference count and collector links belong to the
 * {@link Heap}: only the heap writes them, so every count change goes through one place.
 */
public abstract class PyObject {
    public long addr;
    public long refcnt;
    /** Collector state: the generation list this object is linked into, or {@link Heap#UNTRACKED}. */
    public byte gen = Heap.UNTRACKED;
    /** CPython's _PyGC_FINALIZED bit: __del__ runs at most once per object, even after resurrection. */
    public boolean finalized;
    public PyObject gcPrev, gcNext;
    /** Working count of the cycle collector (CPython's gc_refs), meaningful only during a collection. */
    public long gcRefs;

    public abstract PyType type();

    public final long address() {
        return addr;
    }

    public final long refcount() {
        return refcnt;
    }

    public final boolean isTracked() {
        return gen != Heap.UNTRACKED;
    }

    /** Whether CPython allocates this object with a GC header (PyObject_IS_GC). */
    public boolean isGcType() {
        return false;
    }

    /** Whether tp_alloc tracks it at once; dicts, for one, start untracked and are tracked when needed. */
    public boolean trackedAtCreation() {
        return isGcType();
    }

    /**
     * Whether CPython would report the same reference count for this object in every run. Objects
     * the interpreter itself shares (None, small ints, interned strings, types) are not.
     */
    public boolean refcountKnowable() {
        return true;
    }

    /**
     * Whether CPython 3.12+ makes this object immortal (PEP 683): the static singletons, small ints,
     * one-character strings, the empty tuple and static builtin types, which the simulator shares
     * between runs with a count it never changes. Builtin functions and method descriptors share
     * that count here but are mortal objects in CPython.
     */
    public boolean immortal() {
        return refcnt >= dev.refgrade.runtime.memory.Heap.IMMORTAL;
    }

    /** The bytes CPython's allocator is asked for: the object, its GC header and any pre-header. */
    public abstract int allocSize();

    /** Which of CPython's per-type free lists takes this object's memory when it dies. */
    public FreeList freeList() {
        return FreeList.NONE;
    }

    /** Which of its kind's free lists, for a kind with one per size (tuples); -1 when none takes it. */
    public int freeListBucket() {
        return 0;
    }

    /**
     * Whether its tp_dealloc goes through the trashcan (Py_TRASHCAN_BEGIN/END), so that freeing a
     * deep structure of it is set aside past 50 levels instead of recursing.
     */
    public boolean usesTrashcan() {
        return false;
    }

    /** tp_traverse: every strong reference this object holds, in CPython's visiting order. */
    public void traverse(Consumer<PyObject> visit) {}

    /**
     * tp_dealloc's release of what this object holds, in CPython's order (list items last to
     * first, dict entries first to last, ...). Called once, when the object dies.
     */
    public void releaseReferences(Heap heap) {}

    /** tp_clear: drops the references that could form cycles, so the collector can break them. */
    public void clearForCollector(Heap heap) {
        releaseReferences(heap);
    }

    /** Whether its tp_dealloc clears weak references before calling the finalizer (gen_dealloc does). */
    public boolean clearsWeakrefsBeforeFinalizer() {
        return false;
    }

    /** Whether this object is the kind weakref.ref accepts (its type has a weaklist slot). */
    public boolean weaklyReferenceable() {
        return false;
    }
}
