package dev.refgrade.runtime.stdlib;

import dev.refgrade.python.BinOperator;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyArray;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PySlice;
import dev.refgrade.runtime.protocol.Arith;

/**
 * array.array's slices and its sequence operators (arraymodule.c's array_subscr, array_ass_subscr,
 * array_concat, array_repeat and their in-place forms). A new array's buffer is exactly its items
 * (newarrayobject); an array changed in place grows or shrinks through array_resize, whose
 * over-allocation sys.getsizeof shows.
 */
public final class ArraySlices {
    private ArraySlices() {}

    /** array_subscr with a slice: a new array of the selected items. */
    public static PyArray get(PyRuntime rt, PyArray a, PySlice s) {
        long[] ix = s.indices(rt, a.size);
        return items(rt, a, (int) ix[0], (int) ix[2], (int) ix[3]);
    }

    /** n items from start, step apart, as a new array (array_slice when step is 1). */
    private static PyArray items(PyRuntime rt, PyArray a, int start, int step, int n) {
        PyArray out = made(rt, a.typecode, n);
        for (int k = 0; k < n; k++) copy(a, start + k * step, out, k);
        return out;
    }

    /** array_ass_subscr with a slice and an array (a deletion when {@code value} is null). */
    public static void assign(PyRuntime rt, PyArray a, PySlice s, PyObject value) {
        long[] ix = s.indices(rt, a.size);
        int start = (int) ix[0], stop = (int) ix[1], step = (int) ix[2], length = (int) ix[3];
        PyArray other = null;
        if (value != null) {
            if (!(value instanceof PyArray o)) {
                throw rt.typeError("can only assign array (not \"" + value.type().name + "\") to array slice");
            }
            if (o == a) {
                // "self[i:j] = self": a copy of self is assigned instead.
                PyArray copy = items(rt, a, 0, 1, a.size);
                try {
                    assign(rt, a, s, copy);
                } finally {
                    rt.heap.decref(copy);
                }
                return;
            }
            if (o.typecode != a.typecode) throw rt.typeError("bad argument type for built-in operation"); // PyErr_BadArgument
            other = o;
        }
        int needed = other == null ? 0 : other.size;
        // For a[2:1] = ..., the insertion point is start, not stop.
        if (step > 0 && stop < start || step < 0 && stop > start) stop = start;
        if (step == 1) {
            // The tail moves before a shrink and after a growth, so array_resize sees the sizes CPython's does.
            if (length > needed) {
                a.shift(stop, needed - length);
                a.resize(a.size + needed - length);
            } else if (length < needed) {
                a.resize(a.size + needed - length);
                a.shift(stop, needed - length);
            }
            for (int k = 0; k < needed; k++) copy(other, k, a, start + k);
            return;
        }
        if (needed == 0) {
            deleteExtended(a, start, step, length);
            return;
        }
        if (needed != length) {
            throw rt.error(PyExc.VALUE_ERROR, "attempt to assign array of size " + needed + " to extended slice of size " + length);
        }
        for (int k = 0; k < length; k++) copy(other, k, a, start + k * step);
    }

    /** An extended slice's items taken out, the rest closed up, then one array_resize. */
    private static void deleteExtended(PyArray a, int start, int step, int length) {
        if (step < 0) {
            start = start + step * (length - 1);
            step = -step;
        }
        int kept = 0, next = start, removed = 0;
        for (int i = 0; i < a.size; i++) {
            if (removed < length && i == next) {
                removed++;
                next += step;
                continue;
            }
            copy(a, i, a, kept++);
        }
        a.resize(a.size - length);
    }

    /** a + b and a * n for arrays (array_concat, array_repeat); null when neither applies. */
    public static PyObject binary(PyRuntime rt, BinOperator op, PyObject a, PyObject b) {
        if (op == BinOperator.ADD && a instanceof PyArray x) {
            if (!(b instanceof PyArray y)) throw rt.typeError("can only append array (not \"" + b.type().name + "\") to array");
            if (x.typecode != y.typecode) throw rt.typeError("bad argument type for built-in operation");
            PyArray out = made(rt, x.typecode, x.size + y.size);
            for (int i = 0; i < x.size; i++) copy(x, i, out, i);
            for (int i = 0; i < y.size; i++) copy(y, i, out, x.size + i);
            return out;
        }
        if (op != BinOperator.MUL) return null;
        if (a instanceof PyArray x && b instanceof PyInt n) return repeat(rt, x, n);
        if (b instanceof PyArray x && a instanceof PyInt n) return repeat(rt, x, n);
        return null;
    }

    private static PyArray repeat(PyRuntime rt, PyArray a, PyInt times) {
        long n = Math.max(0, Arith.toIndex(rt, times));
        rt.checkListLength(a.size * Math.min(n, Integer.MAX_VALUE));
        PyArray out = made(rt, a.typecode, (int) (a.size * n));
        for (int i = 0; i < out.size; i++) copy(a, i % a.size, out, i);
        return out;
    }

    /** a += b (array_inplace_concat) and a *= n (array_inplace_repeat): the same array, changed. */
    public static PyObject inplace(PyRuntime rt, BinOperator op, PyArray a, PyObject b) {
        if (op == BinOperator.ADD) {
            if (!(b instanceof PyArray)) throw rt.typeError("can only extend array with array (not \"" + b.type().name + "\")");
            ArrayModule.extend(rt, a, b);
            return rt.heap.newRef(a);
        }
        long n = Arith.toIndex(rt, b);
        int size = a.size;
        // An empty array, or n == 1, is left alone; otherwise one array_resize to n times the items.
        if (size > 0 && n != 1) {
            n = Math.max(0, n);
            rt.checkListLength(size * Math.min(n, Integer.MAX_VALUE));
            a.resize((int) (n * size));
            for (int i = size; i < a.size; i++) copy(a, i % size, a, i);
        }
        return rt.heap.newRef(a);
    }

    /** newarrayobject(n): an array of the code with exactly n slots. */
    private static PyArray made(PyRuntime rt, char typecode, int n) {
        PyArray out = rt.heap.alloc(new PyArray(typecode));
        out.allocateExactly(n);
        return out;
    }

    private static void copy(PyArray from, int i, PyArray to, int j) {
        if (from.real()) to.setReal(j, from.realAt(i));
        else to.setInt(j, from.intAt(i));
    }
}
