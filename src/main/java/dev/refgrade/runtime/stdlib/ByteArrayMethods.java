package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyByteArray;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.protocol.BytesOps;

/** bytearray's own methods, each changing the length through PyByteArray_Resize (so its growth shows in sys.getsizeof). */
final class ByteArrayMethods {
    private ByteArrayMethods() {}

    static void install(Registry reg) {
        PyType B = PyType.BYTEARRAY;
        reg.method(B, "append", "item, /", (PyRuntime rt, PyByteArray self, Args a) -> {
            byte v = BytesOps.byteValue(rt, a.get("item"));
            BytesOps.resizing(rt, self);
            self.insertAt(self.length(), v);
            return PyRuntime.NONE;
        });
        reg.method(B, "extend", "iterable_of_ints, /", ByteArrayMethods::extend);
        reg.method(B, "pop", "index=-1, /", ByteArrayMethods::pop);
        reg.method(B, "insert", "index, item, /", (PyRuntime rt, PyByteArray self, Args a) -> {
            long i = a.index("index");
            byte v = BytesOps.byteValue(rt, a.get("item"));
            int n = self.length();
            if (i < 0) i = Math.max(0, i + n);
            BytesOps.resizing(rt, self);
            self.insertAt((int) Math.min(i, n), v);
            return PyRuntime.NONE;
        });
        reg.method(B, "remove", "value, /", (PyRuntime rt, PyByteArray self, Args a) -> {
            byte v = BytesOps.byteValue(rt, a.get("value"));
            for (int i = 0; i < self.length(); i++) {
                if (self.get(i) == v) {
                    BytesOps.resizing(rt, self);
                    self.removeAt(i);
                    return PyRuntime.NONE;
                }
            }
            throw rt.error(PyExc.VALUE_ERROR, "value not found in bytearray");
        });
        reg.method(B, "clear", "", (PyRuntime rt, PyByteArray self, Args a) -> {
            if (self.length() > 0) BytesOps.resizing(rt, self);
            self.resize(0);
            return PyRuntime.NONE;
        });
        reg.method(B, "copy", "", (PyRuntime rt, PyByteArray self, Args a) -> rt.heap.alloc(new PyByteArray(self.bytes())));
        reg.method(B, "reverse", "", (PyRuntime rt, PyByteArray self, Args a) -> {
            self.reverse();
            return PyRuntime.NONE;
        });
    }

    /** bytearray_extend: a buffer is appended as one slice; any other iterable is read whole first, then appended. */
    private static PyObject extend(PyRuntime rt, PyByteArray self, Args a) {
        PyObject source = a.get("iterable_of_ints");
        byte[] values = BytesOps.buffer(source);
        if (values == null) {
            try {
                values = BytesOps.fromIterable(rt, source, "bytearray", "byte must be in range(0, 256)");
            } catch (PyException e) {
                if (e.excType == PyExc.TYPE_ERROR && e.pyMessage.startsWith("cannot convert '")) {
                    e.discard(rt.heap);
                    throw rt.typeError("can't extend bytearray with " + source.type().name);
                }
                throw e;
            }
        }
        if (values.length > 0) BytesOps.resizing(rt, self);
        self.replace(self.length(), self.length(), values);
        return PyRuntime.NONE;
    }

    private static PyObject pop(PyRuntime rt, PyByteArray self, Args a) {
        long i = a.index("index");
        int n = self.length();
        if (n == 0) throw rt.error(PyExc.INDEX_ERROR, "pop from empty bytearray");
        if (i < 0) i += n;
        if (i < 0 || i >= n) throw rt.error(PyExc.INDEX_ERROR, "pop index out of range");
        BytesOps.resizing(rt, self);
        return rt.newInt(self.removeAt((int) i) & 0xff);
    }
}
