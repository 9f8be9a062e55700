package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.BuiltinGetter;
import dev.refgrade.runtime.objects.PyArray;
import dev.refgrade.runtime.objects.PyByteArray;
import dev.refgrade.runtime.objects.PyBytes;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyList;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyTuple;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;
import dev.refgrade.runtime.objects.Signature.Convention;
import dev.refgrade.runtime.protocol.BytesOps;
import java.util.Map;

/** The array module (Modules/arraymodule.c, 3.11): array.array of the numeric type codes. */
public final class ArrayModule {
    private ArrayModule() {}

    /** 3.13 added 'w' (Py_UCS4 items) after 'u' (gh-80480). */
    private static String codes(PyRuntime rt) {
        return rt.rules.version.atLeast(dev.refgrade.runtime.PythonVersion.V3_13) ? "bBuwhHiIlLqQfd" : "bBuhHiIlLqQfd";
    }

    /** array.typecodes, which depends on the version a run models. */
    static void addState(PyRuntime rt, dev.refgrade.runtime.objects.PyDict dict) {
        dict.putOwned(rt, rt.name("typecodes"), rt.newStr(codes(rt)));
    }

    public static Map<String, PyObject> contents() {
        Registry reg = Registry.module("array");
        PyType t = PyArray.TYPE;
        reg.put("array", t);
        reg.put("ArrayType", t);
        // array_new: _PyArg_NoKeywords("array.array"), then PyArg_ParseTuple(args, "C|O:array").
        t.constructor = new PyType.Constructor(Signature.parse("typecode, initializer=<unrepresentable>, /").as(Convention.PARSE_TUPLE)
                .named("array.array", "array"), ArrayModule::construct);
        reg.method(t, "append", "v, /", (PyRuntime rt, PyArray a, Args x) -> {
            append(rt, a, x.get("v"));
            return PyRuntime.NONE;
        });
        // 3.11's Clinic gives extend a defining class (METH_METHOD), so _PyArg_UnpackKeywords words its errors.
        reg.method(t, "extend", Signature.parse("bb, /").as(Convention.KEYWORDS), (PyRuntime rt, PyArray a, Args x) -> {
            extend(rt, a, x.get("bb"));
            return PyRuntime.NONE;
        });
        reg.method(t, "pop", Signature.parse("i=-1, /").as(Convention.POSITIONAL), ArrayModule::pop);
        reg.method(t, "insert", Signature.parse("i, v, /").as(Convention.POSITIONAL), ArrayModule::insert);
        reg.method(t, "remove", "v, /", (PyRuntime rt, PyArray a, Args x) -> {
            int i = ArrayItems.indexOf(rt, a, x.get("v"), 0, a.size);
            if (i < 0) throw rt.error(PyExc.VALUE_ERROR, "array.remove(x): x not in array");
            ArrayItems.delete(a, i);
            return PyRuntime.NONE;
        });
        reg.method(t, "index", "v, start=0, stop=sys.maxsize, /", (PyRuntime rt, PyArray a, Args x) -> {
            int i = ArrayItems.indexOf(rt, a, x.get("v"), clamp(x, "start", a.size), clamp(x, "stop", a.size));
            if (i < 0) throw rt.error(PyExc.VALUE_ERROR, "array.index(x): x not in array");
            return rt.newInt(i);
        });
        reg.method(t, "count", "v, /", (PyRuntime rt, PyArray a, Args x) -> {
            PyObject v = x.get("v");
            int n = 0;
            for (int i = 0; i < a.size; i++) if (ArrayItems.equalAt(rt, a, i, v)) n++;
            return rt.newInt(n);
        });
        reg.method(t, "reverse", "", (PyRuntime rt, PyArray a, Args x) -> {
            a.reverse();
            return PyRuntime.NONE;
        });
        reg.method(t, "tolist", "", (PyRuntime rt, PyArray a, Args x) -> tolist(rt, a));
        ArrayBytes.install(reg, t);
        reg.method(t, "__sizeof__", "", (PyRuntime rt, PyArray a, Args x) -> rt.newInt(a.sizeOf() - 16));
        t.install("typecode", new BuiltinGetter((rt, self) -> rt.newStr(String.valueOf(((PyArray) self).typecode))));
        t.install("itemsize", new BuiltinGetter((rt, self) -> rt.newInt(((PyArray) self).itemsize())));
        return reg.contents();
    }

    private static PyObject construct(PyRuntime rt, PyType t, Args x) {
        if (t != PyArray.TYPE) throw x.unsupported("an instance of a subclass of array.array");
        PyObject code = x.get("typecode");
        PyObject init = x.get("initializer");
        if (!(code instanceof PyStr s) || s.value.codePointCount(0, s.value.length()) != 1) {
            throw rt.typeError("array() argument 1 must be a unicode character, not " + code.type().name);
        }
        char c = s.value.charAt(0);
        String codes = codes(rt);
        if (codes.indexOf(c) < 0) {
            throw rt.error(PyExc.VALUE_ERROR, "bad typecode (must be " + String.join(", ", codes.substring(0, codes.length() - 1).split(""))
                    + " or " + codes.charAt(codes.length() - 1) + ")");
        }
        if (c == 'w') throw x.unsupported("array.array('w') (UCS4 items)");
        if (c == 'u' && rt.rules.version.atLeast(dev.refgrade.runtime.PythonVersion.V3_13)) {
            throw x.unsupported("array.array('u') on 3.13+ (its DeprecationWarning)");
        }
        if (init instanceof PyStr && c != 'u') throw rt.typeError("cannot use a str to initialize an array with typecode '" + c + "'");
        PyArray a = rt.heap.alloc(new PyArray(c));
        try {
            // array_new: a list or tuple fills a buffer of its exact length; any other iterable is appended item by item.
            if (init instanceof PyStr str) {
                // array_new: PyUnicode_AsWideCharString, a buffer of exactly the str's wchar_t.
                a.allocateExactly(0);
                ArrayBytes.appendText(a, str.value);
                a.allocated = a.size;
            } else if (init instanceof PyArray src && src.typecode == c) {
                // array_new: another array of this code is copied (memcpy) into a buffer of its exact length.
                a.allocateExactly(src.size);
                copyItems(src, a, 0);
            } else if (init instanceof PyBytes || init instanceof PyByteArray) {
                ArrayBytes.appendBytes(rt, a, BytesOps.contents(init)); // array_array_frombytes
            } else if (init instanceof PyArray) {
                iterExtend(rt, a, init); // an array of another code is iterated as any iterable
            } else if (init instanceof PyList || init instanceof PyTuple) {
                PyObject[] items = init instanceof PyList l ? java.util.Arrays.copyOf(l.items, l.size) : ((PyTuple) init).items;
                a.allocateExactly(items.length);
                for (int i = 0; i < items.length; i++) ArrayItems.set(rt, a, i, items[i]);
            } else if (init != null) {
                iterExtend(rt, a, init);
            }
        } catch (RuntimeException e) {
            rt.heap.decref(a);
            throw e;
        }
        return a;
    }

    /** ins1 at the end: the buffer grows as array_resize grows it, the value is checked first. */
    static void append(PyRuntime rt, PyArray a, PyObject v) {
        insertAt(rt, a, a.size, v);
    }

    private static void insertAt(PyRuntime rt, PyArray a, int where, PyObject v) {
        // ins1 converts the value first (setitem at index -1, which only checks): a bad value changes nothing.
        long n = a.real() ? 0 : ArrayItems.convert(rt, a.typecode, v);
        double d = a.real() ? MathModule.real(rt, v) : 0;
        a.resize(a.size + 1);
        a.shift(where, 1);
        if (a.real()) a.setReal(where, d);
        else a.setInt(where, n);
    }

    /** array_array_extend: another array of the same code at once, anything else through array_iter_extend. */
    static void extend(PyRuntime rt, PyArray a, PyObject iterable) {
        if (iterable instanceof PyArray b) {
            if (b.typecode != a.typecode) throw rt.typeError("can only extend with array of same kind");
            int old = a.size;
            a.resize(old + b.size);
            copyItems(b, a, old);
            return;
        }
        iterExtend(rt, a, iterable);
    }

    /** The C values of {@code from} into {@code to} from index {@code at} on (the memcpy of array_do_extend and array_new). */
    private static void copyItems(PyArray from, PyArray to, int at) {
        for (int i = 0; i < from.size; i++) {
            if (to.real()) to.setReal(at + i, from.realAt(i));
            else to.setInt(at + i, from.intAt(i));
        }
    }

    /** array_iter_extend: each item appended as ins1 appends it. */
    private static void iterExtend(PyRuntime rt, PyArray a, PyObject iterable) {
        PyObject it = rt.ops.iter(iterable);
        try {
            for (PyObject v; (v = rt.ops.next(it)) != null; ) {
                try {
                    append(rt, a, v);
                } finally {
                    rt.heap.decref(v);
                }
            }
        } finally {
            rt.heap.decref(it);
        }
    }

    private static PyObject pop(PyRuntime rt, PyArray a, Args x) {
        long i = x.get("i") == null ? -1 : x.index("i");
        if (a.size == 0) throw rt.error(PyExc.INDEX_ERROR, "pop from empty array");
        if (i < 0) i += a.size;
        if (i < 0 || i >= a.size) throw rt.error(PyExc.INDEX_ERROR, "pop index out of range");
        PyObject v = ArrayItems.get(rt, a, (int) i);
        ArrayItems.delete(a, (int) i);
        return v;
    }

    private static PyObject insert(PyRuntime rt, PyArray a, Args x) {
        long i = x.index("i");
        if (i < 0) i = Math.max(0, i + a.size);
        insertAt(rt, a, (int) Math.min(i, a.size), x.get("v"));
        return PyRuntime.NONE;
    }

    /** _PyEval_SliceIndexNotNone, then counted from the end when negative and clipped to the array. */
    private static int clamp(Args x, String name, int size) {
        long i = x.sliceIndex(name);
        if (i < 0) i = Math.max(0, i + size);
        return (int) Math.min(i, size);
    }

    public static PyList tolist(PyRuntime rt, PyArray a) {
        PyObject[] items = new PyObject[a.size];
        for (int i = 0; i < a.size; i++) items[i] = ArrayItems.get(rt, a, i);
        return rt.newList(items, items.length);
    }
}
