package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyDictView;
import dev.refgrade.runtime.objects.PyIter;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyRange;
import dev.refgrade.runtime.objects.PySet;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;

/**
 * How a list grows when it takes in an iterable (listobject.c's list_extend, list___init__ and
 * PySequence_List): the items, and the capacity CPython gives the list on the way, which
 * sys.getsizeof shows. Where the length hint CPython would read is not modelled (a class's
 * __len__, a generator) the capacity is left unknown and getsizeof refuses it.
 */
public final class ListGrowth {
    private ListGrowth() {}

    /** list.extend(iterable), l += iterable. */
    public static void extend(PyRuntime rt, PyList self, PyObject iterable) {
        boolean sequence = iterable instanceof PyList || iterable instanceof PyTuple;
        long hint = sequence ? 0 : lengthHint(rt, iterable);
        PyObject[] items = itemsHinted(rt, iterable);
        if (self.size + (long) items.length > rt.limits.maxSequenceLength()) {
            for (PyObject o : items) rt.heap.decref(o);
            rt.checkListLength(self.size + (long) items.length);
        }
        if (sequence) {
            // The fast path: room for exactly n more, preallocated when the list has no items array yet.
            if (items.length == 0) return;
            if (self.itemsNull()) self.preallocate(items.length);
            else self.resize(self.size + items.length);
            for (PyObject o : items) self.appendPrepared(o);
            return;
        }
        if (hint < 0) self.allocated = -1;
        // Room for the guess (preallocated exactly when the list has no items array yet), filled
        // slot by slot, then cut back if the guess was too large.
        if (self.itemsNull()) self.preallocate((int) Math.min(Integer.MAX_VALUE, hint));
        else self.resize((int) Math.min(Integer.MAX_VALUE, self.size + hint));
        for (PyObject o : items) self.appendOwned(o);
        if (self.size < self.allocated) self.resize(self.size);
    }

    /** list(iterable): list___init__ preallocates exactly when the iterable has a length, then extends. */
    public static PyList construct(PyRuntime rt, PyObject iterable) {
        PyList l = rt.newList().allocatedExactly();
        try {
            if (hasLength(iterable)) l.preallocate((int) Math.min(Integer.MAX_VALUE, rt.ops.len(iterable)));
            extend(rt, l, iterable);
        } catch (RuntimeException e) {
            rt.heap.decref(l);
            throw e;
        }
        return l;
    }

    /** PySequence_List (sorted(), and list() of a tuple inside the interpreter): an empty list extended. */
    public static PyList sequenceList(PyRuntime rt, PyObject iterable) {
        PyList l = rt.newList().allocatedExactly();
        try {
            extend(rt, l, iterable);
        } catch (RuntimeException e) {
            rt.heap.decref(l);
            throw e;
        }
        return l;
    }

    /**
     * The items of {@code iterable} as list_extend and PySequence_Tuple take them: the iterator first
     * (a class's __iter__), then PyObject_LengthHint (its __len__), then the items.
     */
    public static PyObject[] itemsHinted(PyRuntime rt, PyObject iterable) {
        if (!(iterable instanceof PyInstance inst && inst.cls.lookup(rt, "__len__") != null)) return Builtins.toArray(rt, iterable);
        PyObject it = rt.ops.iter(iterable);
        try {
            lengthHintCall(rt, inst);
        } catch (RuntimeException e) {
            rt.heap.decref(it);
            throw e;
        }
        return Builtins.drain(rt, it);
    }

    /**
     * PyObject_LengthHint asks a class's __len__ first (a TypeError out of it is dropped); the hint
     * only sizes the list, whose growth from an instance is not modelled, so only the call is made.
     */
    private static void lengthHintCall(PyRuntime rt, PyInstance inst) {
        try {
            rt.ops.len(inst);
        } catch (dev.refgrade.runtime.objects.PyException e) {
            if (!e.matches(dev.refgrade.runtime.objects.PyExc.TYPE_ERROR)) throw e;
            e.discard(rt.heap);
        }
    }

    /** Whether the type has sq_length or mp_length among the builtin types modelled. */
    private static boolean hasLength(PyObject o) {
        return o instanceof PyList || o instanceof PyTuple || o instanceof PyStr || o instanceof PyDict
                || o instanceof PySet || o instanceof PyRange || o instanceof PyDictView;
    }

    /** PyObject_LengthHint(o, 8), or -1 when the simulator does not know what CPython would answer. */
    static long lengthHint(PyRuntime rt, PyObject o) {
        if (hasLength(o)) return rt.ops.len(o);
        // The __length_hint__ of the builtin iterators modelled (listiter_len, tupleiter_len, rangeiter_len, unicodeiter_len).
        if (!(o instanceof PyIter it)) return -1;
        return switch (it.kind) {
            case LIST -> it.seq instanceof PyList l ? Math.max(0, l.size - it.index) : 0;
            case TUPLE -> it.seq instanceof PyTuple t ? Math.max(0, t.items.length - it.index) : 0;
            case RANGE -> Math.max(0, it.rangeLen - it.index);
            // unicodeiter_len: the code points left.
            case STR -> it.seq instanceof PyStr s && it.index < s.value.length() ? s.value.codePointCount((int) it.index, s.value.length()) : 0;
            default -> -1;
        };
    }
}
