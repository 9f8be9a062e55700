package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/**
 * A traceback entry (PyTracebackObject): made each time an exception reaches a frame, it holds
 * the frame object, and so everything the frame holds, and the entry for the frame it came from.
 */
public final class PyTraceback extends PyObject {
    public static final PyType TYPE = PyType.newBuiltin("traceback", PyType.OBJECT);

    public PyTraceback next;
    public PyObject frame;
    public final int lineno;
    /** Where in the line the failing instruction stands (its co_positions), or null if unknown. */
    public final CodePosition position;

    /** Takes ownership of {@code next} and {@code frame}. */
    public PyTraceback(PyTraceback next, PyObject frame, int lineno, CodePosition position) {
        this.next = next;
        this.frame = frame;
        this.lineno = lineno;
        this.position = position;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    /** tb_dealloc goes through the trashcan. */
    @Override
    public boolean usesTrashcan() {
        return true;
    }

    /** GC header and PyTracebackObject: next, frame, lasti and lineno. */
    @Override
    public int allocSize() {
        return 16 + 40;
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (next != null) visit.accept(next);
        if (frame != null) visit.accept(frame);
    }

    /** tb_dealloc: tb_next, then tb_frame. */
    @Override
    public void releaseReferences(Heap heap) {
        PyObject n = next, f = frame;
        next = null;
        frame = null;
        heap.xdecref(n);
        heap.xdecref(f);
    }

    /** tb_clear: only the frame. */
    @Override
    public void clearForCollector(Heap heap) {
        PyObject f = frame;
        frame = null;
        heap.xdecref(f);
    }
}
