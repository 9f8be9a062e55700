package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.function.Consumer;

/**
 * collections.deque (Modules/_collectionsmodule.c): items in a chain of 64-slot blocks. Only where
 * the first item sits in its block (leftindex) and the count decide how many blocks exist, which
 * sys.getsizeof shows, so the items live in a list and leftindex moves as deque's C code moves it.
 */
public final class PyDeque extends PyObject {
    public static final PyType TYPE = PyType.newBuiltin("collections.deque", PyType.OBJECT);
    static final int BLOCKLEN = 64, CENTER = (BLOCKLEN - 1) / 2;

    /** Owned, first to last. */
    public final ArrayList<PyObject> items = new ArrayList<>();
    /** The first item's slot in the leftmost block; the last's is (leftindex + size - 1) mod 64. */
    int leftindex = CENTER + 1;
    /** -1 for an unbounded deque. */
    public long maxlen = -1;
    /** Bumped whenever the indices move, so iterators and searches notice a deque changed under them. */
    public long state;

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public boolean isGcType() {
        return true;
    }

    @Override
    public boolean weaklyReferenceable() {
        return true;
    }

    /** GC header and 3.11's dequeobject, whose 16-entry free-block cache is part of the struct. */
    @Override
    public int allocSize() {
        return 16 + 216;
    }

    /** deque_sizeof: the object and its blocks of two links and 64 slots each. */
    public long sizeOf() {
        return allocSize() + (long) (leftindex + items.size() + BLOCKLEN - 1) / BLOCKLEN * (16 + 8 * BLOCKLEN);
    }

    private int rightindex() {
        return Math.floorMod(leftindex + items.size() - 1, BLOCKLEN);
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        items.forEach(visit);
    }

    /** deque_clear: the deque is emptied (and re-centered) first, then its old items are released first to last. */
    @Override
    public void releaseReferences(Heap heap) {
        if (!items.isEmpty()) takeAll().forEach(heap::decref);
    }

    /** deque_append_internal: takes the reference; past maxlen the leftmost item is popped and released. */
    public void append(Heap heap, PyObject owned, long limit) {
        items.add(owned);
        if (limit >= 0 && items.size() > limit) heap.decref(popLeft());
        else state++;
    }

    /** deque_appendleft_internal: a new block to the left when the leftmost is full. */
    public void appendLeft(Heap heap, PyObject owned, long limit) {
        if (leftindex == 0) leftindex = BLOCKLEN;
        leftindex--;
        items.add(0, owned);
        if (limit >= 0 && items.size() > limit) heap.decref(pop());
        else state++;
    }

    /** deque_pop: the rightmost item, owned; an emptied deque keeps its block, re-centered when the last slot was its first. */
    public PyObject pop() {
        int right = rightindex();
        PyObject item = items.remove(items.size() - 1);
        state++;
        if (right == 0 && items.isEmpty()) leftindex = CENTER + 1;
        return item;
    }

    /** deque_popleft: the leftmost item, owned; leaving a block moves to slot 0 of the next. */
    public PyObject popLeft() {
        PyObject item = items.remove(0);
        leftindex++;
        state++;
        if (leftindex == BLOCKLEN) leftindex = items.isEmpty() ? CENTER + 1 : 0;
        return item;
    }

    /** deque_extend's and deque_extendleft's space-saving start: an empty deque fills from one end of its block. */
    public void startFilling(boolean fromLeft) {
        if (items.isEmpty()) leftindex = fromLeft ? 1 : BLOCKLEN - 1;
    }

    /** deque_clear's new state: one fresh block, centered. The caller releases the returned items. */
    public ArrayList<PyObject> takeAll() {
        ArrayList<PyObject> old = new ArrayList<>(items);
        items.clear();
        leftindex = CENTER + 1;
        state++;
        return old;
    }

    /**
     * _deque_rotate: n steps right (left when negative), reduced modulo the length to at most half
     * of it, moving pointers block by block; the indices end where that copying leaves them.
     */
    public void rotate(long n) {
        int len = items.size(), half = len >> 1;
        if (len <= 1) return;
        if (n > half || n < -half) {
            n %= len;
            if (n > half) n -= len;
            else if (n < -half) n += len;
        }
        state++;
        Collections.rotate(items, (int) n);
        int left = leftindex, right = rightindex();
        while (n > 0) {
            if (left == 0) left = BLOCKLEN;
            int m = (int) Math.min(n, Math.min(right + 1, left));
            right -= m;
            left -= m;
            n -= m;
            if (right < 0) right = BLOCKLEN - 1;
        }
        while (n < 0) {
            if (right == BLOCKLEN - 1) right = -1;
            int m = (int) Math.min(-n, Math.min(BLOCKLEN - left, BLOCKLEN - 1 - right));
            left += m;
            right += m;
            n += m;
            if (left == BLOCKLEN) left = 0;
        }
        leftindex = left;
    }
}
