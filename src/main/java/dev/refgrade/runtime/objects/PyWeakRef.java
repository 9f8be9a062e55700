package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.memory.WeakRefList;
import java.util.function.Consumer;

/**
 * weakref.ref, or weakref.proxy (the same struct, PyWeakReference, of another type): points at an
 * object without owning it; dies when the object dies.
 */
public sealed class PyWeakRef extends PyObject permits PyWeakMethod, PyKeyedRef {
    /** Not a counted reference. Null once the referent died. */
    public PyObject referent;
    /** Owned; null when there is none or it already ran. */
    public PyObject callback;
    /** Made without a callback: the shared plain ref or proxy (get_basic_refs), which callers reuse. */
    public final boolean isBasic;
    final PyType type;
    /** weakref_hash's cache: the referent's hash once taken, which a dead reference still answers; -1 before. */
    public long hash = -1;

    /**
     * PyWeakref_NewRef: a new weak reference to {@code obj}, or the shared plain one when there is no
     * callback and one exists already (a new reference either way).
     */
    public static PyWeakRef newRef(PyRuntime rt, PyObject obj, PyObject callback) {
        return make(rt, PyType.WEAKREF, obj, callback);
    }

    /** PyWeakref_NewRef or, for a proxy type, PyWeakref_NewProxy. */
    public static PyWeakRef make(PyRuntime rt, PyType type, PyObject obj, PyObject callback) {
        if (callback == PyRuntime.NONE) callback = null;
        checkReferenceable(rt, obj);
        WeakRefList list = rt.heap.weakrefList(obj);
        if (callback == null) {
            PyWeakRef basic = type == PyType.WEAKREF ? list.basicRef() : list.basicProxy();
            if (basic != null) return rt.heap.newRef(basic);
        }
        PyWeakRef ref = rt.heap.alloc(new PyWeakRef(type, obj, callback == null ? null : rt.heap.newRef(callback), callback == null));
        list.add(ref);
        return ref;
    }

    /** get_or_create_weakref's first check: the type must have a weak reference list. */
    public static void checkReferenceable(PyRuntime rt, PyObject obj) {
        if (!obj.weaklyReferenceable()) throw rt.typeError("cannot create weak reference to '" + obj.type().name + "' object");
    }

    /** weakref___new__ for a subclass (KeyedRef, WeakMethod): allocated, then linked after the basic refs. */
    public static <T extends PyWeakRef> T link(PyRuntime rt, T ref) {
        rt.heap.alloc(ref);
        rt.heap.weakrefList(ref.referent).add(ref);
        return ref;
    }

    public PyWeakRef(PyType type, PyObject referent, PyObject callback, boolean isBasic) {
        this.type = type;
        this.referent = referent;
        this.callback = callback;
        this.isBasic = isBasic;
    }

    /** PyWeakref_CheckProxy: a proxy forwards operations to its referent instead of being called for it. */
    public boolean isProxy() {
        return type == PyType.WEAKPROXY || type == PyType.CALLABLE_WEAKPROXY;
    }

    /**
     * PyWeakref_GET_OBJECT: the referent while its count is positive. An object whose count reached
     * zero but which the trashcan set aside is still referenced here, yet already dead: None.
     */
    public PyObject referent() {
        return referent != null && referent.refcnt > 0 ? referent : null;
    }

    @Override
    public PyType type() {
        return type;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    @Override
    public int allocSize() {
        return 16 + 64;
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (callback != null) visit.accept(callback);
    }

    /** weakref_dealloc: unlink from the referent's list, then drop the callback. */
    @Override
    public void releaseReferences(Heap heap) {
        if (referent != null) heap.unlinkWeakref(referent, this);
        referent = null;
        PyObject cb = callback;
        callback = null;
        heap.xdecref(cb);
    }
}
