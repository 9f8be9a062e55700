package dev.refgrade.runtime.eval;

import dev.refgrade.runtime.objects.PyCell;
import dev.refgrade.runtime.objects.PyCode;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyObject;

/** One activation of a code object: its local slots, cells, and where its names resolve. */
public final class Frame {
    public final PyCode code;
    public final PyDict globals;
    /** The namespace of module and class bodies (LOAD_NAME); null in functions. */
    public final PyDict locals;
    public final PyObject[] fast;
    public final PyCell[] cells;
    /** The function being run, owned by the frame as f_func; null for module and class bodies. */
    public PyObject func;
    /** The value a `return` produced, owned, until the caller takes it. */
    PyObject retval;
    public int line;
    /** frame_obj: the frame object made for this activation, owned; null until something asks for it. */
    public dev.refgrade.runtime.objects.PyFrame frameObj;
    /** The caller's frame while this one runs (a generator's changes with each resumption). */
    public Frame back;
    /**
     * The iterators this frame's loops hold on its value stack, outermost first (borrowed): what a
     * suspended generator's frame keeps alive besides its locals, and the collector sees.
     */
    public final java.util.ArrayList<PyObject> stack = new java.util.ArrayList<>(2);
    /**
     * frame->f_locals of a function frame: the dict PyFrame_FastToLocals keeps refreshing (locals(),
     * f_locals), owned; null until first asked for. It lives on the interpreter frame, so locals()
     * makes no frame object, and _PyFrame_Clear drops it after the local slots.
     */
    public PyDict snapshot;
    /**
     * What a class body's STORE_NAME calls instead of a plain dict store when its namespace is not an
     * exact dict (PyObject_SetItem on the metaclass's __prepare__ result, enum's _EnumDict); null otherwise.
     */
    public NamespaceStore namespaceStore;

    /** A namespace's __setitem__: takes the value's reference. */
    public interface NamespaceStore {
        void store(dev.refgrade.runtime.objects.PyStr key, PyObject value);
    }

    /** The generator whose frame this is; null for other frames. */
    public dev.refgrade.runtime.objects.PyGenerator generator;

    Frame(PyCode code, PyDict globals, PyDict locals, Frame back) {
        this.code = code;
        this.globals = globals;
        this.locals = locals;
        this.fast = new PyObject[code.nlocals];
        this.cells = new PyCell[code.cellNames.size() + code.freeNames.size()];
        this.back = back;
        this.line = code.firstLine;
    }

    /**
     * 3.14 (LOAD_FAST_BORROW, gh-130704): the parameters that hold the caller's local without a
     * reference of their own, the caller's frame outliving this one; null when none do.
     */
    boolean[] borrowed;

    /** The local slots in order, then the cells: how _PyFrame_Clear and frame_dealloc release them. */
    public void clearSlots(dev.refgrade.runtime.memory.Heap heap) {
        clearSlots(heap, false);
    }

    /**
     * With {@code lastFirst}, as 3.14's _PyFrame_ClearLocals pops the frame's localsplus like a
     * stack: the cells last to first, then the local slots last to first.
     */
    void clearSlots(dev.refgrade.runtime.memory.Heap heap, boolean lastFirst) {
        if (lastFirst) {
            for (int i = cells.length - 1; i >= 0; i--) clearCell(heap, i);
            for (int i = fast.length - 1; i >= 0; i--) clearFast(heap, i);
        } else {
            for (int i = 0; i < fast.length; i++) clearFast(heap, i);
            for (int i = 0; i < cells.length; i++) clearCell(heap, i);
        }
        PyDict s = snapshot;
        snapshot = null;
        heap.xdecref(s);
    }

    private void clearFast(dev.refgrade.runtime.memory.Heap heap, int i) {
        PyObject v = fast[i];
        fast[i] = null;
        release(heap, i, v);
    }

    private void clearCell(dev.refgrade.runtime.memory.Heap heap, int i) {
        PyObject c = cells[i];
        cells[i] = null;
        heap.xdecref(c);
    }

    /** Lets go of what slot {@code i} held: a borrowed reference is not this frame's to drop. */
    void release(dev.refgrade.runtime.memory.Heap heap, int i, PyObject old) {
        if (borrowed != null && i < borrowed.length && borrowed[i]) {
            borrowed[i] = false;
            return;
        }
        heap.xdecref(old);
    }

    /** A borrowed reference escaping into the heap (a generator's frame, a frame object that outlives the call) becomes strong. */
    void makeStrong(dev.refgrade.runtime.memory.Heap heap) {
        if (borrowed == null) return;
        for (int i = 0; i < borrowed.length; i++) {
            if (borrowed[i] && fast[i] != null) heap.incref(fast[i]);
        }
        borrowed = null;
    }
}
