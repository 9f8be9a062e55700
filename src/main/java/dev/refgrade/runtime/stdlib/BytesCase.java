package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.PythonVersion;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.protocol.BytesOps;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * bytes and bytearray: capitalize, title and istitle (Objects/bytes_methods.c, ASCII letters
 * only), splitlines (stringlib/split.h) and translate (bytesobject.c, bytearrayobject.c).
 */
final class BytesCase {
    private BytesCase() {}

    static void install(Registry reg) {
        for (PyType t : List.of(PyType.BYTES, PyType.BYTEARRAY)) {
            reg.method(t, "capitalize", "", BytesCase::capitalize);
            reg.method(t, "title", "", BytesCase::title);
            reg.method(t, "istitle", "", (PyRuntime rt, PyObject self, Args a) -> PyRuntime.bool(isTitle(BytesOps.contents(self))));
            reg.method(t, "splitlines", "keepends=False", BytesCase::splitLines);
            reg.method(t, "translate", "table, /, delete=b''", BytesCase::translate);
        }
    }

    private static boolean upper(int c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean lower(int c) {
        return c >= 'a' && c <= 'z';
    }

    /** _Py_bytes_capitalize: the first byte upper-cased, the rest lower-cased; always a new object. */
    private static PyObject capitalize(PyRuntime rt, PyObject self, Args a) {
        byte[] data = BytesOps.contents(self).clone();
        for (int i = 0; i < data.length; i++) {
            int c = data[i] & 0xff;
            if (i == 0 && lower(c)) data[i] = (byte) (c - 32);
            else if (i > 0 && upper(c)) data[i] = (byte) (c + 32);
        }
        return BytesOps.make(rt, self, data);
    }

    /** _Py_bytes_title: a letter after a cased letter is lowered, any other letter raised. */
    private static PyObject title(PyRuntime rt, PyObject self, Args a) {
        byte[] data = BytesOps.contents(self).clone();
        boolean previousCased = false;
        for (int i = 0; i < data.length; i++) {
            int c = data[i] & 0xff;
            if (lower(c)) {
                if (!previousCased) data[i] = (byte) (c - 32);
                previousCased = true;
            } else if (upper(c)) {
                if (previousCased) data[i] = (byte) (c + 32);
                previousCased = true;
            } else previousCased = false;
        }
        return BytesOps.make(rt, self, data);
    }

    /** _Py_bytes_istitle: one byte is title when upper; otherwise some cased letter, none out of place. */
    private static boolean isTitle(byte[] data) {
        if (data.length == 1) return upper(data[0]);
        boolean cased = false, previousCased = false;
        for (byte b : data) {
            if (upper(b)) {
                if (previousCased) return false;
                previousCased = cased = true;
            } else if (lower(b)) {
                if (!previousCased) return false;
                previousCased = cased = true;
            } else previousCased = false;
        }
        return cased;
    }

    /**
     * stringlib_splitlines: lines end at \n, \r or \r\n, kept when keepends (a C int in 3.11, Clinic's
     * bool(accept={int}) converter) is nonzero; an exact bytes that is one whole line is itself.
     */
    private static PyObject splitLines(PyRuntime rt, PyObject self, Args a) {
        PyObject k = a.get("keepends");
        // 3.12's Clinic bool converter takes any object's truth (PyObject_IsTrue).
        boolean keep = k != null && (rt.rules.version.atLeast(PythonVersion.V3_12) ? rt.ops.truthy(k) : BytesShape.cInt(rt, k) != 0);
        byte[] data = BytesOps.contents(self);
        List<PyObject> lines = new ArrayList<>();
        int i = 0;
        while (i < data.length) {
            int j = i;
            while (i < data.length && data[i] != '\n' && data[i] != '\r') i++;
            int eol = i;
            if (i < data.length) {
                i += data[i] == '\r' && i + 1 < data.length && data[i + 1] == '\n' ? 2 : 1;
                if (keep) eol = i;
            }
            rt.charge(1);
            if (j == 0 && eol == data.length && self.type() == PyType.BYTES) lines.add(rt.heap.newRef(self));
            else lines.add(BytesOps.make(rt, self, Arrays.copyOfRange(data, j, eol)));
        }
        return rt.newList(lines.toArray(new PyObject[0]), lines.size());
    }

    /**
     * bytes_translate_impl: table (None or a buffer of 256 bytes) is read before delete (a
     * buffer); an exact bytes nothing changed is itself, a bytearray always a new one.
     */
    private static PyObject translate(PyRuntime rt, PyObject self, Args a) {
        PyObject tableArg = a.get("table"), deleteArg = a.get("delete");
        byte[] table = tableArg == PyRuntime.NONE ? null : BytesOps.required(rt, tableArg);
        if (table != null && table.length != 256) throw rt.error(PyExc.VALUE_ERROR, "translation table must be 256 characters long");
        byte[] delete = deleteArg == null ? new byte[0] : BytesOps.required(rt, deleteArg);
        boolean[] deleted = new boolean[256];
        for (byte d : delete) deleted[d & 0xff] = true;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : BytesOps.contents(self)) {
            if (!deleted[b & 0xff]) out.write(table == null ? b : table[b & 0xff]);
        }
        return BytesOps.same(rt, self, out.toByteArray());
    }
}
