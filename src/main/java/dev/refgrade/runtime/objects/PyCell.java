package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/** A cell: the box a closure shares with the frame that defined the variable. */
public final class PyCell extends PyObject {
    public PyObject contents;

    @Override
    public PyType type() {
        return PyType.CELL;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    @Override
    public int allocSize() {
        return 16 + 24;
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (contents != null) visit.accept(contents);
    }

    @Override
    public void releaseReferences(Heap heap) {
        PyObject c = contents;
        contents = null;
        heap.xdecref(c);
    }
}
