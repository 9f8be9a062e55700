package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/**
 * operator.itemgetter, attrgetter and methodcaller (Modules/_operator.c): callables that hold what
 * they look up. Their types are heap types of _operator in CPython, so tp_traverse visits the type.
 */
public final class PyOperatorGetter extends PyObject {
    public enum Kind {
        ITEM("itemgetter", 48), ATTR("attrgetter", 40), METHOD("methodcaller", 40);

        public final String name;
        public final PyType type;
        /** tp_basicsize: the struct without the GC header. */
        final int basicSize;

        Kind(String name, int basicSize) {
            this.name = name;
            this.type = PyType.newLibraryClass("operator." + name, PyType.OBJECT);
            this.basicSize = basicSize;
        }
    }

    public final Kind kind;
    /**
     * Owned. itemgetter: its one item, or the tuple of its items; attrgetter: the tuple of its names,
     * a dotted one as the tuple of its parts; methodcaller: the method's name.
     */
    public final PyObject held;
    /** methodcaller's arguments and keywords, owned; null for the others. */
    public final PyTuple args;
    public final PyDict kwargs;
    /** itemgetter: how many items (1 returns the item itself, more a tuple). */
    public final int nitems;

    public PyOperatorGetter(Kind kind, PyObject held, int nitems, PyTuple args, PyDict kwargs) {
        this.kind = kind;
        this.held = held;
        this.nitems = nitems;
        this.args = args;
        this.kwargs = kwargs;
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
        return 16 + kind.basicSize;
    }

    /** itemgetter_traverse and attrgetter_traverse: the type, then what they hold; methodcaller_traverse: name, args, kwds, type. */
    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (kind == Kind.METHOD) {
            visit.accept(held);
            visit.accept(args);
            visit.accept(kwargs);
            visit.accept(type());
        } else if (kind == Kind.ITEM) {
            visit.accept(type());
            visit.accept(held);
        } else {
            visit.accept(held);
            visit.accept(type());
        }
    }

    @Override
    public void releaseReferences(Heap heap) {
        heap.decref(held);
        heap.xdecref(args);
        heap.xdecref(kwargs);
    }
}
