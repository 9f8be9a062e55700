package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/**
 * An exception instance: CPython's PyBaseExceptionObject, whose fields hold its args, traceback,
 * cause and context as strong references, and whose __dict__ is made only when first written.
 */
public final class PyBaseExc extends PyObject {
    public final PyType cls;
    public PyDict dict;
    public PyTuple args;
    public PyObject traceback;
    public PyObject context;
    public PyObject cause;
    public boolean suppressContext;
    /**
     * AttributeError's obj and name, NameError's name: what a failed lookup was of, for the
     * traceback's suggestion; owned, null when unset (the attributes then read None).
     */
    public PyObject obj, name;
    /**
     * The Lib/*.py file whose code raised or passed on this exception where the simulator does that
     * code's work in Java (enum's class creation): CPython's traceback would show its frames; null otherwise.
     */
    public String libraryFile;

    /** Takes ownership of {@code args}. */
    public PyBaseExc(PyType cls, PyTuple args) {
        this.cls = cls;
        this.args = args;
    }

    @Override
    public PyType type() {
        return cls;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    @Override
    public boolean weaklyReferenceable() {
        return cls.heapType;
    }

    /** BaseException_dealloc goes through the trashcan. */
    @Override
    public boolean usesTrashcan() {
        return true;
    }

    /**
     * GC header and PyBaseExceptionObject (72 bytes), with PyAttributeErrorObject's obj and name or
     * PyNameErrorObject's name; a class statement's subclass adds a weaklist slot.
     */
    @Override
    public int allocSize() {
        int fields = cls.isSubtypeOf(PyExc.ATTRIBUTE_ERROR) ? 16 : cls.isSubtypeOf(PyExc.NAME_ERROR) ? 8 : 0;
        return 16 + 72 + fields + (cls.heapType ? 8 : 0);
    }

    /** BaseException_traverse: dict, args, notes, traceback, cause, context; a subclass also visits its class. */
    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (obj != null) visit.accept(obj); // AttributeError_traverse, NameError_traverse first
        if (name != null) visit.accept(name);
        if (dict != null) visit.accept(dict);
        if (args != null) visit.accept(args);
        if (traceback != null) visit.accept(traceback);
        if (cause != null) visit.accept(cause);
        if (context != null) visit.accept(context);
        if (cls.heapType) visit.accept(cls);
    }

    /** BaseException_dealloc via subtype_dealloc: the fields in BaseException_clear's order, then the class. */
    @Override
    public void releaseReferences(Heap heap) {
        clearForCollector(heap);
        if (cls.heapType) heap.decref(cls);
    }

    /** AttributeError_clear and NameError_clear (obj, name), then BaseException_clear. */
    @Override
    public void clearForCollector(Heap heap) {
        PyObject o = obj, n = name;
        obj = null;
        name = null;
        heap.xdecref(o);
        heap.xdecref(n);
        PyObject d = dict, a = args, tb = traceback, c = cause, x = context;
        dict = null;
        args = null;
        traceback = null;
        cause = null;
        context = null;
        heap.xdecref(d);
        heap.xdecref(a);
        heap.xdecref(tb);
        heap.xdecref(c);
        heap.xdecref(x);
    }
}
