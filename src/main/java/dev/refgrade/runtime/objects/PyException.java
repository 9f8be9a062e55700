package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;

/**
 * A Python exception on its way up the simulated stack: CPython's "current exception" (type,
 * value, traceback). An exception the runtime raises is lazy, a type and a message, as
 * PyErr_SetString leaves it; its instance is made only when Python code can see it.
 */
public final class PyException extends RuntimeException {
    public PyType excType;
    public final String pyMessage;
    /** The single argument when it is not the message (KeyError's key); owned; null otherwise. */
    public PyObject argument;
    /** A lazily raised AttributeError's obj and name, NameError's name, owned until the instance takes them; null otherwise. */
    public PyObject obj, name;
    /** The exception instance, owned; null until something needs it. */
    public PyBaseExc value;
    /** The traceback entries collected so far, newest first; owned. */
    public PyTraceback tb;
    /** Whether the frame the exception is now in still has to add its traceback entry. */
    public boolean needsTraceback = true;
    /** Whether __context__ was already settled, when it was raised. */
    public boolean contextSet;
    /** The innermost instruction in the current frame that the exception came out of. */
    public CodePosition position;

    /**
     * This exception, placed at instruction {@code at} (where its traceback entry points) unless an
     * instruction inside it placed it first: the innermost one is where it came out. A null {@code
     * at} places nothing.
     */
    public PyException placedAt(CodePosition at) {
        if (position == null) position = at;
        return this;
    }

    public PyException(PyType excType, String pyMessage) {
        super(excType.name + ": " + pyMessage, null, false, false);
        this.excType = excType;
        this.pyMessage = pyMessage;
    }

    /** A raised instance, with the traceback it continues; both owned. */
    public PyException(PyBaseExc value, PyTraceback tb) {
        super(value.cls.name, null, false, false);
        this.excType = value.cls;
        this.pyMessage = null;
        this.value = value;
        this.tb = tb;
    }

    /** PyErr_Clear: the runtime handled the exception itself, so what it held is released. */
    public void discard(Heap heap) {
        PyObject v = value, t = tb, a = argument, o = obj, n = name;
        value = null;
        tb = null;
        argument = null;
        obj = null;
        name = null;
        heap.xdecref(t);
        heap.xdecref(v);
        heap.xdecref(a);
        heap.xdecref(o);
        heap.xdecref(n);
    }

    /**
     * set_attribute_error_context: an AttributeError leaving an attribute lookup learns what it was
     * looking in and for, unless it already knows; the references are taken here.
     */
    public void lookupContext(Heap heap, PyObject in, PyObject attr) {
        if (!matches(PyExc.ATTRIBUTE_ERROR)) return;
        if (value != null ? value.obj != null || value.name != null : obj != null || name != null) return;
        if (value != null) {
            value.obj = heap.newRef(in);
            value.name = heap.newRef(attr);
        } else {
            obj = heap.newRef(in);
            name = heap.newRef(attr);
        }
    }

    /** Whether the exception is an instance of {@code type} (PyErr_ExceptionMatches). */
    public boolean matches(PyType type) {
        return excType.isSubtypeOf(type);
    }
}
