package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/**
 * odict_iterator (odictobject.c, odictiterobject): it follows the list by holding the next key,
 * not the node, finds that key's node again at each step, and stops with RuntimeError once the
 * list or the size changed. Every kind packs a (None, None) result tuple at its creation.
 */
public final class PyODictIter extends PyObject {
    public static final PyType TYPE = PyType.newBuiltin("odict_iterator", PyType.OBJECT);

    public enum Kind { KEYS, VALUES, ITEMS }

    private final Kind kind;
    private final boolean reversed;
    /** Owned; null once the iterator is exhausted or failed. */
    private PyODict odict;
    /** Owned: the key to give next; null at the end. */
    private PyObject current;
    private long size;
    private final long state;
    /** di_result, owned. */
    private PyTuple result;

    private PyODictIter(PyODict od, Kind kind, boolean reversed) {
        this.odict = od;
        this.kind = kind;
        this.reversed = reversed;
        PyODict.Node n = reversed ? od.last : od.first;
        this.current = n == null ? null : n.key;
        this.size = od.used;
        this.state = od.state;
    }

    /** odictiter_new: the iterator, then its (None, None) tuple, then the first key's and the dict's references. */
    public static PyODictIter create(PyRuntime rt, PyODict od, Kind kind, boolean reversed) {
        Heap heap = rt.heap;
        PyODictIter it = heap.alloc(new PyODictIter(od, kind, reversed));
        it.result = rt.newTuple(heap.newRef(PyRuntime.NONE), heap.newRef(PyRuntime.NONE));
        if (it.current != null) heap.incref(it.current);
        heap.incref(od);
        return it;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    /** GC header and odictiterobject: kind, the dict, size, state, current key and result tuple. */
    @Override
    public int allocSize() {
        return 16 + 64;
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (odict != null) visit.accept(odict);
        if (current != null) visit.accept(current);
        if (result != null) visit.accept(result);
    }

    /** odictiter_dealloc: the dict, the current key, then the result tuple. */
    @Override
    public void releaseReferences(Heap heap) {
        PyObject o = odict, c = current, r = result;
        odict = null;
        current = null;
        result = null;
        heap.xdecref(o);
        heap.xdecref(c);
        heap.xdecref(r);
    }

    /** odictiter_nextkey: the key given (owned), or null at the end. */
    private PyObject nextKey(PyRuntime rt) {
        if (odict == null) return null;
        if (current == null) {
            dropDict(rt.heap);
            return null;
        }
        if (odict.state != state) {
            dropDict(rt.heap);
            throw rt.error(PyExc.RUNTIME_ERROR, "OrderedDict mutated during iteration");
        }
        if (size != odict.used) {
            size = -1; // sticky
            throw rt.error(PyExc.RUNTIME_ERROR, "OrderedDict changed size during iteration");
        }
        PyODict.Node node = odict.findNode(rt, current, rt.ops.hash(current));
        if (node == null) {
            PyObject k = current;
            current = null;
            PyException e = rt.keyError(k);
            rt.heap.decref(k);
            throw e;
        }
        PyObject key = current;
        node = reversed ? node.prev : node.next;
        current = node == null ? null : rt.heap.newRef(node.key);
        return key;
    }

    private void dropDict(Heap heap) {
        PyObject o = odict;
        odict = null;
        heap.xdecref(o);
    }

    /** odictiter_iternext: a key, a value, or the (key, value) tuple, refilled when only the iterator holds it. */
    public PyObject next(PyRuntime rt) {
        Heap heap = rt.heap;
        PyObject key = nextKey(rt);
        if (key == null || kind == Kind.KEYS) return key;
        PyObject value = odict.getBorrowed(rt, key);
        if (value == null) {
            PyException e = rt.keyError(key);
            heap.decref(key);
            PyObject c = current;
            current = null;
            heap.xdecref(c);
            dropDict(heap);
            throw e;
        }
        heap.incref(value);
        if (kind == Kind.VALUES) {
            heap.decref(key);
            return value;
        }
        PyTuple reused = result.refillPair(heap, key, value);
        return reused != null ? reused : rt.newTuple(key, value);
    }
}
