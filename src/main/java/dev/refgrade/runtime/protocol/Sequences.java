package dev.refgrade.runtime.protocol;

import dev.refgrade.runtime.stdlib.ArrayItems;
import dev.refgrade.runtime.objects.PyArray;
import dev.refgrade.runtime.Variation;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyIter;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyByteArray;
import dev.refgrade.runtime.objects.PyBytes;
import dev.refgrade.runtime.objects.PyMemoryView;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PySet;
import dev.refgrade.runtime.objects.PySlice;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.stdlib.Builtins;
import dev.refgrade.runtime.stdlib.DeepCopy;

/** Slicing and stepping through builtin sequences, with CPython's shortcuts that return the operand. */
final class Sequences {
    private Sequences() {}

    /** A new list of the items; under Variation.COPIES_ARE_DEEP, of deep copies of them. */
    static PyObject listSlice(PyRuntime rt, PyList l, PySlice s) {
        long[] ix = s.indices(rt, l.size);
        PyObject[] out = new PyObject[(int) ix[3]];
        try (DeepCopy deep = rt.varies(Variation.COPIES_ARE_DEEP) ? new DeepCopy(rt, null) : null) {
            for (int k = 0; k < out.length; k++) {
                PyObject item = l.items[(int) (ix[0] + k * ix[2])];
                out[k] = deep == null ? rt.heap.newRef(item) : deep.copy(item);
            }
        }
        return rt.newList(out, out.length).allocatedExactly(); // list_slice: list_new_prealloc(n)
    }

    /** A full slice of an exact tuple is the tuple itself (tuplesubscript). */
    static PyObject tupleSlice(PyRuntime rt, PyTuple t, PySlice s) {
        long[] ix = s.indices(rt, t.items.length);
        if (ix[0] == 0 && ix[2] == 1 && ix[3] == t.items.length) return rt.heap.newRef(t);
        PyObject[] out = new PyObject[(int) ix[3]];
        for (int k = 0; k < out.length; k++) out[k] = rt.heap.newRef(t.items[(int) (ix[0] + k * ix[2])]);
        return rt.newTuple(out);
    }

    /**
     * unicode_subscript: a full slice of an exact str is the str itself, a slice with step 1 is
     * PyUnicode_Substring's (a one-character one the shared singleton), any other a new str.
     */
    static PyObject strSlice(PyRuntime rt, PyStr s, PySlice sl) {
        long[] ix = sl.indices(rt, s.length());
        if (ix[0] == 0 && ix[2] == 1 && ix[3] == s.length()) return rt.heap.newRef(s);
        rt.charge(ix[3]);
        if (s.length() == s.value.length() && ix[2] == 1) return rt.newStr(s.value.substring((int) ix[0], (int) (ix[0] + ix[3])));
        rt.charge(s.value.length());
        int[] cps = s.value.codePoints().toArray();
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < ix[3]; k++) b.appendCodePoint(cps[(int) (ix[0] + k * ix[2])]);
        return ix[2] == 1 ? rt.newStr(b.toString()) : rt.newStrUnshared(b.toString());
    }

    static void assignSlice(PyRuntime rt, PyList l, PySlice s, PyObject value) {
        long[] ix = s.indices(rt, l.size);
        PyObject[] items;
        if (value instanceof PyList || value instanceof PyTuple) {
            items = Builtins.toArray(rt, value);
        } else {
            // PySequence_Fast: a value that cannot be iterated is refused in the slice's own words.
            PyObject it;
            try {
                it = rt.ops.iter(value);
            } catch (PyException e) {
                if (!e.matches(PyExc.TYPE_ERROR)) throw e;
                e.discard(rt.heap);
                throw rt.typeError(ix[2] == 1 && !rt.rules.sliceAssignWording ? "can only assign an iterable"
                        : "must assign iterable to extended slice");
            }
            try {
                items = Builtins.toArray(rt, it);
            } finally {
                rt.heap.decref(it);
            }
        }
        if (ix[2] == 1) {
            long hi = Math.max(ix[0], ix[1]);
            l.replaceSlice(rt.heap, (int) ix[0], (int) hi, items);
            return;
        }
        if (items.length != ix[3]) {
            for (PyObject o : items) rt.heap.decref(o);
            throw rt.error(PyExc.VALUE_ERROR, "attempt to assign sequence of size " + items.length
                    + " to extended slice of size " + ix[3]);
        }
        for (int k = 0; k < items.length; k++) {
            int at = (int) (ix[0] + k * ix[2]);
            PyObject old = l.items[at];
            l.items[at] = items[k];
            rt.heap.decref(old);
        }
    }

    static void deleteSlice(PyRuntime rt, PyList l, PySlice s) {
        long[] ix = s.indices(rt, l.size);
        if (ix[2] == 1) {
            l.replaceSlice(rt.heap, (int) ix[0], (int) Math.max(ix[0], ix[1]), new PyObject[0]);
            return;
        }
        // list_ass_subscript: the items go first (a negative step walked from its lowest index),
        // then one list_resize to the new size, then the references are dropped lowest index first.
        int n = (int) ix[3];
        long low = ix[2] > 0 ? ix[0] : ix[0] + (n - 1) * ix[2], step = Math.abs(ix[2]);
        PyObject[] gone = new PyObject[n];
        for (int k = n - 1; k >= 0; k--) gone[k] = l.take((int) (low + k * step));
        if (n > 0) l.settle();
        for (PyObject o : gone) rt.heap.decref(o);
    }

    /** One step of a builtin iterator; null when exhausted, after which it lets go of its container. */
    static PyObject iterNext(PyRuntime rt, PyIter it) {
        Heap heap = rt.heap;
        if (it.kind == PyIter.Kind.RANGE) {
            if (it.index >= it.rangeLen) return null;
            return rt.newInt(it.rangeStart + it.index++ * it.rangeStep);
        }
        PyObject seq = it.seq;
        if (seq == null) return null;
        PyObject result = switch (it.kind) {
            case LIST -> it.index < ((PyList) seq).size ? heap.newRef(((PyList) seq).items[(int) it.index++]) : null;
            case REVERSED_LIST -> { // listreviter_next: an index past the list's end now, or below 0, ends it
                PyList l = (PyList) seq;
                long i = it.index;
                if (i < 0 || i >= l.size) yield null;
                it.index--;
                yield heap.newRef(l.items[(int) i]);
            }
            case TUPLE -> it.index < ((PyTuple) seq).items.length ? heap.newRef(((PyTuple) seq).items[(int) it.index++]) : null;
            case STR -> {
                String s = ((PyStr) seq).value;
                if (it.index >= s.length()) yield null;
                int cp = s.codePointAt((int) it.index);
                it.index += Character.charCount(cp);
                yield rt.newStr(Character.toString(cp));
            }
            case BYTES -> it.index < ((PyBytes) seq).length() ? rt.newInt(((PyBytes) seq).value()[(int) it.index++] & 0xff) : null;
            // bytearrayiter_next reads the current length each step: the array may change under it.
            case BYTEARRAY -> it.index < ((PyByteArray) seq).length() ? rt.newInt(((PyByteArray) seq).get((int) it.index++) & 0xff) : null;
            case MEMORY -> {
                PyMemoryView m = MemoryViews.live(rt, (PyMemoryView) seq);
                yield it.index < m.length ? rt.newInt(m.get((int) it.index++) & 0xff) : null;
            }
            case DICT_KEYS, DICT_VALUES, DICT_ITEMS, REVERSED_DICT_KEYS, REVERSED_DICT_VALUES, REVERSED_DICT_ITEMS ->
                    dictNext(rt, it, (PyDict) seq);
            case SET -> {
                PySet s = (PySet) seq;
                if (s.used != it.sizeAtStart) throw rt.error(PyExc.RUNTIME_ERROR, "Set changed size during iteration");
                int i = s.nextSlot((int) it.index);
                if (i >= s.table.length) yield null;
                it.index = i + 1;
                yield heap.newRef(s.table[i]);
            }
            // array_iter_next: a new item object, or the end, which drops the array.
            case ARRAY -> it.index < ((PyArray) seq).size ? ArrayItems.get(rt, (PyArray) seq, (int) it.index++) : null;
            case SEQUENCE -> {
                // iterobject.c iter_iternext: seq[index]; IndexError or StopIteration ends it and drops the sequence.
                PyObject index = rt.newInt(it.index);
                try {
                    PyObject item = rt.ops.callDunder((PyInstance) seq, "__getitem__", index);
                    it.index++;
                    yield item;
                } catch (PyException e) {
                    if (!e.matches(PyExc.INDEX_ERROR) && !e.matches(PyExc.STOP_ITERATION)) throw e;
                    e.discard(heap);
                    yield null;
                } finally {
                    heap.decref(index);
                }
            }
            case RANGE -> throw new IllegalStateException();
        };
        if (result == null) {
            it.seq = null;
            heap.decref(seq);
        }
        return result;
    }

    private static PyObject dictNext(PyRuntime rt, PyIter it, PyDict d) {
        if (d.used != it.sizeAtStart) {
            throw rt.error(PyExc.RUNTIME_ERROR, "dictionary changed size during iteration");
        }
        int i;
        if (it.kind.reversed) {
            // dictreviter_iternext: from the last entry down, skipping holes.
            i = (int) Math.min(it.index, d.entries - 1L);
            while (i >= 0 && d.keys[i] == null) i--;
            if (i < 0) return null;
            it.index = i - 1;
        } else {
            i = d.nextEntry((int) it.index);
            if (i >= d.entries) return null;
            // dictiter_iternext*: an item more than the dict had is a key swapped in under the iteration.
            if (it.given == it.sizeAtStart) throw rt.error(PyExc.RUNTIME_ERROR, "dictionary keys changed during iteration");
            it.given++;
            it.index = i + 1;
        }
        Heap heap = rt.heap;
        return switch (it.kind) {
            case DICT_KEYS, REVERSED_DICT_KEYS -> heap.newRef(d.keys[i]);
            case DICT_VALUES, REVERSED_DICT_VALUES -> heap.newRef(d.values[i]);
            default -> {
                // dictiter_iternextitem: the held tuple is refilled when only the iterator holds it.
                PyObject key = heap.newRef(d.keys[i]), value = heap.newRef(d.values[i]);
                PyTuple reused = it.result.refillPair(heap, key, value);
                yield reused != null ? reused : rt.newTuple(key, value);
            }
        };
    }
}
