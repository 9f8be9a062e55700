package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.eval.Frame;
import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/**
 * A frame object (PyFrameObject). 3.11 makes one only when something asks for it, a traceback
 * first of all. While its frame runs the frame owns the locals; if the object outlives the run,
 * it takes them over (take_ownership in frameobject.c), so every local stays alive with it.
 */
public final class PyFrame extends PyObject {
    public static final PyType TYPE = PyType.newBuiltin("frame", PyType.OBJECT);

    public final Frame frame;
    /** FRAME_OWNED_BY_FRAME_OBJECT: the run is over and this object holds the locals. */
    public boolean owned;
    /** f_back, stored (and owned) only once the frame is owned; computed while it runs. */
    public PyFrame back;
    /** frame->f_locals: a function frame's snapshot dict once f_locals was read; the namespace once owned. */
    public PyObject locals;
    /** f_code, owned once the frame is. */
    public PyCode code;

    public PyFrame(Frame frame) {
        this.frame = frame;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    /** _PyFrame_New_NoTrack: tracked only when it takes the locals over. */
    @Override
    public boolean trackedAtCreation() {
        return false;
    }

    /** frame_dealloc goes through the trashcan. */
    @Override
    public boolean usesTrashcan() {
        return true;
    }

    /** GC header, PyFrameObject with its _PyInterpreterFrame (120 bytes) and a slot per local and cell. */
    @Override
    public int allocSize() {
        return 16 + 120 + 8 * (frame.fast.length + frame.cells.length);
    }

    /** frame_traverse: f_back; the frame's own references only once this object owns them. */
    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (back != null) visit.accept(back);
        if (!owned) return;
        if (locals != null) visit.accept(locals);
        if (frame.snapshot != null) visit.accept(frame.snapshot);
        if (frame.func != null) visit.accept(frame.func);
        if (code != null) visit.accept(code);
        for (PyObject v : frame.fast) if (v != null) visit.accept(v);
        for (PyObject v : frame.cells) if (v != null) visit.accept(v);
    }

    /** frame_dealloc: function, f_locals, the local slots in order, f_back, and the code last. */
    @Override
    public void releaseReferences(Heap heap) {
        PyObject l = locals;
        locals = null;
        if (owned) {
            PyObject fn = frame.func;
            frame.func = null;
            heap.xdecref(fn);
        }
        heap.xdecref(l);
        if (owned) frame.clearSlots(heap);
        PyFrame b = back;
        back = null;
        heap.xdecref(b);
        PyCode c = code;
        code = null;
        heap.xdecref(c);
    }

    /** frame_tp_clear: the local slots only. */
    @Override
    public void clearForCollector(Heap heap) {
        if (owned) frame.clearSlots(heap);
    }
}
