package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.StaticObjects;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.BuiltinGetter;
import dev.refgrade.runtime.objects.PyByteArray;
import dev.refgrade.runtime.objects.PyBytes;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyManagedBuffer;
import dev.refgrade.runtime.objects.PyMemoryView;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.protocol.MemoryViews;

/** memoryview(object) over bytes and bytearray, its methods and attributes (Objects/memoryobject.c). */
final class MemoryViewMethods {
    private MemoryViewMethods() {}

    static void install(Registry reg) {
        PyType M = PyType.MEMORYVIEW;
        reg.constructor(M, "object", (rt, t, a) -> make(rt, a.get("object")));
        reg.method(M, "tolist", "", (PyRuntime rt, PyMemoryView self, Args a) -> {
            byte[] data = MemoryViews.live(rt, self).bytes();
            PyObject[] items = new PyObject[data.length];
            for (int i = 0; i < data.length; i++) items[i] = rt.newInt(data[i] & 0xff);
            return rt.newList(items, items.length).allocatedExactly();
        });
        reg.method(M, "tobytes", "order='C'", (PyRuntime rt, PyMemoryView self, Args a) -> {
            // Clinic's str-or-None converter first, then memoryview_tobytes_impl: CHECK_RELEASED, the order's value.
            PyObject order = a.get("order");
            String ord = null;
            if (order != null && order != PyRuntime.NONE) {
                if (!(order instanceof PyStr s)) {
                    throw rt.typeError("tobytes() argument 'order' must be str or None, not " + order.type().name);
                }
                if (s.value.indexOf('\0') >= 0) throw rt.error(PyExc.VALUE_ERROR, "embedded null character");
                ord = s.value;
            }
            MemoryViews.live(rt, self);
            // One dimension: C, Fortran and any order lay the bytes out alike.
            if (ord != null && !ord.equals("C") && !ord.equals("F") && !ord.equals("A")) {
                throw rt.error(PyExc.VALUE_ERROR, "order must be 'C', 'F' or 'A'");
            }
            return rt.newBytes(self.bytes());
        });
        reg.method(M, "hex", "sep=<unrepresentable>, bytes_per_sep=1", (PyRuntime rt, PyMemoryView self, Args a) ->
                BytesMethods.hex(rt, MemoryViews.live(rt, self), a));
        reg.method(M, "release", "", (PyRuntime rt, PyMemoryView self, Args a) -> {
            self.release(rt.heap);
            return PyRuntime.NONE;
        });
        reg.method(M, "toreadonly", "", (PyRuntime rt, PyMemoryView self, Args a) -> {
            MemoryViews.live(rt, self);
            return MemoryViews.view(rt, self, self.start, self.step, self.length, true);
        });
        reg.method(M, "__enter__", "", (PyRuntime rt, PyMemoryView self, Args a) -> rt.heap.newRef(MemoryViews.live(rt, self)));
        reg.method(M, "__exit__", "*args", (PyRuntime rt, PyMemoryView self, Args a) -> {
            a.rest();
            self.release(rt.heap);
            return PyRuntime.NONE;
        });
        getter(M, "obj", (rt, m) -> rt.heap.newRef(m.mbuf.obj()));
        getter(M, "readonly", (rt, m) -> PyRuntime.bool(m.readonly));
        getter(M, "nbytes", (rt, m) -> rt.newInt(m.length));
        getter(M, "itemsize", (rt, m) -> rt.newInt(1));
        getter(M, "ndim", (rt, m) -> rt.newInt(1));
        getter(M, "format", (rt, m) -> rt.newStr("B"));
        getter(M, "shape", (rt, m) -> rt.newTuple(rt.newInt(m.length)));
        getter(M, "strides", (rt, m) -> rt.newTuple(rt.newInt(m.step)));
        getter(M, "suboffsets", (rt, m) -> PyRuntime.EMPTY_TUPLE);
        getter(M, "c_contiguous", (rt, m) -> PyRuntime.bool(m.step == 1 || m.length <= 1));
        getter(M, "f_contiguous", (rt, m) -> PyRuntime.bool(m.step == 1 || m.length <= 1));
        getter(M, "contiguous", (rt, m) -> PyRuntime.bool(m.step == 1 || m.length <= 1));
    }

    private interface Getter {
        PyObject get(PyRuntime rt, PyMemoryView m);
    }

    /** A getset descriptor; each raises on a released view (CHECK_RELEASED). */
    private static void getter(PyType t, String name, Getter g) {
        t.install(name, StaticObjects.place(new BuiltinGetter((rt, self) -> g.get(rt, MemoryViews.live(rt, (PyMemoryView) self)))));
    }

    /** PyMemoryView_FromObject: a view of a view shares its buffer; a bytes or bytearray gets a managed buffer first. */
    private static PyObject make(PyRuntime rt, PyObject o) {
        if (o instanceof PyMemoryView m) {
            MemoryViews.live(rt, m);
            return MemoryViews.view(rt, m, m.start, m.step, m.length, m.readonly);
        }
        if (o instanceof dev.refgrade.runtime.objects.PyArray) throw new dev.refgrade.runtime.Unsupported("a memoryview of an array.array", rt.interp.currentFrame() == null ? 0 : rt.interp.currentFrame().line);
        if (!(o instanceof PyBytes) && !(o instanceof PyByteArray)) {
            throw rt.typeError("memoryview: a bytes-like object is required, not '" + o.type().name + "'");
        }
        PyManagedBuffer mbuf = rt.heap.alloc(new PyManagedBuffer(rt.heap.newRef(o)));
        int n = o instanceof PyBytes b ? b.length() : ((PyByteArray) o).length();
        // The view takes the reference _PyManagedBuffer_FromObject returned (PyMemoryView_FromObject's Py_DECREF after mbuf_add_view).
        return rt.heap.alloc(new PyMemoryView(mbuf, 0, 1, n, o instanceof PyBytes));
    }
}
