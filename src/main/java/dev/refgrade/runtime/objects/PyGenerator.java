package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.eval.Frame;
import dev.refgrade.runtime.memory.Heap;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A generator (PyGenObject): the frame of a generator function's call, kept inside the object,
 * with its locals, between the turns in which it runs. What the frame holds is the generator's
 * until the frame completes and is cleared (gen_traverse, gen_dealloc in Objects/genobject.c).
 */
public final class PyGenerator extends PyObject {
    public static final PyType TYPE = PyType.newBuiltin("generator", PyType.OBJECT);

    /** gi_frame_state: FRAME_CREATED, FRAME_SUSPENDED, FRAME_EXECUTING, FRAME_COMPLETED/CLEARED. */
    public enum State { CREATED, SUSPENDED, RUNNING, CLEARED }

    /** The frame, owned (its locals, cells and f_func) until the body completes. */
    public final Frame frame;
    /** gi_code, owned. */
    public PyCode code;
    /** gi_name (the function's __name__), owned. */
    public PyStr name;
    /** gi_qualname, owned. */
    public PyStr qualnameObject;
    public final String qualname;
    public State state = State.CREATED;
    /** gi_exc_state: the exceptions the body was handling when it last suspended, innermost last, owned. */
    public List<PyBaseExc> handled = new ArrayList<>();
    /** gi_yieldfrom: the iterator a `yield from` suspended in delegates to, borrowed from the value stack. */
    public PyObject yieldFrom;
    /** The eval loop's side of the generator: its thread, once it ran; null before. */
    public Runner runner;

    /** The thread of a body that ran: unwinding it releases what its statements hold (the value stack). */
    public interface Runner {
        void unwind();
    }

    public PyGenerator(Frame frame, PyCode code, PyStr name, PyStr qualname) {
        this.frame = frame;
        this.code = code;
        this.name = name;
        this.qualnameObject = qualname;
        this.qualname = qualname.value;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    @Override
    public boolean weaklyReferenceable() {
        return true;
    }

    @Override
    public boolean clearsWeakrefsBeforeFinalizer() {
        return true;
    }

    /**
     * GC header, the PyGenObject fields up to gi_iframe (80 bytes), then the frame inline: its
     * specials (9 words), a word per local and cell, and the value stack, which CPython's compiler
     * sizes; two words stand for it here.
     */
    @Override
    public int allocSize() {
        return 16 + 80 + 8 * (9 + frame.fast.length + frame.cells.length + 2);
    }

    /** gen_traverse: gi_code, gi_name, then the frame (_PyFrame_Traverse) while not cleared, then gi_exc_state. */
    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (code != null) visit.accept(code);
        if (name != null) visit.accept(name);
        if (qualnameObject != null) visit.accept(qualnameObject);
        if (state != State.CLEARED) {
            PyFrame fo = frame.frameObj;
            if (fo != null) visit.accept(fo);
            if (frame.snapshot != null) visit.accept(frame.snapshot);
            if (frame.func != null) visit.accept(frame.func);
            if (code != null) visit.accept(code);
            for (PyObject v : frame.fast) if (v != null) visit.accept(v);
            for (PyObject v : frame.cells) if (v != null) visit.accept(v);
            for (PyObject v : frame.stack) visit.accept(v);
        }
        for (PyBaseExc e : handled) visit.accept(e);
    }

    /** gen_dealloc, after any finalizer: the frame if not cleared (_PyFrame_Clear), then gi_code, gi_name. */
    @Override
    public void releaseReferences(Heap heap) {
        if (state != State.CLEARED) {
            state = State.CLEARED;
            releaseFrame(heap);
        }
        for (PyBaseExc e : handled) heap.decref(e);
        handled.clear();
        PyCode c = code;
        code = null;
        heap.xdecref(c);
        PyStr n = name, q = qualnameObject;
        name = null;
        qualnameObject = null;
        heap.xdecref(n);
        heap.xdecref(q);
    }

    /** _PyFrame_Clear of a frame that never ran or is suspended: its object, its locals in order, f_func. */
    private void releaseFrame(Heap heap) {
        PyFrame fo = frame.frameObj;
        frame.frameObj = null;
        if (fo != null) {
            if (fo.refcnt > 1) {
                // take_ownership: the frame object something else holds keeps the locals.
                fo.owned = true;
                fo.code = heap.newRef(frame.code);
                heap.track(fo);
                heap.decref(fo);
                if (runner != null) runner.unwind();
                return;
            }
            heap.decref(fo);
        }
        frame.clearSlots(heap);
        if (runner != null) runner.unwind();
        PyObject fn = frame.func;
        frame.func = null;
        heap.xdecref(fn);
    }

    /** PyGen_Type has no tp_clear: the collector breaks a cycle through a generator by finalizing it. */
    @Override
    public void clearForCollector(Heap heap) {}
}
