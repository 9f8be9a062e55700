package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyByteArray;
import dev.refgrade.runtime.objects.PyBytes;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;
import dev.refgrade.runtime.protocol.Arith;
import dev.refgrade.runtime.protocol.BytesOps;

/** Calling bytes and bytearray (bytes_new, bytearray___init__), and str.encode. */
final class BytesTypes {
    private BytesTypes() {}

    static void install(Registry reg) {
        Signature sig = Signature.parse("source=<unrepresentable>, encoding=<unrepresentable>, errors=<unrepresentable>");
        reg.constructor(PyType.BYTES, sig, BytesTypes::newBytes);
        reg.constructor(PyType.BYTEARRAY, sig, BytesTypes::newByteArray);
        reg.method(PyType.STR, "encode", "encoding='utf-8', errors='strict'", (PyRuntime rt, PyStr self, Args a) ->
                rt.newBytes(Codecs.encode(rt, Codecs.codec(rt, a, "encode"), self.value)));
    }

    /** The checks bytes() and bytearray() share on source/encoding/errors; the encoded text when encoding is given, else null. */
    private static byte[] encoded(PyRuntime rt, Args a, PyObject source) {
        boolean enc = a.given("encoding"), errors = a.given("errors");
        if (source == null || enc && !(source instanceof PyStr)) {
            if (enc || errors) {
                a.get("encoding");
                a.get("errors");
                throw rt.typeError(enc ? "encoding without a string argument" : "errors without a string argument");
            }
            return null;
        }
        if (enc) return Codecs.encode(rt, Codecs.codec(rt, a, source.type().name), ((PyStr) source).value);
        if (errors || source instanceof PyStr) {
            a.get("errors");
            throw rt.typeError(source instanceof PyStr ? "string argument without an encoding" : "errors without a string argument");
        }
        return null;
    }

    private static PyObject newBytes(PyRuntime rt, PyType t, Args a) {
        PyObject source = a.get("source");
        byte[] enc = encoded(rt, a, source);
        if (enc != null) return rt.newBytes(enc);
        if (source == null) return rt.newBytes(new byte[0]);
        // bytes___bytes__ of an exact bytes is the bytes itself; a class's __bytes__ must give bytes.
        if (source instanceof PyBytes) return rt.heap.newRef(source);
        PyObject special = dunderBytes(rt, source);
        if (special != null) return special;
        if (Arith.hasIndex(rt, source)) return rt.newBytes(new byte[count(rt, source)]);
        byte[] buffer = BytesOps.buffer(source);
        if (buffer != null) return rt.newBytes(buffer);
        return rt.newBytes(BytesOps.fromIterable(rt, source, "bytes", "bytes must be in range(0, 256)"));
    }

    private static PyObject newByteArray(PyRuntime rt, PyType t, Args a) {
        PyObject source = a.get("source");
        byte[] enc = encoded(rt, a, source);
        PyByteArray b = rt.heap.alloc(new PyByteArray(new byte[0]));
        try {
            if (enc != null) b.replace(0, 0, enc); // bytearray_iconcat of the encoded bytes
            else if (Arith.hasIndex(rt, source)) b.resize(count(rt, source));
            else if (source != null && BytesOps.buffer(source) != null) b.replace(0, 0, BytesOps.buffer(source));
            else if (source instanceof PyList || source instanceof PyTuple) {
                // The list and tuple fast path: one resize to their length, then each item checked.
                byte[] values = BytesOps.fromIterable(rt, source, "bytearray", "byte must be in range(0, 256)");
                b.replace(0, 0, values);
            } else if (source != null) {
                for (byte v : BytesOps.fromIterable(rt, source, "bytearray", "byte must be in range(0, 256)")) b.appendWhileBuilding(v);
            }
        } catch (RuntimeException e) {
            rt.heap.decref(b);
            throw e;
        }
        return b;
    }

    /** A class's __bytes__, which must give bytes; null when the object's class has none. */
    private static PyObject dunderBytes(PyRuntime rt, PyObject source) {
        if (!(source instanceof PyInstance inst) || inst.cls.lookup(rt, "__bytes__") == null) return null;
        PyObject r = rt.ops.callSpecial(inst, "__bytes__");
        if (r instanceof PyBytes) return r;
        rt.heap.decref(r);
        throw rt.typeError("__bytes__ returned non-bytes (type " + r.type().name + ")");
    }

    /**
     * PyObject_Bytes's contents: a bytes's own, a class's __bytes__, then PyBytes_FromObject: a
     * buffer, or the ints of an iterable that is not a str.
     */
    static byte[] objectBytes(PyRuntime rt, PyObject source) {
        if (source instanceof PyBytes b) return b.value();
        PyObject special = dunderBytes(rt, source);
        if (special != null) {
            byte[] v = ((PyBytes) special).value();
            rt.heap.decref(special);
            return v;
        }
        byte[] buffer = BytesOps.buffer(source);
        if (buffer != null) return buffer;
        if (source instanceof PyStr) throw rt.typeError("cannot convert 'str' object to bytes");
        return BytesOps.fromIterable(rt, source, "bytes", "bytes must be in range(0, 256)");
    }

    /** bytes(n) / bytearray(n): n zero bytes. */
    private static int count(PyRuntime rt, PyObject n) {
        long size = Arith.toSize(rt, n);
        if (size < 0) throw rt.error(PyExc.VALUE_ERROR, "negative count");
        rt.checkStringLength(size);
        return (int) size;
    }
}
