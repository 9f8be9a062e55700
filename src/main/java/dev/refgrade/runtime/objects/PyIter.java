package dev.refgrade.runtime.objects;

import dev.refgrade.runtime.memory.Heap;
import java.util.function.Consumer;

/** The iterators of builtin containers: each holds its container until it is exhausted. */
public final class PyIter extends PyObject {
    public enum Kind {
        LIST("list_iterator"), REVERSED_LIST("list_reverseiterator"), TUPLE("tuple_iterator"),
        STR("str_ascii_iterator"), BYTES("bytes_iterator"), BYTEARRAY("bytearray_iterator"),
        MEMORY("memory_iterator"), RANGE("range_iterator"), DICT_KEYS("dict_keyiterator"),
        DICT_VALUES("dict_valueiterator"), DICT_ITEMS("dict_itemiterator"), SET("set_iterator"),
        REVERSED_DICT_KEYS("dict_reversekeyiterator"), REVERSED_DICT_VALUES("dict_reversevalueiterator"),
        REVERSED_DICT_ITEMS("dict_reverseitemiterator"), ARRAY("array.arrayiterator"),
        /** PySeqIter_New: iter() of an object with __getitem__ and no __iter__, indexing from 0 to IndexError. */
        SEQUENCE("iterator");

        final PyType type;
        /** A dict's reverse iterators walk its entries from the last. */
        public final boolean reversed;

        Kind(String name) {
            this.type = PyType.newBuiltin(name, PyType.OBJECT);
            this.reversed = name.startsWith("dict_reverse");
        }
    }

    public final Kind kind;
    /** Owned; null once exhausted (listiter_next drops its list at the end). */
    public PyObject seq;
    public long index;
    /** The container's version when iteration began, to refuse a dict or set resized under it. */
    final int version;
    public final int sizeAtStart;
    public long rangeStart, rangeStep, rangeLen;
    /** di->len counted down: how many items a dict iterator has given (it expects sizeAtStart of them). */
    public int given;
    /** di_result: a dict items iterator's result tuple, reused while nobody else holds it; owned. */
    public PyTuple result;

    public PyIter(Kind kind, PyObject seq, long start, int version, int sizeAtStart) {
        this.kind = kind;
        this.seq = seq;
        this.index = start;
        this.version = version;
        this.sizeAtStart = sizeAtStart;
    }

    @Override
    public PyType type() {
        return kind.type;
    }

    @Override
    public boolean isGcType() {
        return kind != Kind.RANGE;
    }

    @Override
    public int allocSize() {
        // memoryiterobject also keeps the view's length and format; the others an index and their sequence.
        if (kind == Kind.MEMORY) return 16 + 48;
        if (kind == Kind.ARRAY) return 16 + 40; // arrayiterobject also keeps its array's getitem function
        // dictiterobject: the dict, its ma_used when made, a position, a reusable result tuple and the length left.
        if (kind == Kind.DICT_KEYS || kind == Kind.DICT_VALUES || kind == Kind.DICT_ITEMS || kind == Kind.REVERSED_DICT_KEYS
                || kind == Kind.REVERSED_DICT_VALUES || kind == Kind.REVERSED_DICT_ITEMS) return 16 + 56;
        if (kind == Kind.SET) return 16 + 48; // setiterobject: the set, its used count when made, a position, the length left
        return 16 + 32;
    }

    @Override
    public void traverse(Consumer<PyObject> visit) {
        if (kind == Kind.ARRAY) visit.accept(kind.type); // a heap type of the array module: its instances visit it
        if (seq != null) visit.accept(seq);
        if (result != null) visit.accept(result);
    }

    @Override
    public void releaseReferences(Heap heap) {
        PyObject s = seq, r = result;
        seq = null;
        result = null;
        heap.xdecref(s);
        heap.xdecref(r);
    }
}
