package dev.refgrade.runtime.protocol;

import dev.refgrade.python.CmpOp;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.objects.PyBaseExc;
import dev.refgrade.runtime.objects.PyComplex;
import dev.refgrade.runtime.objects.PyDeque;
import dev.refgrade.runtime.objects.Kwargs;
import dev.refgrade.runtime.objects.PyBool;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyDictView;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyFloat;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyByteArray;
import dev.refgrade.runtime.objects.PyBytes;
import dev.refgrade.runtime.objects.PyMemoryView;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyRange;
import dev.refgrade.runtime.objects.PySet;
import dev.refgrade.runtime.objects.PySingleton;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;

/**
 * CPython's abstract object protocol (Objects/abstract.c, object.c): comparison, hashing, truth,
 * attributes, items, iteration and calls, dispatching to builtin behaviour or to a class's dunder
 * methods. Results are new references; arguments are borrowed.
 */
public final class Ops {
    private final PyRuntime rt;
    private final Heap heap;

    public Ops(PyRuntime rt) {
        this.rt = rt;
        this.heap = rt.heap;
    }

    // ---- truth, equality, hashing ----------------------------------------------------------

    /** Whether type(o).__hash__ is None: lists, dicts, sets, classes with __eq__ and no __hash__ (what dataclasses calls mutable). */
    public boolean hashIsNone(PyObject o) {
        return Hashing.unhashableType(rt, o);
    }

    public boolean truthy(PyObject o) {
        return switch (o) {
            case PyBool b -> b.value;
            case PySingleton s -> s != PyRuntime.NONE;
            case PyInt i -> i.big != null || i.small != 0;
            case PyFloat f -> f.value != 0.0;
            case PyComplex c -> c.real != 0.0 || c.imag != 0.0;
            case PyStr s -> !s.value.isEmpty();
            case PyBytes b -> b.length() > 0;
            case PyByteArray b -> b.length() > 0;
            case PyMemoryView m -> MemoryViews.live(rt, m).length > 0;
            case PyList l -> l.size > 0;
            case PyTuple t -> t.items.length > 0;
            case PyDict d -> d.used > 0;
            case PySet s -> s.used > 0;
            case PyRange r -> r.length() > 0;
            case PyDeque d -> !d.items.isEmpty();
            case dev.refgrade.runtime.objects.PyArray a -> a.size > 0;
            case dev.refgrade.runtime.objects.PyMappingProxy p -> len(p.mapping) > 0;
            case PyInstance inst -> instanceTruth(inst);
            case PyObject p when WeakProxies.is(p) -> WeakProxies.on(rt, p, this::truthy); // proxy_bool
            default -> true;
        };
    }

    /** slot_nb_bool: __bool__ must return a bool; without one, __len__ decides, as len() checks it. */
    private boolean instanceTruth(PyInstance inst) {
        PyObject r = callDunder(inst, "__bool__");
        if (r != null) {
            heap.decref(r);
            if (!(r instanceof PyBool b)) throw rt.typeError("__bool__ should return bool, returned " + r.type().name);
            return b.value;
        }
        r = callDunder(inst, "__len__");
        return r == null || lengthFrom(r) != 0;
    }

    /** slot_sq_length: what __len__ returned (taken over), an int that fits an index and is not negative. */
    private long lengthFrom(PyObject r) {
        try {
            if (!(r instanceof PyInt i)) {
                if (r instanceof PyInstance) return lengthFrom(Arith.indexObject(rt, r)); // PyNumber_AsSsize_t: __index__
                throw rt.typeError("'" + r.type().name + "' object cannot be interpreted as an integer");
            }
            if (!i.fitsLong()) {
                if (i.bigValue().signum() < 0) throw rt.error(PyExc.VALUE_ERROR, "__len__() should return >= 0");
                throw rt.error(PyExc.OVERFLOW_ERROR, "cannot fit 'int' into an index-sized integer");
            }
            long n = i.longValue();
            if (n < 0) throw rt.error(PyExc.VALUE_ERROR, "__len__() should return >= 0");
            return n;
        } finally {
            heap.decref(r);
        }
    }

    /** PyObject_RichCompareBool(a, b, Py_EQ): identity implies equality, even for NaN. */
    public boolean eq(PyObject a, PyObject b) {
        if (a == b) return true;
        return compareBool(a, b, CmpOp.EQ);
    }

    /** eq of an item the caller owns, released after the comparison (searches that hold each item while comparing it). */
    public boolean eqReleasing(PyObject owned, PyObject b) {
        try {
            return eq(owned, b);
        } finally {
            heap.decref(owned);
        }
    }

    public boolean compareBool(PyObject a, PyObject b, CmpOp op) {
        PyObject r = richCompare(a, b, op);
        boolean result = truthy(r);
        heap.decref(r);
        return result;
    }

    /**
     * PyObject_RichCompare counts as a recursive call, so comparing nested containers ends in
     * RecursionError. Only comparisons of containers are counted here: 3.11 specializes int, float
     * and str comparisons in conditions into instructions that never call PyObject_RichCompare, and
     * a recursive function's {@code if n > 0} must not meet the limit early.
     */
    public PyObject richCompare(PyObject a, PyObject b, CmpOp op) {
        if (!isContainer(a) && !isContainer(b)) return Compare.richCompare(rt, a, b, op);
        rt.interp.enterRecursiveCall(" in comparison");
        try {
            return Compare.richCompare(rt, a, b, op);
        } finally {
            rt.interp.leaveRecursiveCall();
        }
    }

    private static boolean isContainer(PyObject o) {
        return o instanceof PyList || o instanceof PyTuple || o instanceof PyDict || o instanceof PySet;
    }

    public long hash(PyObject o) {
        return Hashing.hash(rt, o);
    }

    /** A dict key's hash, as dict lookups and stores take it (see {@link #hashAs}). */
    public long keyHash(PyObject key) {
        return hashAs(key, "a dict key");
    }

    /** A set element's hash, as set_add_entry's and set_contains_key's callers take it (see {@link #hashAs}). */
    public long elementHash(PyObject key) {
        return hashAs(key, "a set element");
    }

    /**
     * From 3.14, dict_unhashable_type and set_unhashable_type: a TypeError (exactly, not a subclass) out of
     * hashing {@code key} becomes "cannot use 'T' as ROLE (its message)", with no context.
     */
    private long hashAs(PyObject key, String role) {
        if (!rt.rules.unhashableKeyWording) return Hashing.hash(rt, key);
        try {
            return Hashing.hash(rt, key);
        } catch (PyException e) {
            PyBaseExc v = rt.interp.exc.materialize(e);
            if (v.cls != PyExc.TYPE_ERROR) throw e;
            String text = str(v);
            e.discard(heap);
            throw rt.typeError("cannot use '" + key.type().name + "' as " + role + " (" + text + ")");
        }
    }

    public String repr(PyObject o) {
        return Repr.repr(rt, o);
    }

    public String str(PyObject o) {
        return Repr.str(rt, o);
    }

    // ---- sizes, items, membership ----------------------------------------------------------

    public long len(PyObject o) {
        return switch (o) {
            case PyStr s -> s.length();
            case PyBytes b -> b.length();
            case PyByteArray b -> b.length();
            case PyMemoryView m -> MemoryViews.live(rt, m).length;
            case PyList l -> l.size;
            case PyTuple t -> t.items.length;
            case PyDict d -> {
                d.refuseListing(rt, "len()");
                yield d.used;
            }
            case PySet s -> s.used;
            case PyRange r -> r.length();
            case PyDictView v -> {
                v.dict.refuseListing(rt, "len()");
                yield v.dict.used;
            }
            case PyDeque d -> d.items.size();
            case dev.refgrade.runtime.objects.PyArray a -> a.size;
            case dev.refgrade.runtime.objects.PyMappingProxy p -> {
                dev.refgrade.runtime.stdlib.MappingProxyType.checkListable(rt, p);
                yield len(p.mapping);
            }
            case PyType t when t.metatype != null -> {
                PyObject r = dev.refgrade.runtime.stdlib.EnumModule.slot(rt, t, "__len__");
                long n = Arith.toLong(rt, r);
                heap.decref(r);
                yield n;
            }
            case PyInstance inst when inst.cls.lookup(rt, "__len__") != null -> lengthFrom(callDunder(inst, "__len__"));
            case PyObject p when WeakProxies.is(p) -> WeakProxies.on(rt, p, this::len); // proxy_length
            default -> throw rt.typeError("object of type '" + o.type().name + "' has no len()");
        };
    }

    public PyObject getItem(PyObject o, PyObject key) {
        return Items.getItem(rt, o, key);
    }

    public void setItem(PyObject o, PyObject key, PyObject value) {
        Items.setItem(rt, o, key, value);
    }

    public void delItem(PyObject o, PyObject key) {
        Items.delItem(rt, o, key);
    }

    public boolean contains(PyObject container, PyObject item) {
        return Items.contains(rt, container, item);
    }

    /** PySequence_Count: how many items of {@code c}'s iterator are {@code item} or == it. */
    public long countOf(PyObject c, PyObject item) {
        return Items.iterSearch(rt, c, item, Items.Search.COUNT);
    }

    /** PySequence_Index: the position in {@code c}'s iterator of the first item that is {@code item} or == it. */
    public long indexOf(PyObject c, PyObject item) {
        return Items.iterSearch(rt, c, item, Items.Search.INDEX);
    }

    // ---- iteration -------------------------------------------------------------------------

    public PyObject iter(PyObject o) {
        return Items.iter(rt, o);
    }

    /** GET_ITER: the iterator of a value whose reference the caller hands over; that reference is dropped either way. */
    public PyObject iterTaking(PyObject o) {
        try {
            return Items.iter(rt, o);
        } finally {
            rt.heap.decref(o);
        }
    }

    /** The next item as a new reference, or null when the iterator is exhausted. */
    public PyObject next(PyObject it) {
        return Items.next(rt, it);
    }

    // ---- attributes ------------------------------------------------------------------------

    /** PyObject_GetAttr: an AttributeError out of it is told what was looked up (set_attribute_error_context). */
    public PyObject getAttr(PyObject o, PyStr name) {
        try {
            return Attributes.get(rt, o, name);
        } catch (PyException e) {
            e.lookupContext(heap, o, name);
            throw e;
        }
    }

    public PyObject getAttrOrNull(PyObject o, PyStr name) {
        try {
            return Attributes.get(rt, o, name);
        } catch (PyException e) {
            if (!e.matches(PyExc.ATTRIBUTE_ERROR)) throw e;
            e.discard(rt.heap);
            return null;
        }
    }

    public void setAttr(PyObject o, PyStr name, PyObject value) {
        Attributes.set(rt, o, name, value);
    }

    public void delAttr(PyObject o, PyStr name) {
        Attributes.delete(rt, o, name);
    }

    // ---- calls -----------------------------------------------------------------------------

    /** Calls with borrowed arguments, as C code calls back into Python. */
    public PyObject call(PyObject callable, PyObject[] args, Kwargs kw) {
        return rt.interp.callBorrowed(callable, args, kw);
    }

    public PyObject call(PyObject callable, PyObject... args) {
        return rt.interp.callBorrowed(callable, args, Kwargs.NONE);
    }

    /**
     * _PyObject_LookupSpecial then a call from C: {@code o.name} found on o's type and bound to o,
     * called, and released after the call, so the bound method's reference to o lasts through it
     * (format, round, reversed, math.floor, dir, sys.getsizeof, with's __enter__); null when the
     * type has no such attribute. callDunder is the slots' way (vectorcall_method): o passed unbound.
     */
    public PyObject callSpecial(PyObject o, String name, PyObject... args) {
        PyObject descr = o.type().lookup(rt, name);
        if (descr == null) return null;
        PyObject bound = Descriptors.get(rt, descr, o, o.type());
        try {
            return rt.interp.callBorrowed(bound, args, Kwargs.NONE);
        } finally {
            rt.heap.decref(bound);
        }
    }

    /** Calls {@code o.name(args)} if o's class defines it; null when it does not. */
    public PyObject callDunder(PyObject o, String name, PyObject... args) {
        PyObject f = o.type().lookup(rt, name);
        if (f == null || f == PyRuntime.NONE) return null;
        PyObject[] full = new PyObject[args.length + 1];
        full[0] = o;
        System.arraycopy(args, 0, full, 1, args.length);
        return rt.interp.callBorrowed(f, full, Kwargs.NONE);
    }

    public boolean isInstance(PyObject o, PyType t) {
        return o.type().isSubtypeOf(t);
    }
}
