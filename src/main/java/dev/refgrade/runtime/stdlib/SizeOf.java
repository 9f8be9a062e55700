package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.PythonVersion;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.PyDeque;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyFloat;
import dev.refgrade.runtime.objects.PyByteArray;
import dev.refgrade.runtime.objects.PyBytes;
import dev.refgrade.runtime.objects.PyMemoryView;
import dev.refgrade.runtime.objects.PyBareObject;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyCell;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyDictView;
import dev.refgrade.runtime.objects.PyFunction;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyIter;
import dev.refgrade.runtime.objects.PyMethod;
import dev.refgrade.runtime.objects.PyProperty;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.PyWeakRef;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PySet;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyRange;
import dev.refgrade.runtime.objects.PySingleton;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;

/**
 * sys.getsizeof(object, default): the object's __sizeof__ plus its GC header, on 64-bit CPython of
 * the run's version (VersionRules.allocSize).
 * Given where the simulator fixes the size exactly: lists, dicts and sets from the capacity
 * modelled as CPython grows it, instances from their class's layout, and the types whose
 * allocSize is CPython's (header included); everything else is refused by name, never guessed.
 */
final class SizeOf {
    private SizeOf() {}

    /**
     * An instance of a class: its allocation (PyInstance.allocSize: object's 16 bytes, 8 per member
     * slot, the GC header, with a __dict__ the managed-dict pre-header, the weaklist slot), as this
     * version lays it out. Deriving from a builtin other than object is refused, and on 3.12+
     * __slots__ that name __dict__ or __weakref__.
     */
    private static long instance(Args a, PyInstance i, String what, PyRuntime rt) {
        for (PyType t : i.cls.mro) {
            if (t == PyType.OBJECT) continue;
            // A library's Python class (ChainMap, contextlib's) is a heap type in CPython, laid out like the program's own.
            if (!t.heapType && !t.isLibraryClass()) throw a.unsupported(what + " of an instance of a subclass of '" + t.name + "'");
            // 3.12 moved a __slots__-declared dict and weak reference list into the pre-header, where the simulator does not follow.
            if ((t.slotsDict || t.slotsWeakref) && rt.rules.version != PythonVersion.V3_11) {
                throw a.unsupported(what + " of an instance whose __slots__ names __dict__ or __weakref__, on Python " + rt.rules.version);
            }
        }
        return rt.rules.allocSize(i);
    }

    /**
     * The objects whose size after 3.11 the simulator knows: those whose struct did not change
     * (int, float, range, None, object(), list, dict, set) and those whose change VersionRules
     * applies (str, instances); other sizes on later versions are refused, not given as 3.11's.
     */
    private static boolean sizeFollowsVersions(PyObject o) {
        return o instanceof PyInt || o instanceof PyFloat || o instanceof PyRange || o instanceof PySingleton
                || o instanceof PyBareObject || o instanceof PyList || o instanceof PyDict || o instanceof PySet
                || o instanceof PyStr || o instanceof PyInstance || o instanceof PyTuple;
    }

    static PyObject getsizeof(PyRuntime rt, Args a) {
        PyObject o = a.get("object");
        PyObject dflt = a.get("default");
        // A class's own __sizeof__ is asked, as _PySys_GetSizeOf asks any; the builtins' below cannot raise.
        if (o.type().lookup(rt, "__sizeof__") instanceof dev.refgrade.runtime.objects.PyFunction) {
            try {
                return rt.newInt(ownSizeof(rt, a, o));
            } catch (dev.refgrade.runtime.objects.PyException e) {
                if (dflt == null || !e.matches(dev.refgrade.runtime.objects.PyExc.TYPE_ERROR)) throw e;
                return rt.heap.newRef(dflt);
            }
        }
        return rt.newInt(size(rt, a, o, "sys.getsizeof()"));
    }

    /**
     * _PySys_GetSizeOf with a class's own __sizeof__: its result, an int of at least 0 (PyLong_AsSsize_t),
     * plus the pre-header CPython 3.11 puts before the object (the GC header, a managed __dict__'s two pointers).
     */
    private static long ownSizeof(PyRuntime rt, Args a, PyObject o) {
        if (rt.rules.version != PythonVersion.V3_11) {
            throw a.unsupported("sys.getsizeof() of an object whose class defines __sizeof__, on Python " + rt.rules.version);
        }
        PyObject r = rt.ops.callSpecial(o, "__sizeof__");
        long n;
        try {
            if (!(r instanceof PyInt i)) throw rt.typeError("an integer is required");
            if (!i.fitsLong()) throw rt.error(dev.refgrade.runtime.objects.PyExc.OVERFLOW_ERROR, "Python int too large to convert to C ssize_t");
            n = i.longValue();
        } finally {
            rt.heap.decref(r);
        }
        if (n < 0) throw rt.error(dev.refgrade.runtime.objects.PyExc.VALUE_ERROR, "__sizeof__() should return >= 0");
        return n + preHeader(o);
    }

    /** _PyType_PreHeaderSize: the GC header of an object the collector tracks by type, and a managed __dict__'s two pointers. */
    private static long preHeader(PyObject o) {
        return (o.isGcType() ? 16 : 0) + (o instanceof PyInstance i && i.attrs != null ? 16 : 0);
    }

    /**
     * object.__sizeof__ and the builtins' own: the size sys.getsizeof gives less what it adds before
     * the object, _PyType_PreHeaderSize: the GC header of an object the collector tracks by type
     * (_PyObject_IS_GC), and for an instance with a managed __dict__ the two pointers before it too.
     */
    static PyObject dunderSizeof(PyRuntime rt, PyObject self, Args a) {
        return rt.newInt(size(rt, a, self, "__sizeof__()") - preHeader(self));
    }

    private static long size(PyRuntime rt, Args a, PyObject o, String what) {
        if (rt.rules.version != PythonVersion.V3_11 && !sizeFollowsVersions(o)) {
            throw a.unsupported(what + " of a '" + o.type().name + "' object on Python " + rt.rules.version);
        }
        return switch (o) {
            // int: 24-byte header then 30-bit digits, at least one (3.11 allocates one for 0 too).
            case PyInt i -> i.allocSize();
            case PyFloat f -> f.allocSize();
            case dev.refgrade.runtime.objects.PyComplex c -> c.allocSize();
            // A PEP 393 compact string: header + n + 1 for ASCII, header + width * (n + 1) otherwise (VersionRules).
            case PyStr s -> rt.rules.allocSize(s);
            // GC header (16) + PyTupleObject (24; 32 from 3.14) + 8 per item.
            case PyTuple t -> rt.rules.allocSize(t);
            case PyRange r -> r.allocSize();
            // PySliceObject's three pointers and the GC header.
            case dev.refgrade.runtime.objects.PySlice s -> s.allocSize();
            // PyBytesObject: 32 bytes of header and cached hash, the bytes, a NUL.
            case PyBytes b -> b.allocSize();
            // bytearray___sizeof__: the object (56) and its allocated buffer, over-allocation included.
            case PyByteArray b -> b.sizeOf();
            // PyMemoryViewObject with one dimension's shape, strides and suboffsets, and the GC header.
            case PyMemoryView m -> m.allocSize();
            // list_sizeof: the object and its GC header (56) plus 8 per allocated slot, over-allocation included.
            case PyList l when l.allocated >= 0 -> l.allocSize() + 8L * l.allocated;
            case PyDict d when d.sizeModelled && !d.inlineValues -> d.sizeOf();
            case PyDict d -> throw a.unsupported(what + " of a dict whose table CPython sizes in a way not modelled (an instance's, a namespace, a dict built from keywords or a mapping)");
            // set_sizeof: the object with its 8-slot smalltable (200) and GC header, plus a larger table of 16-byte entries.
            case PySet s -> s.allocSize() + (s.table.length > 8 ? 16L * s.table.length : 0);
            case PyInstance i -> instance(a, i, what, rt);
            case PyDeque d -> d.sizeOf();
            case dev.refgrade.runtime.objects.PyArray arr -> arr.sizeOf();
            // Objects whose size is their allocation, GC header included, exactly as CPython's.
            case PyFunction f -> f.allocSize();
            case PyMethod m -> m.allocSize();
            case dev.refgrade.runtime.objects.PyLruCache c -> c.allocSize();
            case dev.refgrade.runtime.objects.PyKeyWrapper k -> k.allocSize();
            case PyBareObject b -> b.allocSize();
            case PyDictView v -> v.allocSize();
            case PyProperty p -> p.allocSize();
            case dev.refgrade.runtime.objects.PyCachedProperty p -> p.allocSize();
            case dev.refgrade.runtime.objects.PyMappingProxy p -> p.allocSize();
            case dev.refgrade.runtime.objects.PyNamespace ns -> ns.allocSize();
            case dev.refgrade.runtime.objects.PyGenericAlias g -> g.allocSize();
            case dev.refgrade.runtime.objects.PyGetSetDescr g -> g.allocSize();
            case PyCell c -> c.allocSize();
            case PyWeakRef w -> w.allocSize(); // a proxy is the same PyWeakReference struct
            // builtin_function_or_method; a dunder of a builtin type is a slot wrapper in CPython, of another size.
            case PyBuiltin b when !b.name.startsWith("__") -> b.allocSize();
            case PyIter it -> it.allocSize();
            // enumerate, zip, map, filter, reversed, callable_iterator: their structs, GC header included.
            case dev.refgrade.runtime.objects.PyBuiltinIter it -> it.allocSize();
            case PyList l -> throw a.unsupported(what + " of a list built in a way whose over-allocation is not modelled");
            case PySingleton s when s == PyRuntime.NONE -> s.allocSize();
            default -> throw a.unsupported(what + " of a '" + o.type().name + "' object");
        };
    }
}
