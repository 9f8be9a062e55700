package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyBareObject;
import dev.refgrade.runtime.objects.PyBool;
import dev.refgrade.runtime.objects.PyByteArray;
import dev.refgrade.runtime.objects.PyBytes;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyFloat;
import dev.refgrade.runtime.objects.PyInstance;
import dev.refgrade.runtime.objects.PyMemoryView;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyProperty;
import dev.refgrade.runtime.objects.PyRange;
import dev.refgrade.runtime.objects.PySet;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;
import dev.refgrade.runtime.protocol.Arith;
import dev.refgrade.runtime.protocol.BytesOps;
import dev.refgrade.runtime.protocol.Format;
import dev.refgrade.runtime.protocol.IntDigits;
import dev.refgrade.runtime.protocol.Repr;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Calling a builtin type: int(), str(), list()..., with CPython's shortcuts that return the argument. */
final class Constructors {
    private Constructors() {}

    /** str(object, encoding, errors): PyUnicode_FromEncodedObject, as bytes.decode does it (utf-8 when only errors is given). */
    private static PyObject decoded(PyRuntime rt, Args a, PyObject o) {
        Codecs.Codec codec = Codecs.codec(rt, a, "str");
        if (o == null) return PyRuntime.EMPTY_STR;
        if (o instanceof PyStr) throw rt.typeError("decoding str is not supported");
        byte[] bytes = dev.refgrade.runtime.protocol.BytesOps.buffer(o);
        if (bytes == null) throw rt.typeError("decoding to str: need a bytes-like object, " + o.type().name + " found");
        return rt.newStr(Codecs.decode(rt, codec, bytes));
    }

    static void install(Registry reg) {
        reg.constructor(PyType.INT, Signature.parse("x=<unrepresentable>, /, base=<unrepresentable>"), Constructors::newInt);
        reg.constructor(PyType.BOOL, "x=<unrepresentable>, /", (rt, t, a) -> {
            PyObject x = a.get("x");
            return PyRuntime.bool(x != null && rt.ops.truthy(x));
        });
        reg.constructor(PyType.FLOAT, "x=0, /", Constructors::newFloat);
        reg.constructor(PyType.STR, Signature.parse("object=<unrepresentable>, encoding=<unrepresentable>, errors=<unrepresentable>"),
                (rt, t, a) -> {
                    PyObject o = a.get("object");
                    if (a.given("encoding") || a.given("errors")) return decoded(rt, a, o);
                    if (o == null) return PyRuntime.EMPTY_STR;
                    return Repr.strObject(rt, o);
                });
        reg.constructor(PyType.LIST, "iterable=(), /", (rt, t, a) -> {
            PyObject it = a.get("iterable");
            return it == null ? rt.newList().allocatedExactly() : ListGrowth.construct(rt, it);
        });
        reg.constructor(PyType.TUPLE, "iterable=(), /", (rt, t, a) -> {
            PyObject it = a.get("iterable");
            if (it == null) return PyRuntime.EMPTY_TUPLE;
            if (it.type() == PyType.TUPLE) return rt.heap.newRef(it);
            return rt.newTuple(rt.rules.tupleWithoutLengthHint ? Builtins.toArray(rt, it) : ListGrowth.itemsHinted(rt, it));
        });
        reg.constructor(PyType.DICT, Signature.parse("other=<unrepresentable>, /, **kwargs").as(Signature.Convention.POSITIONAL),
                (rt, t, a) -> {
                    PyObject other = a.get("other");
                    PyDict d = rt.newDict().modelled(); // dict_vectorcall: dict_new, merge, then each keyword inserted
                    try {
                        if (other != null) DictMethods.merge(rt, d, other);
                        DictMethods.putAll(rt, d, a.extra());
                    } catch (RuntimeException e) {
                        rt.heap.decref(d);
                        throw e;
                    }
                    return d;
                });
        reg.constructor(PyType.SET, "iterable=<unrepresentable>, /", (rt, t, a) -> makeSet(rt, a.get("iterable"), false));
        reg.constructor(PyType.FROZENSET, "iterable=<unrepresentable>, /", (rt, t, a) -> {
            PyObject it = a.get("iterable");
            if (it != null && it.type() == PyType.FROZENSET) return rt.heap.newRef(it);
            return makeSet(rt, it, true);
        });
        // object_new and NoneType's tp_new word their one complaint themselves, keywords or not.
        reg.constructor(PyType.OBJECT, "*args, **kwargs", (rt, t, a) -> {
            if (a.rest().length > 0 || !a.extra().isEmpty()) throw rt.typeError("object() takes no arguments");
            return rt.heap.alloc(new PyBareObject());
        });
        reg.constructor(PyType.NONE, "*args, **kwargs", (rt, t, a) -> {
            if (a.rest().length > 0 || !a.extra().isEmpty()) throw rt.typeError("NoneType takes no arguments");
            return PyRuntime.NONE;
        });
        reg.constructor(PyType.TYPE, "*args, **kwargs", (rt, t, a) -> {
            PyObject[] args = a.rest();
            if (args.length == 1 && !a.extra().isEmpty()) throw rt.typeError("type() takes no keyword arguments");
            if (args.length == 3) throw a.unsupported("type() with three arguments (making a class)");
            if (args.length != 1) throw rt.typeError("type() takes 1 or 3 arguments");
            return rt.heap.newRef(args[0].type());
        });
        reg.constructor(PyType.RANGE, "start_or_stop, stop=<unrepresentable>, step=<unrepresentable>, /", (rt, t, a) -> {
            PyObject first = a.get("start_or_stop"), second = a.get("stop"), third = a.get("step");
            // range_new: each bound through PyNumber_Index (an exact int is kept as it is); start 0 and step 1 when left out.
            PyInt start = second == null ? rt.newInt(0) : rangeBound(rt, a, first);
            PyInt stop, step;
            try {
                stop = rangeBound(rt, a, second == null ? first : second);
            } catch (RuntimeException e) {
                rt.heap.decref(start);
                throw e;
            }
            try {
                step = third != null ? rangeBound(rt, a, third) : rt.newInt(1);
            } catch (RuntimeException e) {
                rt.heap.decref(start);
                rt.heap.decref(stop);
                throw e;
            }
            if (step.longValue() == 0) {
                rt.heap.decref(start);
                rt.heap.decref(stop);
                rt.heap.decref(step);
                throw rt.error(PyExc.VALUE_ERROR, "range() arg 3 must not be zero");
            }
            return rt.heap.alloc(new PyRange(start, stop, step));
        });
    }

    /** long_new: int(), int(x), int(text, base); base without x is CPython's own complaint. */
    static PyObject newInt(PyRuntime rt, PyType t, Args a) {
        PyObject x = a.get("x"), base = a.get("base");
        if (x == null) {
            if (base != null) throw rt.typeError("int() missing string argument");
            return rt.newInt(0);
        }
        if (base != null) {
            // long_new_impl: PyNumber_AsSsize_t(obase, NULL), which clamps a huge base instead of raising.
            boolean huge = base instanceof PyInt i && !i.fitsLong();
            return parseInt(rt, x, huge ? ((PyInt) base).bigValue().signum() * (long) Integer.MAX_VALUE : Arith.toIndex(rt, base));
        }
        return switch (x) {
            case PyBool b -> rt.newInt(b.small);
            case PyInt i -> rt.heap.newRef(i); // long_long: an exact int is returned as is
            case PyFloat f -> {
                if (Double.isNaN(f.value) || Double.isInfinite(f.value)) {
                    throw rt.error(Double.isNaN(f.value) ? PyExc.VALUE_ERROR : PyExc.OVERFLOW_ERROR,
                            "cannot convert float " + (Double.isNaN(f.value) ? "NaN" : "infinity") + " to integer");
                }
                yield rt.newInt(new BigDecimal(f.value).toBigInteger());
            }
            case PyStr s -> parseInt(rt, s, 10);
            case PyBytes b -> parseInt(rt, b, 10);
            case PyByteArray b -> parseInt(rt, b, 10);
            case PyMemoryView m -> throw rt.refusal("int() of a memoryview (its buffer)");
            case PyInstance inst -> Arith.numberLong(rt, inst);
            default -> throw rt.typeError("int() argument must be a string, a bytes-like object or a real number, not '"
                    + x.type().name + "'");
        };
    }

    static PyObject newFloat(PyRuntime rt, PyType t, Args a) {
        PyObject x = a.get("x");
        if (x == null) return rt.newFloat(0.0);
        return switch (x) {
            case PyFloat f -> rt.heap.newRef(f);
            case PyInt i -> rt.newFloat(Arith.toDouble(rt, i));
            case PyStr s -> rt.newFloat(parseFloat(rt, s.value, null));
            case PyBytes b -> rt.newFloat(parseFloat(rt, b.value(), BytesOps.repr(b.value())));
            case PyByteArray b -> rt.newFloat(parseFloat(rt, b.bytes(), BytesOps.arrayRepr(b.bytes())));
            case PyMemoryView m -> throw rt.refusal("float() of a memoryview (its buffer)");
            default -> {
                PyFloat f = x instanceof PyInstance inst ? Arith.floatObject(rt, inst) : null; // PyNumber_Float: __float__, else __index__
                if (f != null) yield f;
                throw rt.typeError("float() argument must be a string or a real number, not '" + x.type().name + "'");
            }
        };
    }

    private static PyObject makeSet(PyRuntime rt, PyObject iterable, boolean frozen) {
        PySet s = rt.newSet(frozen);
        if (iterable == null) return s;
        // make_new_set: set_update_internal, and the new set released if that fails.
        try {
            SetMethods.updateFrom(rt, s, iterable);
        } catch (RuntimeException e) {
            rt.heap.decref(s);
            throw e;
        }
        return s;
    }

    /** int(x, base): base 2..36, or 0 to read the base from the prefix. */
    static PyObject parseInt(PyRuntime rt, PyObject x, long base) {
        if (base != 0 && (base < 2 || base > 36)) throw rt.error(PyExc.VALUE_ERROR, "int() base must be >= 2 and <= 36, or 0");
        return switch (x) {
            case PyStr s -> IntDigits.parse(rt, s.value, (int) base, null);
            case PyBytes b -> IntDigits.parseBytes(rt, b.value(), (int) base);
            case PyByteArray b -> IntDigits.parseBytes(rt, b.bytes(), (int) base);
            default -> throw rt.typeError("int() can't convert non-string with explicit base");
        };
    }

    /**
     * float(str), float(bytes): _PyUnicode_TransformDecimalAndSpaceToASCII (a str's non-ASCII digits and
     * spaces only), the ASCII spaces at either end dropped; an error shows {@code shown}, or the text's repr.
     */
    static double parseFloat(PyRuntime rt, String text, String shown) {
        String t = IntDigits.stripSpaces(IntDigits.asciiDigits(text)).toLowerCase(java.util.Locale.ROOT);
        // _Py_string_to_number_with_underscores: an underscore only between two digits.
        for (int i = t.indexOf('_'); i >= 0; i = t.indexOf('_', i + 1)) {
            if (i == 0 || i == t.length() - 1 || !isAsciiDigit(t.charAt(i - 1)) || !isAsciiDigit(t.charAt(i + 1))) {
                throw notAFloat(rt, shown != null ? shown : Repr.quote(text));
            }
        }
        t = t.replace("_", "");
        switch (t) {
            case "nan", "+nan", "-nan": return Double.NaN;
            case "inf", "+inf", "infinity", "+infinity": return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity": return Double.NEGATIVE_INFINITY;
            default:
                try {
                    if (t.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)(e[-+]?\\d+)?")) return Double.parseDouble(t);
                } catch (NumberFormatException ignored) {
                    // reported below as CPython does
                }
                throw notAFloat(rt, shown != null ? shown : Repr.quote(text));
        }
    }

    /** PyFloat_FromString of a bytes-like object: its bytes as ASCII text (any other byte is no number); errors show its repr. */
    private static double parseFloat(PyRuntime rt, byte[] data, String shown) {
        String text = IntDigits.asciiText(data);
        if (text == null) throw notAFloat(rt, shown);
        return parseFloat(rt, text, shown);
    }

    private static RuntimeException notAFloat(PyRuntime rt, String shown) {
        return rt.error(PyExc.VALUE_ERROR, "could not convert string to float: " + shown);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** PyNumber_Index for range(): an exact int itself, a bool as a plain int. Ranges are modelled with 64-bit bounds. */
    private static PyInt rangeBound(PyRuntime rt, Args a, PyObject o) {
        if (o instanceof PyInt i && !i.fitsLong()) throw a.unsupported("range() with a bound beyond 64 bits");
        PyInt v = Arith.indexObject(rt, o);
        if (v.fitsLong()) return v;
        rt.heap.decref(v);
        throw a.unsupported("range() with a bound beyond 64 bits");
    }
}
