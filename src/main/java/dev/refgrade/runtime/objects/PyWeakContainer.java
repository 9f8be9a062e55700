package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/**
 * WeakValueDictionary, WeakKeyDictionary and WeakSet, as Lib/weakref.py and _weakrefset.py build
 * them: an ordinary dict whose weak side is held by weak references with callbacks that remove the
 * entry when the referent dies.
 */
public final class PyWeakContainer extends PyObject {
    public enum Kind { VALUES, KEYS, SET }

    public static final PyType WEAK_VALUE_DICTIONARY = PyType.newLibraryClass("WeakValueDictionary", PyType.OBJECT);
    public static final PyType WEAK_KEY_DICTIONARY = PyType.newLibraryClass("WeakKeyDictionary", PyType.OBJECT);
    public static final PyType WEAK_SET = PyType.newLibraryClass("WeakSet", PyType.OBJECT);

    /** The callback's signature: _remove(wr) in Lib/weakref.py. */
    private static final Signature REMOVE = Signature.parse("wr").as(Signature.Convention.PYTHON).named("remove", "remove");

    public final Kind kind;
    /** VALUES: key -> weakref(value); KEYS: weakref(key) -> value; SET: weakref(item) -> None. Owned. */
    public PyDict data;

    public PyWeakContainer(Kind kind, PyDict data) {
        this.kind = kind;
        this.data = data;
    }

    @Override
    public PyType type() {
        return switch (kind) {
            case VALUES -> WEAK_VALUE_DICTIONARY;
            case KEYS -> WEAK_KEY_DICTIONARY;
            case SET -> WEAK_SET;
        };
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
    public int allocSize() {
        return 16 + 16 + 16 + 8;
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (data != null) visit.accept(data);
    }

    @Override
    public void releaseReferences(Heap heap) {
        PyDict d = data;
        data = null;
        heap.xdecref(d);
    }

    /** A weak reference whose death removes its entry; the callback does not keep the container alive. */
    PyWeakRef watch(PyRuntime rt, PyObject referent) {
        PyBuiltin remove = rt.heap.alloc(new PyBuiltin("weakref", "remove", REMOVE, (r, self, a) -> {
            forget(r, (PyWeakRef) a.get("wr"));
            return PyRuntime.NONE;
        }, null));
        try {
            return PyWeakRef.newRef(rt, referent, remove);
        } finally {
            rt.heap.decref(remove);
        }
    }

    private void forget(PyRuntime rt, PyWeakRef ref) {
        if (data == null) return;
        for (int i = data.nextEntry(0); i < data.entries; i = data.nextEntry(i + 1)) {
            if ((kind == Kind.VALUES ? data.values[i] : data.keys[i]) == ref) {
                data.removeEntry(rt.heap, i);
                return;
            }
        }
    }

    /** The dict key that stands for {@code key}: the key itself, or a weak reference to it. */
    PyObject lookupKey(PyRuntime rt, PyObject key) {
        return kind == Kind.VALUES ? rt.heap.newRef(key) : PyWeakRef.newRef(rt, key, null);
    }

    public void set(PyRuntime rt, PyObject key, PyObject value) {
        if (kind == Kind.VALUES) {
            PyWeakRef ref = watch(rt, value);
            data.putOwned(rt, key, ref);
            return;
        }
        PyObject probe = lookupKey(rt, key);
        try {
            if (data.getBorrowed(rt, probe) != null) {
                data.put(rt, probe, value);
                return;
            }
        } finally {
            rt.heap.decref(probe);
        }
        PyWeakRef ref = watch(rt, key);
        data.put(rt, ref, value);
        rt.heap.decref(ref);
    }

    /** The value (or, for a set, True) stored for {@code key}, borrowed; null when absent or dead. */
    public PyObject get(PyRuntime rt, PyObject key) {
        PyObject probe;
        try {
            probe = lookupKey(rt, key);
        } catch (PyException e) {
            e.discard(rt.heap);
            return null; // an object that cannot be weakly referenced is never a member
        }
        try {
            PyObject v = data.getBorrowed(rt, probe);
            if (v == null) return null;
            if (kind == Kind.VALUES) return ((PyWeakRef) v).referent();
            return kind == Kind.SET ? PyRuntime.TRUE : v;
        } finally {
            rt.heap.decref(probe);
        }
    }
}
