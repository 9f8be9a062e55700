package dev.refgrade.runtime.eval;

import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.PyBaseExc;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyFrame;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyTraceback;
import dev.refgrade.runtime.objects.PyTuple;
import java.util.ArrayList;
import java.util.List;

/**
 * The thread state's exception machinery: the stack of exceptions being handled (exc_info), the
 * traceback entry each frame adds (PyTraceBack_Here), implicit chaining, and frame objects.
 */
public final class ExceptionState {
    private final PyRuntime rt;
    private final Heap heap;
    /** exc_info: the exceptions handlers are running for, innermost last; each holds a reference. */
    private final List<PyBaseExc> handled = new ArrayList<>();

    ExceptionState(PyRuntime rt) {
        this.rt = rt;
        this.heap = rt.heap;
    }

    /**
     * `except E: raise New(...)` in library Python done in Java: {@code raise} runs while
     * {@code caught} is handled, so the exception it makes gets it as __context__.
     */
    public PyException raiseWhileHandling(PyException caught, java.util.function.Supplier<PyException> raise) {
        PyBaseExc v = caught(caught);
        push(v);
        heap.decref(v);
        try {
            PyException e = raise.get();
            chainContext(e);
            return e;
        } finally {
            pop();
        }
    }

    /** _PyErr_GetTopmostException: the exception being handled, borrowed; null if none. */
    public PyBaseExc topmost() {
        return handled.isEmpty() ? null : handled.get(handled.size() - 1);
    }

    /** PUSH_EXC_INFO: the handled exception becomes the thread's current one. */
    void push(PyBaseExc v) {
        handled.add(heap.newRef(v));
    }

    /** POP_EXCEPT: the one handled before comes back. */
    void pop() {
        heap.decref(handled.remove(handled.size() - 1));
    }

    /**
     * A resumed generator's gi_exc_state goes on top of the resumer's exc_info chain; returns the
     * mark to cut it off at when the generator suspends. The references move with the entries.
     */
    int attach(List<PyBaseExc> saved) {
        int mark = handled.size();
        handled.addAll(saved);
        saved.clear();
        return mark;
    }

    /** The entries above {@code mark}, taken off the chain into the generator's saved state. */
    void detach(int mark, List<PyBaseExc> into) {
        List<PyBaseExc> above = handled.subList(mark, handled.size());
        into.addAll(above);
        above.clear();
    }

    /**
     * {@code e}, leaving library code done in Java that CPython runs as the Python of {@code file}
     * (Lib/copy.py, say): printed uncaught, its traceback would show that file's installed path and
     * lines, so TracebackText refuses it. The innermost such file is kept.
     */
    public PyException throughLibrary(PyException e, String file) {
        PyBaseExc v = materialize(e);
        if (v.libraryFile == null) v.libraryFile = file;
        return e;
    }

    /** What {@code work} returns, done as the Python of {@code file}: an exception leaving it is marked so (above). */
    public <T> T throughLibrary(String file, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (PyException e) {
            throw throughLibrary(e, file);
        }
    }

    /** _PyErr_NormalizeException: the instance of a lazily raised exception, made now; borrowed. */
    public PyBaseExc materialize(PyException e) {
        if (e.value == null) {
            PyTuple args;
            if (e.argument != null) {
                args = rt.newTuple(e.argument);
                e.argument = null;
            } else if (e.pyMessage == null || e.pyMessage.isEmpty()) {
                args = PyRuntime.EMPTY_TUPLE;
            } else {
                args = rt.newTuple(rt.newStr(e.pyMessage));
            }
            e.value = dev.refgrade.runtime.objects.ExceptionMethods.instance(rt, e.excType, args);
            e.value.obj = e.obj;
            e.value.name = e.name;
            e.obj = null;
            e.name = null;
        }
        return e.value;
    }

    /**
     * _PyErr_SetObject's implicit chaining: raised while another is handled, the exception gets it
     * as __context__, after any cycle the context chain would form through it is cut.
     */
    void chainContext(PyException e) {
        if (e.contextSet) return;
        e.contextSet = true;
        PyBaseExc ctx = topmost();
        if (ctx == null) return;
        PyBaseExc value = materialize(e);
        if (ctx == value) return;
        for (PyObject o = ctx; o instanceof PyBaseExc x && x.context != null; o = x.context) {
            if (x.context == value) {
                x.context = null;
                heap.decref(value);
                break;
            }
        }
        PyObject old = value.context;
        value.context = heap.newRef(ctx);
        heap.xdecref(old);
    }

    /**
     * The error label of ceval: the exception reached frame {@code f}, which adds its traceback
     * entry for the instruction it came out of, making the frame object if there was none.
     */
    void traceHere(PyException e, Frame f) {
        e.needsTraceback = false;
        // Raised while another is handled, the exception is normalized at once, before its traceback.
        if (!handled.isEmpty()) chainContext(e);
        e.contextSet = true;
        PyFrame fo = frameObject(f);
        var pos = e.position;
        e.position = null;
        int line = pos != null ? pos.line() : f.line;
        e.tb = heap.alloc(new PyTraceback(e.tb, heap.newRef(fo), line, pos));
    }

    /** exception_unwind finding a handler: the instance, now holding the traceback, as an owned reference. */
    public PyBaseExc caught(PyException e) {
        PyBaseExc v = materialize(e);
        e.value = null;
        PyObject tb = e.tb;
        e.tb = null;
        PyObject old = v.traceback;
        v.traceback = tb;
        heap.xdecref(old);
        return v;
    }

    /** RERAISE and bare `raise`: the instance goes on with the traceback it holds, adding no entry here. */
    PyException reraise(PyBaseExc owned) {
        PyTraceback tb = owned.traceback instanceof PyTraceback t ? heap.newRef(t) : null;
        PyException e = new PyException(owned, tb);
        e.needsTraceback = false;
        e.contextSet = true;
        return e;
    }

    /**
     * _PyErr_FormatFromCause: a RuntimeError whose __cause__ and __context__ are the exception
     * caught (PEP 479's StopIteration leaving a generator, an error in __set_name__ in 3.11).
     */
    public PyException fromCause(PyException caught, String message) {
        PyBaseExc cause = caught(caught);
        PyException e = rt.error(PyExc.RUNTIME_ERROR, message);
        chainContext(e);
        PyBaseExc v = materialize(e);
        PyObject oldCause = v.cause, oldContext = v.context;
        v.cause = cause;
        v.suppressContext = true;
        v.context = heap.newRef(cause);
        heap.xdecref(oldCause);
        heap.xdecref(oldContext);
        return e;
    }

    /** _PyFrame_GetFrameObject: the frame's object, made on first request and held by the frame. */
    public PyFrame frameObject(Frame f) {
        if (f.frameObj == null) f.frameObj = heap.alloc(new PyFrame(f));
        return f.frameObj;
    }

    /**
     * The start of _PyFrame_Clear: a frame object something else still holds takes over the
     * frame's locals, function and code, and links to its caller's object; true if it did.
     */
    boolean releaseFrameObject(Frame f) {
        PyFrame fo = f.frameObj;
        if (fo == null) return false;
        f.frameObj = null;
        boolean taken = fo.refcnt > 1;
        if (taken) {
            fo.owned = true;
            fo.code = heap.newRef(f.code);
            if (f.locals != null && fo.locals == null) fo.locals = heap.newRef(f.locals);
            if (f.back != null) fo.back = heap.newRef(frameObject(f.back));
            heap.track(fo);
        }
        heap.decref(fo);
        return taken;
    }
}
