package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/**
 * A deque's forward or reverse iterator (dequeiterobject): it holds the deque until it dies, counts
 * the items still to give, and stops with RuntimeError once the deque's state moved.
 */
public final class PyDequeIter extends PyObject {
    public static final PyType FORWARD = PyType.newBuiltin("_collections._deque_iterator", PyType.OBJECT);
    public static final PyType REVERSE = PyType.newBuiltin("_collections._deque_reverse_iterator", PyType.OBJECT);

    private final boolean reverse;
    /** Owned until the iterator dies. */
    private PyDeque deque;
    private final long state;
    /** Items given so far and items left. */
    private int index, counter;

    public PyDequeIter(PyDeque deque, boolean reverse) {
        this.deque = deque;
        this.reverse = reverse;
        this.state = deque.state;
        this.counter = deque.items.size();
    }

    @Override
    public PyType type() {
        return reverse ? REVERSE : FORWARD;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    /** GC header, object header, block pointer, index, deque, state and counter. */
    @Override
    public int allocSize() {
        return 16 + 16 + 40;
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (deque != null) visit.accept(deque);
    }

    @Override
    public void releaseReferences(Heap heap) {
        PyDeque d = deque;
        deque = null;
        heap.xdecref(d);
    }

    /** dequeiter_next / dequereviter_next: a new reference, or null at the end. */
    public PyObject next(PyRuntime rt) {
        if (deque.state != state) {
            counter = 0;
            throw rt.error(PyExc.RUNTIME_ERROR, "deque mutated during iteration");
        }
        if (counter == 0) return null;
        counter--;
        PyObject item = deque.items.get(reverse ? deque.items.size() - 1 - index : index);
        index++;
        return rt.heap.newRef(item);
    }
}
