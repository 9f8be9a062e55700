package dev.refgrade.runtime.stdlib;

import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.objects.DictMethods;
import dev.refgrade.runtime.objects.PyBareObject;
import dev.refgrade.runtime.objects.PyBool;
import dev.refgrade.runtime.objects.PyDict;
import dev.refgrade.runtime.objects.PyExc;
import dev.refgrade.runtime.objects.PyFloat;
import dev.refgrade.runtime.objects.PyInt;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyProperty;
import dev.refgrade.runtime.objects.PyRange;
import dev.refgrade.runtime.objects.PySet;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.protocol.Arith;
import dev.refgrade.runtime.protocol.Format;
import dev.refgrade.runtime.protocol.Repr;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Calling a builtin type: int(), str(), list()..., with CPython's shortcuts that return the argument. */
final class Constructors {
    private Constructors() {}

    static void install() {
        PyType.INT.constructor = (rt, t, args, kw) -> {
            Builtins.arity(rt, "int", args, 0, 2);
            if (args.length == 0) return rt.newInt(0);
            PyObject x = args[0];
            if (args.length == 2) return parseInt(rt, x, (int) Arith.toLong(rt, args[1]));
            return switch (x) {
                case PyBool b -> rt.newInt(b.small);
                case PyInt i -> rt.heap.newRef(i); // long_long: an exact int is returned as is
                case PyFloat f -> {
                    if (Double.isNaN(f.value) || Double.isInfinite(f.value)) {
                        throw rt.error(Double.isNaN(f.value) ? PyExc.VALUE_ERROR : PyExc.OVERFLOW_ERROR,
                                "cannot convert float " + Format.floatRepr(f.value) + " to integer");
                    }
                    yield rt.newInt(new BigDecimal(f.value).toBigInteger());
                }
                case PyStr s -> parseInt(rt, s, 10);
                default -> {
                    PyObject r = rt.ops.callDunder(x, "__int__");
                    if (r != null) yield r;
                    throw rt.typeError("int() argument must be a string, a bytes-like object or a real number, not '"
                            + x.type().name + "'");
                }
            };
        };
        PyType.BOOL.constructor = (rt, t, args, kw) -> {
            Builtins.arity(rt, "bool", args, 0, 1);
            return PyRuntime.bool(args.length == 1 && rt.ops.truthy(args[0]));
        };
        PyType.FLOAT.constructor = (rt, t, args, kw) -> {
            Builtins.arity(rt, "float", args, 0, 1);
            if (args.length == 0) return rt.newFloat(0.0);
            return switch (args[0]) {
                case PyFloat f -> rt.heap.newRef(f);
                case PyInt i -> rt.newFloat(Arith.toDouble(i));
                case PyStr s -> rt.newFloat(parseFloat(rt, s.value));
                default -> throw rt.typeError("float() argument must be a string or a real number, not '"
                        + args[0].type().name + "'");
            };
        };
        PyType.STR.constructor = (rt, t, args, kw) -> {
            Builtins.arity(rt, "str", args, 0, 1);
            if (args.length == 0) return PyRuntime.EMPTY_STR;
            if (args[0].type() == PyType.STR) return rt.heap.newRef(args[0]);
            return rt.newStr(rt.ops.str(args[0]));
        };
        PyType.LIST.constructor = (rt, t, args, kw) -> {
            Builtins.arity(rt, "list", args, 0, 1);
            return args.length == 0 ? rt.newList() : Builtins.listOf(rt, args[0]);
        };
        PyType.TUPLE.constructor = (rt, t, args, kw) -> {
            Builtins.arity(rt, "tuple", args, 0, 1);
            if (args.length == 0) return PyRuntime.EMPTY_TUPLE;
            if (args[0].type() == PyType.TUPLE) return rt.heap.newRef(args[0]);
            return rt.newTuple(Builtins.toArray(rt, args[0]));
        };
        PyType.DICT.constructor = (rt, t, args, kw) -> {
            PyDict d = rt.newDict();
            try {
                if (args.length > 0) DictMethods.update(rt, d, args[0]);
                for (int i = 0; i < kw.names().size(); i++) d.put(rt, kw.names().get(i), kw.values().get(i));
            } catch (RuntimeException e) {
                rt.heap.decref(d);
                throw e;
            }
            return d;
        };
        PyType.SET.constructor = (rt, t, args, kw) -> makeSet(rt, args, false);
        PyType.FROZENSET.constructor = (rt, t, args, kw) -> {
            if (args.length == 1 && args[0].type() == PyType.FROZENSET) return rt.heap.newRef(args[0]);
            return makeSet(rt, args, true);
        };
        PyType.OBJECT.constructor = (rt, t, args, kw) -> {
            if (args.length > 0) throw rt.typeError("object() takes no arguments");
            return rt.heap.alloc(new PyBareObject());
        };
        PyType.TYPE.constructor = (rt, t, args, kw) -> {
            Builtins.arity(rt, "type", args, 1, 1);
            return rt.heap.newRef(args[0].type());
        };
        PyType.NONE.constructor = (rt, t, args, kw) -> PyRuntime.NONE;
        PyType.RANGE.constructor = (rt, t, args, kw) -> {
            Builtins.arity(rt, "range", args, 1, 3);
            long start = args.length == 1 ? 0 : Arith.toLong(rt, args[0]);
            long stop = Arith.toLong(rt, args[args.length == 1 ? 0 : 1]);
            long step = args.length == 3 ? Arith.toLong(rt, args[2]) : 1;
            if (step == 0) throw rt.error(PyExc.VALUE_ERROR, "range() arg 3 must not be zero");
            return rt.heap.alloc(new PyRange(start, stop, step));
        };
        PyType.PROPERTY.constructor = (rt, t, args, kw) -> {
            PyProperty p = new PyProperty();
            PyObject[] parts = {args.length > 0 ? args[0] : kw.get("fget"), args.length > 1 ? args[1] : kw.get("fset"),
                    args.length > 2 ? args[2] : kw.get("fdel")};
            for (int i = 0; i < 3; i++) if (parts[i] == PyRuntime.NONE) parts[i] = null;
            for (PyObject o : parts) if (o != null) rt.heap.incref(o);
            p.fget = parts[0];
            p.fset = parts[1];
            p.fdel = parts[2];
            return rt.heap.alloc(p);
        };
    }

    private static PyObject makeSet(PyRuntime rt, PyObject[] args, boolean frozen) {
        PySet s = rt.newSet(frozen);
        if (args.length == 0) return s;
        if (args[0] instanceof PySet other) {
            s.merge(rt, other);
            return s;
        }
        PyObject[] items = Builtins.toArray(rt, args[0]);
        try {
            for (PyObject o : items) s.add(rt, o);
        } finally {
            for (PyObject o : items) rt.heap.decref(o);
        }
        return s;
    }

    static PyObject parseInt(PyRuntime rt, PyObject x, int base) {
        if (!(x instanceof PyStr s)) throw rt.typeError("int() can't convert non-string with explicit base");
        String text = s.value.strip().replace("_", "");
        try {
            String digits = text;
            if (base == 16 && digits.matches("[-+]?0[xX].*")) digits = digits.replaceFirst("0[xX]", "");
            if (digits.isEmpty() || digits.matches(".*[^0-9a-zA-Z+-].*")) throw new NumberFormatException();
            return rt.newInt(new BigInteger(digits, base));
        } catch (NumberFormatException e) {
            throw rt.error(PyExc.VALUE_ERROR, "invalid literal for int() with base " + base + ": " + Repr.quote(s.value));
        }
    }

    static double parseFloat(PyRuntime rt, String text) {
        String t = text.strip().toLowerCase().replace("_", "");
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
                throw rt.error(PyExc.VALUE_ERROR, "could not convert string to float: " + Repr.quote(text));
        }
    }
}
