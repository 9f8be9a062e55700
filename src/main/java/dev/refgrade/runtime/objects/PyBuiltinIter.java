package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/**
 * The lazy iterators the builtins module makes (Objects/enumobject.c, Python/bltinmodule.c,
 * Objects/iterobject.c): each holds what it draws from and, for enumerate and zip, the result
 * tuple it reuses when nobody else holds it.
 */
public final class PyBuiltinIter extends PyObject {
    /** Which iterator, with its type and the size of its C struct (GC header included). */
    public enum Kind {
        // enumobject: en_index, en_sit, en_result, en_longindex and 3.11's cached `one`, with the GC header.
        ENUMERATE("enumerate", 72), ZIP("zip", 64), MAP("map", 48), FILTER("filter", 48),
        CALLABLE("callable_iterator", 48), REVERSED("reversed", 48);

        public final PyType type;
        final int size;

        Kind(String name, int size) {
            this.type = PyType.newBuiltin(name, PyType.OBJECT);
            this.size = size;
        }
    }

    public final Kind kind;
    /**
     * What it draws from, owned, in the order its tp_traverse visits them: enumerate's iterator,
     * zip's tuple of iterators, map's tuple of iterators and function, filter's iterator and
     * function, a callable iterator's callable and sentinel, reversed's sequence. Null once cleared.
     */
    public PyObject first, second;
    /** enumerate's and zip's result tuple, owned; null for the others. */
    public PyTuple result;
    /** enumerate's next index; reversed's next position. */
    public long index;
    /** zip(strict=True). */
    public boolean strict;

    public PyBuiltinIter(Kind kind, PyObject first, PyObject second, PyTuple result) {
        this.kind = kind;
        this.first = first;
        this.second = second;
        this.result = result;
    }

    @Override
    public PyType type() {
        return kind.type;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    @Override
    public int allocSize() {
        return kind.size;
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (first != null) visit.accept(first);
        if (result != null) visit.accept(result);
        if (second != null) visit.accept(second);
    }

    /** Each type's dealloc: filter drops its function before its iterator; the others go in traverse order. */
    @Override
    public void releaseReferences(Heap heap) {
        PyObject a = first, b = second, r = result;
        first = second = null;
        result = null;
        if (kind == Kind.FILTER) {
            heap.xdecref(b);
            heap.xdecref(a);
        } else {
            heap.xdecref(a);
            heap.xdecref(r);
            heap.xdecref(b);
        }
    }
}
